/**
 * The profile charts: the data (one axis per framework area, one series for the evaluation and
 * one per compared evaluation), the radar and bar geometry, and SVG markup. The PDF draws the
 * same geometry with its own calls, so both formats show the same chart.
 */

import type { EvaluationResult } from '../../grammar/src/index';
import { formatNumber, formatPercent } from '../../grammar/src/index';
import { escapeHtml } from './escape';
import type { Labels } from './labels';

/** An axis: one area. */
export interface ChartAxis {
  number: number;
  title: string;
  max: number;
}

/** One evaluation's scores per axis. */
export interface ChartSeries {
  name: string;
  /** True for the evaluation the report is about; false for compared ones. */
  own: boolean;
  /** Score per axis; undefined where the evaluation has none. */
  scores: (number | undefined)[];
  color: string;
}

/** What a chart shows. */
export interface ChartData {
  axes: ChartAxis[];
  series: ChartSeries[];
}

/** Colours of the series: the evaluation first, then comparisons; chosen to stay apart in greyscale too. */
export const seriesColors = ['#1d5fa6', '#d9782d', '#3c8f55', '#8a4fb0', '#b8323c', '#5f6b7a'];

/** The chart data of an evaluation: framework areas as axes (else the areas present), and every resolved comparison. */
export function chartData(e: EvaluationResult): ChartData {
  const axes: ChartAxis[] = e.framework
    ? e.framework.areas.map((a) => ({ number: a.number, title: a.title, max: a.max }))
    : e.areas.map((a) => ({ number: a.number, title: a.title, max: a.max }));
  const scoresOf = (ev: EvaluationResult) =>
    axes.map((axis) => ev.areas.find((a) => a.number === axis.number)?.score);
  const series: ChartSeries[] = [
    { name: e.label || e.name, own: true, scores: scoresOf(e), color: seriesColors[0]! },
  ];
  for (const c of e.comparisons) {
    if (!c.target) continue;
    series.push({
      name: c.label ?? c.target.name,
      own: false,
      scores: scoresOf(c.target),
      color: seriesColors[series.length % seriesColors.length]!,
    });
  }
  return { axes, series };
}

/** A point. */
export type Point = [number, number];

/** The radar chart laid out in a box of the given size. */
export interface RadarGeometry {
  width: number;
  height: number;
  center: Point;
  radius: number;
  /** Spokes from the centre, one per axis, with where its label goes. */
  axes: { end: Point; label: Point; anchor: 'start' | 'middle' | 'end'; lines: string[] }[];
  /** Grid polygons at 20, 40, 60, 80 and 100 % with their label position. */
  rings: { percent: number; points: Point[]; label: Point }[];
  /** One polygon per series, scores as a share of each axis's max. */
  polygons: { series: ChartSeries; points: Point[] }[];
}

/** Lays out the radar chart; `width` sets the scale, the height follows. */
export function radarGeometry(data: ChartData, width = 560): RadarGeometry {
  const height = Math.round(width * 0.78);
  const center: Point = [width / 2, height / 2];
  // Side labels need about a quarter of the width each, so the radius is set by the width.
  const radius = width * 0.23;
  const n = Math.max(data.axes.length, 1);
  const at = (i: number, r: number): Point => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [round(center[0] + r * Math.cos(angle)), round(center[1] + r * Math.sin(angle))];
  };
  const axes = data.axes.map((axis, i) => {
    const label = at(i, radius + 12);
    const dx = label[0] - center[0];
    const anchor: 'start' | 'middle' | 'end' =
      Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
    const lines = wrap(`${axis.number}. ${axis.title}`, 22);
    const dy = label[1] - center[1];
    // Labels above the centre grow upwards so they never cover the chart.
    const shift =
      dy < -1 ? -(lines.length - 1) * 13 : Math.abs(dy) <= 1 ? -((lines.length - 1) * 13) / 2 : 8;
    return {
      end: at(i, radius),
      label: [label[0], round(label[1] + shift)] as Point,
      anchor,
      lines,
    };
  });
  const rings = [20, 40, 60, 80, 100].map((percent) => ({
    percent,
    points: data.axes.map((_, i) => at(i, (radius * percent) / 100)),
    label: [round(center[0] + 3), round(center[1] - (radius * percent) / 100 - 2)] as Point,
  }));
  const polygons = data.series.map((series) => ({
    series,
    points: data.axes.map((axis, i) => {
      const score = series.scores[i] ?? 0;
      const share = axis.max > 0 ? Math.min(1, Math.max(0, score / axis.max)) : 0;
      return at(i, radius * share);
    }),
  }));
  return { width, height, center, radius, axes, rings, polygons };
}

/** The bar chart: per area a group of horizontal bars, one per series. */
export interface BarGeometry {
  width: number;
  height: number;
  /** Where the bars start and the length of a full (100 %) bar. */
  left: number;
  length: number;
  groups: {
    axis: ChartAxis;
    lines: string[];
    labelY: number;
    bars: { series: ChartSeries; x: number; y: number; w: number; h: number; value?: number }[];
  }[];
  ticks: { percent: number; x: number }[];
}

