/**
 * The script inside the comparison webview: draws the table, the trend lines, the radar and the
 * averages from the plain data the extension sends. Every element is made with DOM calls and every
 * text set with `textContent`, so names and titles from documents are never parsed as markup.
 */

import { radarGeometry, seriesColors } from '../../../report/src/chart';
import { trendGeometry } from '../../../report/src/compareChart';
import type { Cell, CompareView, FromCompareWebview, ToCompareWebview, ViewRow } from './messages';

interface VsCodeApi {
  postMessage(message: FromCompareWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

interface SavedState {
  sort?: { column: string; descending: boolean };
  selected?: number[];
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('kompass-compare')!;
const svgNs = 'http://www.w3.org/2000/svg';
const maxTrends = 12;

let state: SavedState = vscode.getState() ?? {};
let view: CompareView | undefined;
let seq = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function changeClass(c: Cell): string {
  return c.value === undefined || c.value === 0 ? '' : c.value > 0 ? 'kc-up' : 'kc-down';
}

// Sorting: by the column's value; rows without one go last whichever way.
type Column = {
  key: string;
  label: string;
  numeric: boolean;
  get: (r: ViewRow) => string | number | undefined;
};

function columns(v: CompareView): Column[] {
  const L = v.labels;
  const cols: Column[] = [
    { key: 'name', label: L.name, numeric: false, get: (r) => r.name },
    { key: 'date', label: L.date, numeric: false, get: (r) => r.date || undefined },
    { key: 'framework', label: L.framework, numeric: false, get: (r) => r.framework },
    { key: 'round', label: L.round, numeric: true, get: (r) => r.round.value },
    { key: 'total', label: L.total, numeric: true, get: (r) => r.total.value },
    { key: 'percent', label: L.percent, numeric: true, get: (r) => r.percent.value },
    { key: 'change', label: L.change, numeric: true, get: (r) => r.change.value },
  ];
  for (let i = 0; i < v.areaCount; i++) {
    cols.push({
      key: `area${i + 1}`,
      label: String(i + 1),
      numeric: true,
      get: (r) => r.areas[i]?.score.value,
    });
  }
  return cols;
}

function sortedRows(v: CompareView): ViewRow[] {
  const rows = v.rows.map((r, i) => ({ r, i }));
  const s = state.sort;
  const col = s && columns(v).find((c) => c.key === s.column);
  if (!s || !col) return v.rows;
  rows.sort((a, b) => {
    const x = col.get(a.r);
    const y = col.get(b.r);
    if (x === undefined || y === undefined) return x === y ? a.i - b.i : x === undefined ? 1 : -1;
    const d =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'sv');
    return (s.descending ? -d : d) || a.i - b.i;
  });
  return rows.map((x) => x.r);
}

function table(v: CompareView): HTMLElement {
  const cols = columns(v);
  const head = el('tr', {}, el('th', { scope: 'col' }, v.labels.select));
  for (const c of cols) {
    const sorted = state.sort?.column === c.key;
    const th = el('th', {
      scope: 'col',
      class: c.numeric ? 'kc-num' : '',
      'aria-sort': sorted ? (state.sort?.descending ? 'descending' : 'ascending') : 'none',
    });
    const b = el(
      'button',
      { type: 'button', title: v.labels.sortHint, 'data-column': c.key },
      c.label,
    );
    b.addEventListener('click', () => {
      state = { ...state, sort: { column: c.key, descending: sorted && !state.sort?.descending } };
      save();
      draw();
    });
    th.append(b);
    head.append(th);
  }
  const body = el('tbody');
  const selected = new Set(state.selected ?? []);
  for (const r of sortedRows(v)) {
    const box = el('input', {
      type: 'checkbox',
      'aria-label': `${v.labels.select}: ${r.name} ${r.date}`,
    });
    box.checked = selected.has(r.source);
    box.addEventListener('change', () => toggle(r.source, box.checked));
    const open = el('button', { type: 'button', class: 'kc-open', title: v.labels.open }, r.name);
    open.addEventListener('click', () => vscode.postMessage({ type: 'open', source: r.source }));
    const change = el(
      'td',
      { class: `kc-num kc-total-change ${changeClass(r.change)}` },
      r.change.text,
    );
    if (r.notComparable) change.title = r.notComparable;
    const tr = el(
      'tr',
      { 'data-source': String(r.source) },
      el('td', {}, box),
      el('td', {}, open),
      el('td', {}, r.date),
      el('td', {}, r.framework),
      el('td', { class: 'kc-num' }, r.round.text),
      el('td', { class: 'kc-num' }, r.total.text),
      el('td', { class: 'kc-num' }, r.percent.text),
      change,
    );
    for (const a of r.areas) {
      const td = el('td', { class: 'kc-num' }, a.score.text);
      if (a.change.text)
        td.append(el('span', { class: `kc-change ${changeClass(a.change)}` }, a.change.text));
      tr.append(td);
    }
    body.append(tr);
  }
  const foot = el('tfoot');
  for (const f of v.frameworks) {
    const tr = el(
      'tr',
      {},
      el('td'),
      el('td', {}, `${v.labels.average} (${f.average.count})`),
      el('td'),
      el('td', {}, f.title),
      el('td'),
      el('td', { class: 'kc-num' }, f.average.total.text),
      el('td', { class: 'kc-num' }, f.average.percent.text),
      el('td'),
    );
    for (const a of f.average.areas) tr.append(el('td', { class: 'kc-num' }, a.score.text));
    foot.append(tr);
  }
  return el('div', { class: 'kc-scroll' }, el('table', {}, el('thead', {}, head), body, foot));
}

function legend(items: { label: string; color: string; dashed?: boolean }[]): HTMLElement {
  const ul = el('ul', { class: 'kc-legend' });
  for (const it of items) {
    const sw = el('span', { class: 'kc-swatch', 'aria-hidden': 'true' });
    sw.style.background = it.color;
    if (it.dashed) sw.style.opacity = '0.5';
    ul.append(el('li', {}, sw, it.label));
  }
  return ul;
}

function trends(v: CompareView): HTMLElement | undefined {
  // A folder of every municipality would be a wall of charts: past a dozen, the selected ones'.
  const chosen = new Set(
    (state.selected ?? []).map((s) => v.rows.find((r) => r.source === s)?.group),
  );
  const all = v.groups.filter((g) => g.trend);
  const groups = all.length <= maxTrends ? all : all.filter((g) => chosen.has(v.groups.indexOf(g)));
  if (groups.length === 0) return undefined;
  const section = el('section', {}, el('h2', {}, v.labels.trends));
  const wrap = el('div', { class: 'kc-charts' });
  for (const g of groups) {
    const t = g.trend!;
    const geo = trendGeometry(t.rounds, t.lines);
    const chart = svg('svg', {
      viewBox: `0 0 ${geo.width} ${geo.height}`,
      width: geo.width,
      height: geo.height,
      role: 'img',
    });
    chart.setAttribute('aria-label', `${v.labels.trends}: ${g.name}`);
    for (const tick of geo.ticks) {
      chart.append(
        svg('line', { class: 'kc-grid', x1: geo.left, x2: geo.right, y1: tick.y, y2: tick.y }),
      );
      chart.append(
        svg('text', { x: geo.left - 6, y: tick.y + 4, 'text-anchor': 'end' }, `${tick.percent} %`),
      );
    }
    for (const r of geo.rounds)
      chart.append(svg('text', { x: r.x, y: geo.height - 8, 'text-anchor': 'middle' }, r.label));
    geo.lines.forEach((line, i) => {
      const color = seriesColors[i % seriesColors.length]!;
      const dash = i >= seriesColors.length ? '5 3' : '';
      for (const seg of line.segments) {
        const pl = svg('polyline', {
          points: seg.map((p) => p.join(',')).join(' '),
          fill: 'none',
          stroke: color,
          'stroke-width': 2,
          class: 'kc-trend',
        });
        if (dash) pl.setAttribute('stroke-dasharray', dash);
        chart.append(pl);
      }
      for (const p of line.points) {
        const c = svg('circle', { cx: p[0], cy: p[1], r: 3, fill: color });
        c.append(svg('title', {}, line.line.label));
        chart.append(c);
      }
    });
    wrap.append(
      el(
        'figure',
        { class: 'kc-chart' },
        el('h3', {}, g.name),
        chart,
        legend(
          t.lines.map((l, i) => ({
            label: l.label,
            color: seriesColors[i % seriesColors.length]!,
          })),
        ),
      ),
    );
  }
  section.append(wrap);
  return section;
}

function radar(v: CompareView): { section: HTMLElement; names: string[] } {
  const section = el('section', {}, el('h2', {}, v.labels.radar));
  const bySource = new Map(v.rows.map((r) => [r.source, r]));
  const chosen = (state.selected ?? [])
    .map((s) => bySource.get(s))
    .filter((r): r is ViewRow => !!r);
  if (chosen.length === 0) {
    section.append(el('p', {}, v.labels.radarHint));
    return { section, names: [] };
  }
  const fw = v.frameworks[chosen[0]!.frameworkIndex]!;
  const same = chosen.filter((r) => r.frameworkIndex === chosen[0]!.frameworkIndex);
  if (same.length < chosen.length)
    section.append(el('p', { class: 'kc-note', role: 'note' }, v.labels.radarOtherFramework));
  const series = same.map((r, i) => ({
    name: `${r.name} ${r.date}`.trim(),
    own: i === 0,
    scores: fw.areas.map((a) => r.areas[a.number - 1]?.score.value),
    color: seriesColors[i % seriesColors.length]!,
  }));
  series.push({
    name: `${v.labels.average} (${fw.title})`,
    own: false,
    scores: fw.areas.map((a) => fw.average.areas[a.number - 1]?.score.value),
    color: seriesColors[5]!,
  });
  const geo = radarGeometry({ axes: fw.areas, series });
  const chart = svg('svg', {
    viewBox: `0 0 ${geo.width} ${geo.height}`,
    width: geo.width,
    height: geo.height,
    role: 'img',
  });
  chart.setAttribute('aria-label', v.labels.radar);
  for (const ring of geo.rings)
    chart.append(
      svg('polygon', { class: 'kc-grid', points: ring.points.map((p) => p.join(',')).join(' ') }),
    );
  for (const a of geo.axes)
    chart.append(
      svg('line', {
        class: 'kc-grid',
        x1: geo.center[0],
        y1: geo.center[1],
        x2: a.end[0],
        y2: a.end[1],
      }),
    );
  for (const p of geo.polygons) {
    const poly = svg('polygon', {
      points: p.points.map((x) => x.join(',')).join(' '),
      fill: p.series.color,
      'fill-opacity': p.series.own ? 0.2 : 0.05,
      stroke: p.series.color,
      'stroke-width': 2,
      class: 'kc-radar-series',
    });
    if (p.series === series[series.length - 1]) poly.setAttribute('stroke-dasharray', '6 4');
    poly.append(svg('title', {}, p.series.name));
    chart.append(poly);
  }
  for (const a of geo.axes) {
    const t = svg('text', { x: a.label[0], y: a.label[1], 'text-anchor': a.anchor });
    a.lines.forEach((line, j) => {
      t.append(svg('tspan', { x: a.label[0], dy: j === 0 ? 0 : 13 }, line));
    });
    chart.append(t);
  }
  section.append(
    el(
      'figure',
      { class: 'kc-chart' },
      chart,
      legend(series.map((s) => ({ label: s.name, color: s.color, dashed: !s.own }))),
    ),
  );
  return { section, names: series.map((s) => s.name) };
}

function empty(v: CompareView): HTMLElement {
  const b = el('button', { type: 'button' }, v.labels.emptyButton);
  b.addEventListener('click', () => vscode.postMessage({ type: 'newEvaluation' }));
  return el(
    'section',
    { class: 'kc-empty' },
    el('h1', {}, v.labels.emptyTitle),
    el('p', {}, v.labels.emptyText),
    b,
  );
}

function toggle(source: number, on: boolean): void {
  let selected = (state.selected ?? []).filter((s) => s !== source);
  if (on) selected = [...selected, source].slice(-3);
  state = { ...state, selected };
  save();
  draw();
}

function save(): void {
  vscode.setState(state);
}

/** The default radar: the last two rounds of the first municipality that has two, else the first rows. */
function defaultSelection(v: CompareView): number[] {
  const g = v.groups.find((x) => x.rows.length >= 2);
  const rows = g ? g.rows.slice(-2) : v.rows.slice(0, 2).map((_, i) => i);
  return rows.map((i) => v.rows[i]!.source);
}

function draw(): void {
  const v = view;
  if (!v) return;
  const started = performance.now();
  const focused = document.activeElement?.getAttribute('data-column');
  root.replaceChildren();
  let names: string[] = [];
  if (v.rows.length === 0) root.append(empty(v));
  else {
    root.append(el('h1', {}, v.labels.title));
    for (const n of v.notes)
      root.append(el('p', { class: 'kc-note', role: 'note' }, `${v.labels.notes} ${n}`));
    if (v.problems.length > 0)
      root.append(el('ul', { class: 'kc-note' }, ...v.problems.map((p) => el('li', {}, p))));
    root.append(table(v));
    const t = trends(v);
    if (t) root.append(t);
    const r = radar(v);
    names = r.names;
    root.append(r.section);
  }
  // Sorting redraws the table: keep the keyboard on the header that was used.
  if (focused) root.querySelector<HTMLButtonElement>(`button[data-column="${focused}"]`)?.focus();
  const changes = Array.from(
    root.querySelectorAll('td.kc-total-change'),
    (c) => c.textContent ?? '',
  );
  vscode.postMessage({
    type: 'rendered',
    seq,
    ms: performance.now() - started,
    changes,
    radar: names,
  });
}

function apply(message: ToCompareWebview): void {
  if (message.seq < seq) return;
  seq = message.seq;
  view = message.view;
  const known = new Set(view.rows.map((r) => r.source));
  const kept = (state.selected ?? []).filter((s) => known.has(s));
  state = { ...state, selected: kept.length > 0 ? kept : defaultSelection(view) };
  save();
  draw();
}

window.addEventListener('message', (e: MessageEvent<ToCompareWebview>) => {
  if (e.data?.type === 'update') apply(e.data);
});

const first = JSON.parse(document.body.dataset.kompassCompare ?? 'null') as ToCompareWebview | null;
if (first) apply(first);
vscode.postMessage({ type: 'ready', seq });
