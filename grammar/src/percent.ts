/** Whole percent, rounded half up as the published reports do (17/30 → 57). 0 when max is 0. */
export function percent(points: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(points)) return 0;
  // The epsilon keeps exact halves such as 72.5 from falling to 72 through binary rounding.
  return Math.floor((points * 100) / max + 0.5 + 1e-9);
}

/** Sums without the float noise that 0.1 + 0.2 gives, for scores written with decimals. */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return Math.round(s * 1e6) / 1e6;
}
