/** Whole percent, rounded half up as the published reports do (17/30 → 57). 0 when max is 0. */
export function percent(points: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(points)) return 0;
  // The epsilon keeps exact halves such as 72.5 from falling to 72 through binary rounding.
  return Math.floor((points * 100) / max + 0.5 + 1e-9);
}

/**
 * Sums exactly in decimal, as the numbers were written: 0.1 + 0.2 is 0.3 and 0.0000004 +
 * 0.0000004 is 0.0000008 (rounding to a fixed number of decimals got the latter wrong).
 * Whole numbers, the usual case, take the plain sum.
 */
export function sum(values: readonly number[]): number {
  let s = 0;
  let whole = true;
  for (const v of values) {
    s += v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (whole || !Number.isFinite(s)) return s;
  const parts: { digits: bigint; scale: number }[] = [];
  let scale = 0;
  for (const v of values) {
    const p = decimal(v);
    if (!p) return s;
    parts.push(p);
    if (p.scale > scale) scale = p.scale;
  }
  let total = 0n;
  for (const p of parts) total += p.digits * 10n ** BigInt(scale - p.scale);
  return Number(`${total}e-${scale}`);
}

/** A finite number as the integer digits and decimal places of its shortest form. */
function decimal(v: number): { digits: bigint; scale: number } | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return undefined;
  const frac = m[3] ?? '';
  let digits = BigInt(m[2]! + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: m[1] ? -digits : digits, scale };
}
