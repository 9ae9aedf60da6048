/**
 * The profile charts as PNG, for Word documents: Word shows the SVG, and older versions fall back
 * to this bitmap. It draws the same geometry as chart.ts and compareChart.ts (grid, spokes,
 * polygons, bars, trend lines) without the labels, which the picture's alternative text and the
 * table after it carry.
 */

// fflate where no other zlib is given, so the web extension can draw the charts too.
import { zlibSync } from 'fflate';
import { joinBytes } from './bytes';
import { barGeometry, type ChartData, type Point, radarGeometry } from './chart';
import { trendGeometry, trendLines, trendStyle } from './compareChart';
import type { Deflate } from './options';

/** zlib's level for the pictures: fflate's and zlib's default. */
const pngDeflateLevel = 6;

type Rgb = [number, number, number];

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly scale: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  private blend(x: number, y: number, c: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    for (let k = 0; k < 3; k++)
      this.pixels[i + k] = Math.round(this.pixels[i + k]! * (1 - alpha) + c[k]! * alpha);
  }

  /** Fills a polygon (even-odd rule) given in chart units. */
  polygon(points: Point[], c: Rgb, alpha: number): void {
    const pts = points.map(([x, y]) => [x * this.scale, y * this.scale] as Point);
    const ys = pts.map((p) => p[1]);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = top; y <= bottom; y++) {
      const cy = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < pts.length; i++) {
        const [x1, y1] = pts[i]!;
        const [x2, y2] = pts[(i + 1) % pts.length]!;
        if (y1 <= cy !== y2 <= cy) xs.push(x1 + ((cy - y1) * (x2 - x1)) / (y2 - y1));
      }
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2)
        for (let x = Math.round(xs[i]!); x < Math.round(xs[i + 1]!); x++)
          this.blend(x, y, c, alpha);
    }
  }

  /** A line `thickness` chart units wide. */
  line(a: Point, b: Point, c: Rgb, thickness: number): void {
    const [x1, y1] = [a[0] * this.scale, a[1] * this.scale];
    const [x2, y2] = [b[0] * this.scale, b[1] * this.scale];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const r = (thickness * this.scale) / 2;
    const [nx, ny] = [(-(y2 - y1) / len) * r, ((x2 - x1) / len) * r];
    this.polygon(
      [
        [(x1 + nx) / this.scale, (y1 + ny) / this.scale],
        [(x2 + nx) / this.scale, (y2 + ny) / this.scale],
        [(x2 - nx) / this.scale, (y2 - ny) / this.scale],
        [(x1 - nx) / this.scale, (y1 - ny) / this.scale],
      ],
      c,
      1,
    );
  }

  outline(points: Point[], c: Rgb, thickness: number): void {
    points.forEach((p, i) => {
      this.line(p, points[(i + 1) % points.length]!, c, thickness);
    });
  }

  png(deflate?: Deflate): Uint8Array {
    const raw = new Uint8Array((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0;
      raw.set(
        this.pixels.subarray(y * this.width * 3, (y + 1) * this.width * 3),
        y * (this.width * 3 + 1) + 1,
      );
    }
    const header = new Uint8Array(13);
    const view = new DataView(header.buffer);
    view.setUint32(0, this.width);
    view.setUint32(4, this.height);
    header.set([8, 2, 0, 0, 0], 8);
    return joinBytes([
      new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk(
        'IDAT',
        deflate ? deflate(raw, pngDeflateLevel) : zlibSync(raw, { level: pngDeflateLevel }),
      ),
      chunk('IEND', new Uint8Array(0)),
    ]);
  }
}

const grid: Rgb = [199, 204, 211];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The chart as a PNG of `width` chart units, drawn at twice that many pixels; returns its size in
 * chart units too. `deflate` compresses the pixels (`ReportOptions.deflate`; fflate when omitted).
 */
export function chartPng(
  chart: 'radar' | 'bars' | 'trend',
  data: ChartData,
  width = 560,
  deflate?: Deflate,
): { png: Uint8Array; width: number; height: number } {
  const scale = 2;
  if (chart === 'trend') {
    const { rounds, lines } = trendLines(data);
    const g = trendGeometry(rounds, lines, width);
    const canvas = new Canvas(g.width * scale, g.height * scale, scale);
    for (const t of g.ticks) canvas.line([g.left, t.y], [g.right, t.y], grid, 1);
    g.lines.forEach((line, i) => {
      const c = rgb(trendStyle(i).color);
      for (const seg of line.segments)
        for (let k = 1; k < seg.length; k++) canvas.line(seg[k - 1]!, seg[k]!, c, 2);
      for (const [x, y] of line.points)
        canvas.polygon(
          Array.from({ length: 8 }, (_, j): Point => {
            const a = (j * Math.PI) / 4;
            return [x + 3 * Math.cos(a), y + 3 * Math.sin(a)];
          }),
          c,
          1,
        );
    });
    return { png: canvas.png(deflate), width: g.width, height: g.height };
  }
  if (chart === 'radar') {
    const g = radarGeometry(data, width);
    const canvas = new Canvas(g.width * scale, Math.ceil(g.height * scale), scale);
    for (const ring of g.rings) canvas.outline(ring.points, grid, 1);
    for (const a of g.axes) canvas.line(g.center, a.end, grid, 1);
    for (const p of g.polygons) {
      const c = rgb(p.series.color);
      canvas.polygon(p.points, c, p.series.own ? 0.22 : 0.06);
      canvas.outline(p.points, c, p.series.own ? 2.5 : 2);
    }
    return { png: canvas.png(deflate), width: g.width, height: g.height };
  }
  const g = barGeometry(data, width);
  const canvas = new Canvas(g.width * scale, Math.ceil(g.height * scale), scale);
  for (const t of g.ticks) canvas.line([t.x, 0], [t.x, g.height - 14], grid, 1);
  for (const group of g.groups)
    for (const b of group.bars)
      canvas.polygon(
        [
          [b.x, b.y],
          [b.x + b.w, b.y],
          [b.x + b.w, b.y + b.h],
          [b.x, b.y + b.h],
        ],
        rgb(b.series.color),
        b.series.own ? 1 : 0.75,
      );
  return { png: canvas.png(deflate), width: g.width, height: g.height };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
