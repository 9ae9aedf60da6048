/** Arrays of bytes joined: the one home of that copy for the report, its PDF and the extension. */

/** The parts as one array of bytes; a single part is given back as it is, not copied. */
export function joinBytes(parts: Iterable<Uint8Array>): Uint8Array {
  const pieces = Array.isArray(parts) ? (parts as Uint8Array[]) : [...parts];
  if (pieces.length === 1) return pieces[0]!;
  let length = 0;
  for (const p of pieces) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
