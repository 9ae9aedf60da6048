/**
 * The Markdown of text blocks (summary, intros, sections), read by markdown-it configured safely:
 * raw HTML off, images off, links only http(s) and mailto. HTML, PDF and Markdown output share it.
 */

import MarkdownIt from 'markdown-it';
import { isSafeUrl } from './escape';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// An image would load a remote resource, which a self-contained report must not do.
md.disable(['image']);
// Every link is parsed as one, so its label is known however it is written (nested brackets, a
// label over two lines, a reference definition in a quote), then unsafe ones are cut to their text.
md.validateLink = () => true;
md.core.ruler.push('kk_unsafe_links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const kept: Token[] = [];
    const open: boolean[] = [];
    for (const t of block.children) {
      if (t.type === 'link_open') {
        const safe = isSafeUrl(String(t.attrGet('href') ?? ''));
        open.push(safe);
        if (safe) kept.push(t);
      } else if (t.type === 'link_close') {
        if (open.pop()) kept.push(t);
      } else kept.push(t);
    }
    block.children = kept;
  }
});

const defaultRender = md.renderer.renderToken.bind(md.renderer);

md.renderer.rules.heading_open = (tokens, idx, options, env) => {
  shiftHeading(tokens, idx, env as RenderEnv | undefined);
  return defaultRender(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, env) => {
  shiftHeading(tokens, idx, env as RenderEnv | undefined);
  return defaultRender(tokens, idx, options);
};
md.renderer.rules.link_open = (tokens, idx, options) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultRender(tokens, idx, options);
};

interface RenderEnv {
  headingLevel?: number;
}

// Text blocks sit under the report's own headings, so their `#` starts at the level given.
function shiftHeading(tokens: Token[], idx: number, env: RenderEnv | undefined): void {
  const token = tokens[idx]!;
  const level = Number(token.tag.slice(1)) + (env?.headingLevel ?? 3) - 1;
  token.tag = `h${Math.min(6, level)}`;
}

/** Renders a text block to HTML; its `#` headings become `<h{headingLevel}>` and below. */
export function renderMarkdownText(text: string, headingLevel = 3): string {
  return md.render(text, { headingLevel } satisfies RenderEnv);
}

/** A run of inline text with its styling, for the PDF. */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
}

/** A block of a text block, flattened for the PDF. */
export type TextBlockPart =
  | { kind: 'heading'; level: number; runs: InlineRun[] }
  | { kind: 'paragraph'; indent: number; marker?: string; runs: InlineRun[] }
  | { kind: 'code'; indent: number; text: string }
  | { kind: 'rule' };

/** Flattens a text block into headings, paragraphs (list items carry a marker) and code. */
export function markdownBlocks(text: string): TextBlockPart[] {
  return plainParagraphs(text) ?? parsedMarkdownBlocks(text);
}

/**
 * Characters that may start or end Markdown anywhere in a line: emphasis, code, links, escapes,
 * entities, autolinks, strikethrough, table cells; text with none of them is plain when no line
 * starts a block either (`blockStart`). Tabs, carriage returns and NUL are normalised or expanded
 * by markdown-it, so they go the long way too.
 */
const inlineSyntax = /[\\`*_~[\]!<>&|\t\r\0]/;

/** A line that could open a heading, quote, list (`-`, `+`, `1.`, `1)`), rule, setext underline or table row. */
const blockStart = /^(?:[#>+=:-]|\d{1,9}[.)])/;

/**
 * Most text blocks of an evaluation are prose: paragraphs of plain lines. For those the flattened
 * parts are made directly, as markdown-it's tokens would give them (a softbreak is a run of one
 * space), which spares its parse; a report of 10,000 lines has hundreds of such blocks. Anything
 * else, or text linkify would find a link in, is undefined: markdown-it reads it.
 */
export function plainParagraphs(text: string): TextBlockPart[] | undefined {
  if (inlineSyntax.test(text)) return undefined;
  const out: TextBlockPart[] = [];
  let runs: InlineRun[] | undefined;
  for (const line of text.split('\n')) {
    if (line === '') {
      runs = undefined;
      continue;
    }
    // markdown-it trims paragraphs and lines in its own ways (spaces, tabs, Unicode spaces, two
    // trailing spaces as a hard break, four leading ones as code): those go the long way.
    if (line.trim() !== line || blockStart.test(line)) return undefined;
    if (runs) runs.push({ text: ' ' }, { text: line });
    else {
      runs = [{ text: line }];
      out.push({ kind: 'paragraph', indent: 0, runs });
    }
  }
  // markdown-it links a scheme's `://` even after a letter, where linkify's own test does not.
  if (out.length > 0 && (text.includes('://') || md.linkify.test(text))) return undefined;
  return out;
}

/** Flattens a text block with markdown-it, plain or not (`markdownBlocks` spares it for plain text). */
export function parsedMarkdownBlocks(text: string): TextBlockPart[] {
  const tokens = md.parse(text, {});
  const out: TextBlockPart[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let quote = 0;
  let heading = 0;
  let pendingMarker: string | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingMarker = list?.ordered ? `${list.next++}.` : '•';
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'heading_open':
        heading = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'hr':
        out.push({ kind: 'rule' });
        break;
      case 'code_block':
      case 'fence':
        out.push({
          kind: 'code',
          indent: lists.length + quote,
          text: t.content.replace(/\n$/, ''),
        });
        break;
      case 'inline': {
        const runs = inlineRuns(t.children ?? []);
        if (heading) out.push({ kind: 'heading', level: heading, runs });
        else {
          const part: TextBlockPart = { kind: 'paragraph', indent: lists.length + quote, runs };
          if (pendingMarker) part.marker = pendingMarker;
          out.push(part);
          pendingMarker = undefined;
        }
        break;
      }
    }
  }
  return out;
}

function inlineRuns(children: Token[]): InlineRun[] {
  const runs: InlineRun[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  const push = (text: string, code = false) => {
    if (!text) return;
    const run: InlineRun = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    if (code) run.code = true;
    if (link) run.link = link;
    runs.push(run);
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
        push(c.content);
        break;
      case 'code_inline':
        push(c.content, true);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open':
        link = String(c.attrGet('href') ?? '') || undefined;
        break;
      case 'link_close':
        link = undefined;
        break;
    }
  }
  return runs;
}
