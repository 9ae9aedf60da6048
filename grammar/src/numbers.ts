/**
 * How numbers, percentages, scores and differences are written, once for every reader of the
 * model: diagnostics, hover, inlay hints, the report in every format and the command line.
 */

/** The languages numbers are written for: a decimal comma in `sv` and `nb`, a point in `en`. */
export type NumberLanguage = 'sv' | 'en' | 'nb';

/** Options of {@link formatNumber}. */
export interface NumberOptions {
  /** Group thousands (`9 811`, `140 499`; `9,811` in English). Default false, as scores are short. */
  group?: boolean;
}

const nbsp = '\u00a0';
const minus = '\u2212';

/** Cuts the float noise from a computed value (`0.1 + 0.2`) without rounding a written decimal. */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A number as readers of the language write it: `14,5` in Swedish and Norwegian, `14.5` in English; negatives with a real minus sign. */
export function formatNumber(n: number, lang: NumberLanguage, options: NumberOptions = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const v = clean(n);
  const [int = '', frac] = String(Math.abs(v)).split('.');
  const grouped =
    options.group && int.length >= 4
      ? int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : nbsp)
      : int;
  const sign = v < 0 ? minus : '';
  if (frac === undefined) return sign + grouped;
  return `${sign}${grouped}${lang === 'en' ? '.' : ','}${frac}`;
}

/** A percentage: `57 %` (no-break space) in Swedish and Norwegian, `57%` in English; `–` when unknown. */
export function formatPercent(p: number | undefined, lang: NumberLanguage): string {
  if (p === undefined) return '–';
  const s = formatNumber(p, lang);
  return lang === 'en' ? `${s}%` : `${s}${nbsp}%`;
}

/** A score against its max, `14/15`, or just the points when the max is unknown; `–` for no points. */
export function formatScore(
  points: number | undefined,
  max: number | undefined,
  lang: NumberLanguage,
): string {
  const p = points === undefined ? '–' : formatNumber(points, lang);
  return max === undefined ? p : `${p}/${formatNumber(max, lang)}`;
}

/** A signed difference: `+3`, `−2,5`, `±0`. */
export function formatDelta(d: number, lang: NumberLanguage): string {
  const n = clean(d);
  if (n === 0) return '±0';
  return n > 0 ? `+${formatNumber(n, lang)}` : `${minus}${formatNumber(-n, lang)}`;
}

/** A signed difference of two percentages, in percentage points: `+3 p.e.` (sv), `+3 pp` (en), `+3 p.p.` (nb). */
export function formatPercentDelta(d: number, lang: NumberLanguage): string {
  const unit = lang === 'en' ? 'pp' : lang === 'sv' ? 'p.e.' : 'p.p.';
  return `${formatDelta(d, lang)}${nbsp}${unit}`;
}
