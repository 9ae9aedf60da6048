/**
 * One string object for each short text a parse reads many times: question numbers, points and
 * maxes, separators, language codes, dates. A 100,000-line document holds some 70,000 of them; a
 * fresh string for each (24 bytes apiece) was a tenth of the tree, and each was one more object
 * for V8's young-generation collector to copy while a large analysis runs, which is what made a
 * large document's analysis cost more per line than a small one's (docs/performance.md,
 * *Memory*). The table is bounded: a text takes the slot its characters hash to, and a different
 * text hashing there replaces it, so the text returned is always exactly the one asked for.
 */

/** The longest text shared; longer ones are sliced as before. */
const longest = 12;
/** Slots in the table, a power of two. */
const slots = 2048;

const texts: (string | undefined)[] = new Array(slots).fill(undefined);

function slotOf(text: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h ^ (h >>> 11)) & (slots - 1);
}

function known(text: string, start: number, end: number, slot: number): boolean {
  const s = texts[slot];
  return s !== undefined && s.length === end - start && text.startsWith(s, start);
}

/** What the document `text` holds from `start` to `end`, shared with earlier reads of it. */
export function shortTextIn(text: string, start: number, end: number): string {
  if (end - start > longest) return text.slice(start, end);
  const slot = slotOf(text, start, end);
  if (known(text, start, end, slot)) return texts[slot]!;
  const s = text.slice(start, end);
  texts[slot] = s;
  return s;
}
