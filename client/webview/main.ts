/**
 * The script inside the preview webview: applies renders sent by the extension as DOM patches
 * (so the scroll position survives), scrolls with the editor and tells the extension where the
 * user scrolled it, and hands link clicks, problem clicks and double-clicks back to the extension. It builds no markup from strings of its own: the
 * report's HTML is produced and escaped by the renderer in the extension host.
 */

import type {
  Anchor,
  FromWebview,
  PanelProblem,
  PreviewState,
  ToWebview,
  UpdateMessage,
} from '../src/preview/messages';
import { increasing, lineForOffset, offsetForLine, type Placed } from '../src/preview/scrollMap';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('kompass-root')!;
const staleBanner = document.getElementById('kompass-stale')!;

const pageState = JSON.parse(document.body.dataset.kompassState ?? '{}') as PreviewState;
const saved = vscode.getState();
let state: PreviewState = {
  ...pageState,
  // The scroll position belongs to the document shown; another document starts at the top.
  ...(saved?.uri === pageState.uri && saved.scrollY !== undefined
    ? { scrollY: saved.scrollY }
    : {}),
};
vscode.setState(state);

let seq = 0;
let anchors: Anchor[] = [];
// Until when scroll events are ours (following the editor), not the user's.
let scrollingForEditorUntil = 0;
// Where we last scrolled the page for the editor: a scroll event landing there is ours too.
let scrolledForEditorTo = -1;
// When the user last scrolled the page: while they drive it, the editor's echo is ignored.
let userScrolledAt = 0;
const userDrives = () => Date.now() - userScrolledAt < 500;
// The anchors whose elements are in the page, and the monotonic run of them; found lazily.
let found: { anchor: Anchor; el: Element }[] | undefined;
let monotonic: { anchor: Anchor; el: Element }[] | undefined;

function apply(update: Omit<UpdateMessage, 'html'> & { html?: string }, initial: boolean): void {
  if (update.seq < seq) return;
  seq = update.seq;
  anchors = update.anchors;
  if (update.html !== undefined && !initial) patch(root, parse(update.html));
  found = undefined;
  enhanceProblems();
  showStale(update.stale);
  vscode.postMessage({ type: 'applied', seq: update.seq });
}

function parse(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const holder = document.createElement('div');
  holder.append(template.content);
  return holder;
}

/** Replaces only the children that changed, matching them by tag and id, down the tree. */
function patch(current: Element, next: Element): void {
  const a = Array.from(current.childNodes);
  const b = Array.from(next.childNodes);
  const key = (n: Node) => (n instanceof Element ? `${n.tagName}#${n.id}` : `#${n.nodeType}`);
  if (a.length !== b.length || a.some((n, i) => key(n) !== key(b[i]!))) {
    current.replaceChildren(...b);
    return;
  }
  a.forEach((old, i) => {
    const fresh = b[i]!;
    if (old.isEqualNode(fresh)) return;
    if (old instanceof Element && fresh instanceof Element && old.id && sameAttributes(old, fresh))
      patch(old, fresh);
    else old.replaceWith(fresh);
  });
}

function sameAttributes(a: Element, b: Element): boolean {
  if (a.attributes.length !== b.attributes.length) return false;
  for (const attr of Array.from(a.attributes))
    if (b.getAttribute(attr.name) !== attr.value) return false;
  return true;
}

function showStale(stale: UpdateMessage['stale']): void {
  if (!stale) {
    staleBanner.hidden = true;
    staleBanner.replaceChildren();
    return;
  }
  const title = document.createElement('strong');
  title.textContent = stale.title;
  const list = document.createElement('ul');
  for (const p of stale.problems) list.append(problemItem(p));
  staleBanner.replaceChildren(title, list);
  staleBanner.hidden = false;
}

function problemItem(p: PanelProblem): HTMLLIElement {
  const li = document.createElement('li');
  const where = document.createElement('button');
  where.type = 'button';
  where.textContent = `${p.line + 1}`;
  where.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line: p.line }));
  li.append(where, `: ${p.code ? `${p.code} ` : ''}${p.message}`);
  return li;
}

/** The elements the anchors point at, those laid out, in source order. */
function resolved(): { anchor: Anchor; el: Element }[] {
  if (found) return found;
  found = [];
  for (const anchor of anchors) {
    const el = document.querySelectorAll(anchor.selector)[anchor.index];
    if (el && el.getClientRects().length > 0) found.push({ anchor, el });
  }
  monotonic = increasing(found, (f) => pageTop(f.el));
  return found;
}

