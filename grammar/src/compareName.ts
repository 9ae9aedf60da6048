// Suffixes that name the kind of body, not the place: "Västerås stad" and "Västerås kommun" are
// the same municipality. Norwegian and Danish "kommune" are written the same way in reports.
const suffixes = /(?:\s+|^)(?:kommun|kommune|stad|municipality|city|kaupunki|kunta)$/u;

/**
 * The key evaluations of one municipality share: the name in lower case with whitespace collapsed
 * and a trailing "kommun", "stad" or "Municipality" (and their Nordic cousins) dropped. Returns
 * '' for a name with nothing left.
 */
export function municipalityKey(name: string): string {
  let key = name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/gu, ' ').trim();
  // "Municipality of Exempelby" is how English summaries sometimes put it.
  key = key.replace(/^municipality of\s+/u, '');
  const stripped = key.replace(suffixes, '').trim();
  return stripped || key;
}
