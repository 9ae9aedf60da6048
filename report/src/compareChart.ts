/**
 * The trend chart of a comparison: one line per area across the rounds of a municipality, as a
 * percent of the area's max. Geometry only, so the comparison report (SVG text) and the editor's
 * comparison view (SVG elements built in the webview) draw the same chart.
 */

/** One line of the chart: an area's percent per round; undefined where the round has no score. */
export interface TrendLine {
  label: string;
  values: (number | undefined)[];
}

/** A laid-out trend chart. */
export interface TrendGeometry {
  width: number;
  height: number;
  /** The plot area. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** One per round: where its label goes. */
  rounds: { x: number; label: string }[];
  /** Grid lines at 0, 25, 50, 75 and 100 %. */
  ticks: { percent: number; y: number }[];
  /** Per line: its points (rounds without a value break the line into segments). */
  lines: { line: TrendLine; segments: [number, number][][]; points: [number, number][] }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Lays out a trend chart of the lines over the rounds (labelled by `rounds`), `width` wide. */
export function trendGeometry(
  rounds: readonly string[],
  lines: readonly TrendLine[],
  width = 560,
  height = 240,
): TrendGeometry {
  const left = 40;
  const right = width - 16;
  const top = 12;
  const bottom = height - 28;
  const n = Math.max(rounds.length, 1);
  // A single round sits in the middle; more spread from edge to edge.
  const xAt = (i: number) =>
    round1(n === 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));
  const yAt = (p: number) =>
    round1(bottom - ((bottom - top) * Math.min(100, Math.max(0, p))) / 100);
  return {
    width,
    height,
    left,
    top,
    right,
    bottom,
    rounds: rounds.map((label, i) => ({ x: xAt(i), label })),
    ticks: [0, 25, 50, 75, 100].map((percent) => ({ percent, y: yAt(percent) })),
    lines: lines.map((line) => {
      const segments: [number, number][][] = [];
      const points: [number, number][] = [];
      let current: [number, number][] = [];
      line.values.forEach((v, i) => {
        if (v === undefined) {
          if (current.length > 0) segments.push(current);
          current = [];
          return;
        }
        const p: [number, number] = [xAt(i), yAt(v)];
        current.push(p);
        points.push(p);
      });
      if (current.length > 0) segments.push(current);
      return { line, segments, points };
    }),
  };
}
