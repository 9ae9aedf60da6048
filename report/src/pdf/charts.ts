/**
 * The charts, drawn from the geometry of chart.ts (the HTML's SVG uses the same), each a `Figure`
 * whose alternative text states its numbers, with its caption and legend.
 */

import { formatNumber, formatPercent, type NumberLanguage } from '../../../grammar/src/index';
import {
  type BarGeometry,
  barGeometry,
  type ChartSeries,
  type RadarGeometry,
  radarGeometry,
} from '../chart';
import { trendGeometry, trendLines, trendStyle } from '../compareChart';
import type { FigureBlock } from '../document';
import type { Flow } from './flow';
import { color, margin, size, width } from './style';

/** The radar is narrower than the page, so it and the bars fit on one page together. */
const radarWidth = 360;
const captionHeight = 16;

/** Rows of the legend: as many as it takes to fit the series' names in the text width. */
function legendHeight(f: Flow, series: ChartSeries[]): number {
  f.doc.font('regular').fontSize(size.small);
  let x = 0;
  let rows = 1;
  for (const s of series) {
    const w = 24 + f.doc.widthOfString(s.name) + 18;
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows * 14 + 6;
}

/** A trend chart's legend: its lines are the areas, not the series. */
function trendLegend(b: FigureBlock): ChartSeries[] {
  return b.data.axes.map((a, i) => ({
    name: `${a.number}. ${a.title}`,
    own: trendStyle(i).dash === undefined,
    scores: [],
    color: trendStyle(i).color,
  }));
}

/** What the legend names: the series, or for a trend chart the areas. */
function legendOf(b: FigureBlock): ChartSeries[] {
  return b.chart === 'trend' ? trendLegend(b) : b.data.series;
}

function drawingHeight(b: FigureBlock): number {
  if (b.chart === 'radar') return radarGeometry(b.data, radarWidth).height;
  if (b.chart === 'bars') return barGeometry(b.data, width).height + 4;
  const { rounds, lines } = trendLines(b.data);
  return trendGeometry(rounds, lines, width).height;
}

/** The height a figure takes: caption, drawing and legend. */
export function figureHeight(f: Flow, b: FigureBlock): number {
  return captionHeight + drawingHeight(b) + 4 + legendHeight(f, legendOf(b)) + 10;
}

/** A chart as a `Figure` with its caption; starts a new page unless it fits on this one. */
export function figure(f: Flow, b: FigureBlock, lang: NumberLanguage): void {
  const d = f.doc;
  f.ensure(figureHeight(f, b));
  f.tags.leaf('Caption', () =>
    f.look('italic', size.small, color.muted).text(b.caption, margin.left, d.y, { width }),
  );
  const oy = d.y + 4;
  f.tags.leaf(
    'Figure',
    () => {
      if (b.chart === 'radar') {
        const g = radarGeometry(b.data, radarWidth);
        drawRadar(f, g, margin.left + (width - g.width) / 2, oy);
      } else if (b.chart === 'bars') drawBars(f, barGeometry(b.data, width), margin.left, oy, lang);
      else drawTrend(f, b, margin.left, oy, lang);
      d.y = oy + drawingHeight(b);
      legend(f, legendOf(b));
    },
    { alt: b.alt },
  );
  d.x = margin.left;
  d.y += 10;
}

function legend(f: Flow, series: ChartSeries[]): void {
  const d = f.doc;
  d.font('regular').fontSize(size.small);
  let x = margin.left;
  let y = d.y + 2;
  for (const s of series) {
    const w = 24 + d.widthOfString(s.name) + 18;
    if (x > margin.left && x + w > margin.left + width) {
      x = margin.left;
      y += 14;
    }
    d.save();
    d.rect(x, y + 1, 18, 8)
      .fillOpacity(s.own ? 0.5 : 0.2)
      .fillColor(s.color)
      .fill();
    d.restore();
    if (!s.own) d.dash(3, { space: 2 });
    d.rect(x, y + 1, 18, 8)
      .lineWidth(1.2)
      .strokeColor(s.color)
      .stroke();
    d.undash();
    d.fillColor(color.fg).text(s.name, x + 24, y, { lineBreak: false });
    x += w;
  }
  d.x = margin.left;
  d.y = y + 20;
}

function drawRadar(f: Flow, g: RadarGeometry, ox: number, oy: number): void {
  const d = f.doc;
  const at = (p: [number, number]): [number, number] => [ox + p[0], oy + p[1]];
  d.lineWidth(0.6).strokeColor(color.border);
  for (const ring of g.rings) d.polygon(...ring.points.map(at)).stroke();
  for (const a of g.axes)
    d.moveTo(...at(g.center))
      .lineTo(...at(a.end))
      .stroke();
  f.look('regular', 6.5, color.muted);
  for (const ring of g.rings)
    d.text(String(ring.percent), ...at([ring.label[0], ring.label[1] - 7]), { lineBreak: false });
  for (const p of g.polygons) {
    d.save();
    d.polygon(...p.points.map(at))
      .fillOpacity(p.series.own ? 0.22 : 0.06)
      .fillColor(p.series.color)
      .fill();
    d.restore();
    if (!p.series.own) d.dash(5, { space: 3 });
    d.polygon(...p.points.map(at))
      .lineWidth(p.series.own ? 2 : 1.5)
      .strokeColor(p.series.color)
      .stroke();
    d.undash();
  }
  f.look('regular', 7.5);
  for (const a of g.axes) {
    const box = 120;
    const x =
      a.anchor === 'start'
        ? a.label[0]
        : a.anchor === 'end'
          ? a.label[0] - box
          : a.label[0] - box / 2;
    a.lines.forEach((line, j) => {
      const [px, py] = at([x, a.label[1] - 8 + j * 10]);
      d.text(line, px, py, {
        width: box,
        align: a.anchor === 'start' ? 'left' : a.anchor === 'end' ? 'right' : 'center',
        lineBreak: false,
      });
    });
  }
}

function drawBars(f: Flow, g: BarGeometry, ox: number, oy: number, lang: NumberLanguage): void {
  const d = f.doc;
  d.lineWidth(0.5).strokeColor(color.border);
  f.look('regular', 6.5, color.muted);
  for (const t of g.ticks) {
    d.moveTo(ox + t.x, oy)
      .lineTo(ox + t.x, oy + g.height - 14)
      .stroke();
    d.text(formatPercent(t.percent, lang), ox + t.x - 15, oy + g.height - 10, {
      width: 30,
      align: 'center',
      lineBreak: false,
    });
  }
  for (const group of g.groups) {
    f.look('regular', 7.5);
    group.lines.forEach((line, j) => {
      d.text(line, ox, oy + group.labelY - 7 + j * 10, {
        width: g.left - 8,
        align: 'right',
        lineBreak: false,
      });
    });
    for (const b of group.bars) {
      d.save();
      d.rect(ox + b.x, oy + b.y, Math.max(b.w, 0.5), b.h)
        .fillOpacity(b.series.own ? 1 : 0.75)
        .fillColor(b.series.color)
        .fill();
      d.restore();
      if (b.value !== undefined)
        f.look('regular', 7).text(formatNumber(b.value, lang), ox + b.x + b.w + 4, oy + b.y + 1.5, {
          lineBreak: false,
        });
    }
  }
}

/** The trend chart of a comparison (compareChart.ts's geometry): one line per area across rounds. */
function drawTrend(f: Flow, b: FigureBlock, ox: number, oy: number, lang: NumberLanguage): void {
  const d = f.doc;
  const { rounds, lines } = trendLines(b.data);
  const g = trendGeometry(rounds, lines, width);
  d.lineWidth(0.5).strokeColor(color.border);
  f.look('regular', 6.5, color.muted);
  for (const t of g.ticks) {
    d.moveTo(ox + g.left, oy + t.y)
      .lineTo(ox + g.right, oy + t.y)
      .stroke();
    d.text(formatPercent(t.percent, lang), ox + g.left - 30, oy + t.y - 3, {
      width: 24,
      align: 'right',
      lineBreak: false,
    });
  }
  f.look('regular', 7.5);
  for (const r of g.rounds)
    d.text(r.label, ox + r.x - 60, oy + g.height - 14, {
      width: 120,
      align: 'center',
      lineBreak: false,
    });
  g.lines.forEach((line, i) => {
    const { color: stroke, dash } = trendStyle(i);
    for (const seg of line.segments) {
      if (dash) d.dash(5, { space: 3 });
      seg.forEach((p, j) => {
        if (j === 0) d.moveTo(ox + p[0], oy + p[1]);
        else d.lineTo(ox + p[0], oy + p[1]);
      });
      d.lineWidth(2).strokeColor(stroke).stroke();
      d.undash();
    }
    for (const p of line.points)
      d.circle(ox + p[0], oy + p[1], 3)
        .fillColor(stroke)
        .fill();
  });
}
