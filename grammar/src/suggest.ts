/**
 * Edit distance with adjacent transpositions (`questoin` is one step from `question`), bounded:
 * returns `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/** How far a word may be from a candidate to be a likely typo of it. */
function tolerance(word: string): number {
  return word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
}

/** Candidates with their folded forms, made once for a list `nearest` is asked about often. */
export interface FoldedCandidates {
  readonly words: readonly string[];
  readonly folded: readonly string[];
}

/** Folds a fixed list of candidates once (the keyword spellings are tried for every bare word). */
export function foldCandidates(words: readonly string[]): FoldedCandidates {
  return { words, folded: words.map(fold) };
}

/**
 * The candidate a word is most likely a typo of (case and accents aside: `omrade` → `område`),
 * or undefined when none is close enough. Ties go to the earlier candidate.
 */
export function nearest(
  word: string,
  candidates: Iterable<string> | FoldedCandidates,
): string | undefined {
  const { words, folded } =
    typeof candidates === 'object' && 'folded' in candidates
      ? candidates
      : foldCandidates([...candidates]);
  const w = fold(word);
  const limit = tolerance(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let i = 0; i < words.length; i++) {
    const d = editDistance(w, folded[i]!, limit);
    if (d < bestDistance) {
      best = words[i];
      bestDistance = d;
    }
  }
  return best;
}

/** Lower case without diacritics: `Område` and `omrade` compare equal. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