/** Lays out the bar chart for the given width. */
export function barGeometry(data: ChartData, width = 560): BarGeometry {
  const left = Math.round(width * 0.36);
  const length = width - left - 44;
  const barH = 11;
  const gap = 10;
  let y = 6;
  const groups = data.axes.map((axis, i) => {
    const groupH = Math.max(data.series.length * (barH + 2), 28);
    const bars = data.series.map((series, s) => {
      const value = series.scores[i];
      const share =
        value !== undefined && axis.max > 0 ? Math.min(1, Math.max(0, value / axis.max)) : 0;
      const bar = { series, x: left, y: y + s * (barH + 2), w: round(length * share), h: barH };
      return value === undefined ? bar : { ...bar, value };
    });
    const lines = wrap(`${axis.number}. ${axis.title}`, Math.round(left / 7));
    const labelY = round(y + groupH / 2 - ((lines.length - 1) * 12) / 2 + 4);
    y += groupH + gap;
    return { axis, lines, labelY, bars };
  });
  const ticks = [0, 25, 50, 75, 100].map((percent) => ({
    percent,
    x: round(left + (length * percent) / 100),
  }));
  return { width, height: y + 14, left, length, groups, ticks };
}

/** The radar chart as inline SVG: one `line.kk-axis` per axis and one `polygon.kk-series` per series. */
export function radarSvg(data: ChartData, labels: Labels, width = 560, alt?: string): string {
  const g = radarGeometry(data, width);
  const pts = (points: Point[]) => points.map((p) => `${p[0]},${p[1]}`).join(' ');
  const out: string[] = [
    `<svg class="kk-chart kk-radar" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeHtml(alt ?? labels.profileRadar)}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  for (const ring of g.rings)
    out.push(`<polygon class="kk-grid" points="${pts(ring.points)}" fill="none"/>`);
  g.axes.forEach((a, i) => {
    out.push(
      `<line class="kk-axis" data-axis="${data.axes[i]!.number}" x1="${g.center[0]}" y1="${g.center[1]}" x2="${a.end[0]}" y2="${a.end[1]}"/>`,
    );
  });
  for (const ring of g.rings)
    out.push(
      `<text class="kk-tick" x="${ring.label[0]}" y="${ring.label[1]}">${ring.percent}</text>`,
    );
  g.polygons.forEach((p, i) => {
    const s = p.series;
    out.push(
      `<polygon class="kk-series${s.own ? ' kk-own' : ''}" data-series="${i}" points="${pts(p.points)}" fill="${s.color}" fill-opacity="${s.own ? 0.22 : 0.06}" stroke="${s.color}" stroke-width="${s.own ? 2.5 : 2}"${s.own ? '' : ' stroke-dasharray="6 4"'}><title>${escapeHtml(s.name)}</title></polygon>`,
    );
  });
  for (const a of g.axes) {
    const spans = a.lines
      .map(
        (line, j) =>
          `<tspan x="${a.label[0]}" dy="${j === 0 ? 0 : 13}">${escapeHtml(line)}</tspan>`,
      )
      .join('');
    out.push(
      `<text class="kk-axis-label" x="${a.label[0]}" y="${a.label[1]}" text-anchor="${a.anchor}">${spans}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** The bar chart as inline SVG: one `rect.kk-bar` per area and series. */
export function barsSvg(data: ChartData, labels: Labels, width = 560, alt?: string): string {
  const g = barGeometry(data, width);
  const out: string[] = [
    `<svg class="kk-chart kk-bars" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeHtml(alt ?? labels.profileBars)}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  for (const t of g.ticks) {
    out.push(
      `<line class="kk-grid" x1="${t.x}" y1="0" x2="${t.x}" y2="${g.height - 14}"/><text class="kk-tick" x="${t.x}" y="${g.height - 2}" text-anchor="middle">${formatPercent(t.percent, labels.lang)}</text>`,
    );
  }
  for (const group of g.groups) {
    const spans = group.lines
      .map(
        (line, j) =>
          `<tspan x="${g.left - 8}" dy="${j === 0 ? 0 : 12}">${escapeHtml(line)}</tspan>`,
      )
      .join('');
    out.push(
      `<text class="kk-axis-label" x="${g.left - 8}" y="${group.labelY}" text-anchor="end">${spans}</text>`,
    );
    for (const b of group.bars) {
      out.push(
        `<rect class="kk-bar" data-area="${group.axis.number}" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.series.color}"${b.series.own ? '' : ' fill-opacity="0.75"'}><title>${escapeHtml(b.series.name)}</title></rect>`,
      );
      if (b.value !== undefined)
        out.push(
          `<text class="kk-value" x="${b.x + b.w + 4}" y="${b.y + b.h - 2}">${escapeHtml(formatNumber(b.value, labels.lang))}</text>`,
        );
    }
  }
  out.push('</svg>');
  return out.join('');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // An area's number stays with the first word of its title (`7. Verksamhetsutveckling`).
  for (const word of text.replace(/^(\d+\.)\s+/, '$1\u00a0').split(/[ \t\r\n]+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
