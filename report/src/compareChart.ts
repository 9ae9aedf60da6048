/**
 * The trend chart of a comparison: one line per area across the rounds of a municipality, as a
 * percent of the area's max. Geometry only, so the comparison report (SVG text) and the editor's
 * comparison view (SVG elements built in the webview) draw the same chart.
 */

import { formatPercent, type NumberLanguage } from '../../grammar/src/index';
import { type ChartData, seriesColors } from './chart';
import { escapeHtml } from './escape';

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

/** The colour and dash of the trend line of the `index`th area: the series colours, dashed past them. */
export function trendStyle(index: number): { color: string; dash?: string } {
  const color = seriesColors[index % seriesColors.length]!;
  return index >= seriesColors.length ? { color, dash: '5 3' } : { color };
}

/**
 * A trend chart's lines from chart data whose axes are the areas and whose series are the
 * rounds: each area's score per round as a percent of its max.
 */
export function trendLines(data: ChartData): { rounds: string[]; lines: TrendLine[] } {
  return {
    rounds: data.series.map((s) => s.name),
    lines: data.axes.map((a, i) => ({
      label: `${a.number}. ${a.title}`,
      values: data.series.map((s) => {
        const score = s.scores[i];
        return score === undefined || a.max <= 0 ? undefined : (score * 100) / a.max;
      }),
    })),
  };
}

/**
 * The trend chart as inline SVG: one `polyline.kk-trend` per area and stretch of rounds with a
 * score; the axis in percent written the `lang` way.
 */
export function trendSvg(data: ChartData, alt: string, lang: NumberLanguage, width = 560): string {
  const { rounds, lines } = trendLines(data);
  const g = trendGeometry(rounds, lines, width);
  const out: string[] = [
    `<svg class="kk-chart kk-trend" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeHtml(alt)}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  for (const t of g.ticks)
    out.push(
      `<line class="kk-grid" x1="${g.left}" y1="${t.y}" x2="${g.right}" y2="${t.y}"/><text class="kk-tick" x="${g.left - 6}" y="${t.y + 3}" text-anchor="end">${formatPercent(t.percent, lang)}</text>`,
    );
  // The first and last rounds sit at the plot's edges: their labels grow inwards.
  g.rounds.forEach((r, i) => {
    const anchor =
      g.rounds.length < 2
        ? 'middle'
        : i === 0
          ? 'start'
          : i === g.rounds.length - 1
            ? 'end'
            : 'middle';
    out.push(
      `<text class="kk-round" x="${r.x}" y="${g.height - 8}" text-anchor="${anchor}">${escapeHtml(r.label)}</text>`,
    );
  });
  g.lines.forEach((line, i) => {
    const { color, dash } = trendStyle(i);
    for (const seg of line.segments)
      out.push(
        `<polyline class="kk-trend-line" data-area="${data.axes[i]!.number}" points="${seg.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
    for (const p of line.points)
      out.push(
        `<circle cx="${p[0]}" cy="${p[1]}" r="3" fill="${color}"><title>${escapeHtml(line.line.label)}</title></circle>`,
      );
  });
  out.push('</svg>');
  return out.join('');
}
