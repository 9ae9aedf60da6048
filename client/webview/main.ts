/**
 * The script inside the preview webview: applies renders sent by the extension as DOM patches
 * (so the scroll position survives), scrolls with the editor, and hands link clicks and
 * problem clicks back to the extension. It builds no markup from strings of its own: the
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
// Set while we scroll for the editor, so the scroll handler does not count it as the user's.
let scrollingForEditor = 0;

function apply(update: Omit<UpdateMessage, 'html'> & { html?: string }, initial: boolean): void {
  if (update.seq < seq) return;
  seq = update.seq;
  anchors = update.anchors;
  if (update.html !== undefined && !initial) patch(root, parse(update.html));
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

/** Scrolls so the part at `line` is at the top, between anchors in proportion. */
function scrollToLine(line: number): void {
  let before: { anchor: Anchor; el: HTMLElement } | undefined;
  let after: { anchor: Anchor; el: HTMLElement } | undefined;
  for (const anchor of anchors) {
    const el = document.getElementById(anchor.id);
    if (!el) continue;
    if (anchor.line <= line) before = { anchor, el };
    else {
      after = { anchor, el };
      break;
    }
  }
  if (!before) {
    scrollWindow(0);
    return;
  }
  const top = before.el.getBoundingClientRect().top + window.scrollY;
  let y = top;
  if (after && after.anchor.line > before.anchor.line) {
    const nextTop = after.el.getBoundingClientRect().top + window.scrollY;
    const share = (line - before.anchor.line) / (after.anchor.line - before.anchor.line);
    y = top + (nextTop - top) * share;
  }
  scrollWindow(Math.max(0, y - staleBanner.offsetHeight));
}

function scrollWindow(y: number): void {
  scrollingForEditor++;
  window.scrollTo(0, y);
  requestAnimationFrame(() => {
    scrollingForEditor--;
  });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m.type === 'update') apply(m, false);
  else if (m.type === 'scroll') scrollToLine(m.line);
});

let saveTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollingForEditor > 0) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    state = { ...state, scrollY: window.scrollY };
    vscode.setState(state);
  }, 200);
});

document.addEventListener('click', (event) => {
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

apply(JSON.parse(document.body.dataset.kompassUpdate ?? '{"seq":0,"anchors":[]}'), true);
// Updates posted while the page was loading may be lost; the extension re-sends the newest.
vscode.postMessage({ type: 'ready', seq });
if (state.scrollY !== undefined) window.scrollTo(0, state.scrollY);