function pageTop(el: Element): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** The monotonic anchors placed where their elements are now. */
function placed(): Placed[] {
  resolved();
  return (monotonic ?? []).map(({ anchor, el }) => {
    const r = el.getBoundingClientRect();
    return { line: anchor.line, end: anchor.end, top: r.top + window.scrollY, height: r.height };
  });
}

/** Scrolls the part showing `line` to the top; a line no part shows leaves the page still. */
function scrollToLine(line: number): void {
  if (userDrives()) return;
  const anchors = placed();
  // Already showing that line (the editor is following us): stay put.
  if (lineForOffset(anchors, window.scrollY + staleBanner.offsetHeight) === line) return;
  const y = offsetForLine(anchors, line);
  if (y === undefined) return;
  scrollingForEditorUntil = Date.now() + 150;
  scrolledForEditorTo = Math.round(Math.max(0, y - staleBanner.offsetHeight));
  window.scrollTo(0, scrolledForEditorTo);
}

// Layout changes move the elements; the run of anchors is found again on the next scroll.
window.addEventListener('resize', () => {
  found = undefined;
});
document.addEventListener(
  'toggle',
  () => {
    found = undefined;
  },
  true,
);

/** Problems in the report's own problem box open their line, by click or keyboard. */
function enhanceProblems(): void {
  for (const li of Array.from(
    root.querySelectorAll<HTMLElement>('.kk-problems li[data-kk-line]'),
  )) {
    li.tabIndex = 0;
    li.setAttribute('role', 'link');
  }
}

function problemLine(target: EventTarget | null): number | undefined {
  const li = target instanceof Element ? target.closest('.kk-problems li[data-kk-line]') : null;
  const line = Number(li?.getAttribute('data-kk-line'));
  return li && Number.isInteger(line) && line > 0 ? line - 1 : undefined;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m.type === 'update') apply(m, false);
  else if (m.type === 'scroll') scrollToLine(m.line);
});

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let editorFrame = 0;
window.addEventListener('scroll', () => {
  if (Date.now() < scrollingForEditorUntil) return;
  if (Math.abs(window.scrollY - scrolledForEditorTo) < 2) {
    scrolledForEditorTo = -1;
    return;
  }
  userScrolledAt = Date.now();
  // The user scrolled: the editor follows (when the setting allows; the extension decides).
  cancelAnimationFrame(editorFrame);
  editorFrame = requestAnimationFrame(() => {
    const line = lineForOffset(placed(), window.scrollY + staleBanner.offsetHeight);
    if (line !== undefined) vscode.postMessage({ type: 'scrollEditor', line });
  });
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    state = { ...state, scrollY: window.scrollY };
    vscode.setState(state);
  }, 200);
});

document.addEventListener('click', (event) => {
  const line = problemLine(event.target);
  if (line !== undefined) {
    vscode.postMessage({ type: 'reveal', line });
    return;
  }
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target) return;
  const href = target.getAttribute('href') ?? '';
  event.preventDefault();
  if (href.startsWith('#')) {
    document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    return;
  }
  vscode.postMessage({ type: 'link', href });
});

document.addEventListener('keydown', (event) => {
  const line = event.key === 'Enter' ? problemLine(event.target) : undefined;
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

// A double-click opens the source where the element under the pointer comes from.
document.addEventListener('dblclick', (event) => {
  if (!(event.target instanceof Element) || event.target.closest('a, button, .kk-problems')) return;
  const hit = resolved().filter((f) => f.el.contains(event.target as Node));
  // The innermost element holding the target; else the line at the pointer's height.
  const inner = hit.sort((a, b) => (a.el.contains(b.el) ? 1 : b.el.contains(a.el) ? -1 : 0))[0];
  const line = inner?.anchor.line ?? lineForOffset(placed(), event.pageY);
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

apply(JSON.parse(document.body.dataset.kompassUpdate ?? '{"seq":0,"anchors":[]}'), true);
// Updates posted while the page was loading may be lost; the extension re-sends the newest.
vscode.postMessage({ type: 'ready', seq });
if (state.scrollY !== undefined) {
  scrollingForEditorUntil = Date.now() + 150;
  window.scrollTo(0, state.scrollY);
}
