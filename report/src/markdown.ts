/**
 * The report as Markdown (CommonMark with GFM tables), laid out from the report's structure.
 * Text blocks are written from markdown-it's tokens, never passed through: every character of
 * the document is escaped, so the file stays inert even in a renderer that allows raw HTML, and
 * only http(s) and mailto links are written as links.
 */

import type { Analysis } from '../../grammar/src/index';
import { buildReport } from './build';
import type { Block, Cell, ReportDocument, Row, Run, TableBlock } from './document';
import { escapeMarkdown as e, isSafeUrl } from './escape';
import { markdownBlocks } from './markdown-text';
import type { ReportOptions } from './options';
import type { ContentsEntry } from './view';

/** Renders the report as Markdown. */
export function renderMarkdown(analysis: Analysis, options: ReportOptions = {}): string {
  return renderMarkdownDocument(buildReport(analysis, options));
}

/** Lays out the report's structure as Markdown. */
export function renderMarkdownDocument(doc: ReportDocument): string {
  const out: string[] = [];
  for (const part of doc.parts) {
    for (const block of part.blocks) out.push(...blockMd(block, doc));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const hashes = (level: number) => '#'.repeat(Math.min(6, Math.max(1, level)));

/** Runs as inline Markdown: text escaped line by line, links only when safe. */
export function runsMd(list: readonly Run[]): string {
  const runs = mergeRuns(list);
  return runs
    .map((r, i) => {
      if (r.code) return codeSpan(r.text);
      let text = r.text
        .split('\n')
        .map((line) => e(line))
        .join('\\\n');
      // A `!` before a link would make it an image.
      if (runs[i + 1]?.link && text.endsWith('!')) text = `${text.slice(0, -1)}\\!`;
      if (!text.trim()) return text;
      if (r.bold) text = `**${text}**`;
      if (r.italic) text = `_${text}_`;
      if (r.link && isSafeUrl(r.link)) text = `[${text}](<${encodeUrl(r.link)}>)`;
      return text;
    })
    .join('');
}

/** Joins neighbouring runs styled alike, so escaping sees whole words and lines. */
function mergeRuns(list: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of list) {
    const last = out[out.length - 1];
    if (
      last &&
      !last.code &&
      !r.code &&
      !last.bold === !r.bold &&
      !last.italic === !r.italic &&
      last.link === r.link
    )
      out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function encodeUrl(url: string): string {
  return url.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c));
}

function cellMd(c: Cell): string {
  const text = e(c.text);
  return c.missing ? `_${text}_` : text;
}

function rowMd(r: Row, bold = false): string {
  const cells = r.cells.flatMap((c) => {
    const text = bold && c.text ? `**${cellMd(c)}**` : cellMd(c);
    return [text, ...Array.from({ length: (c.span ?? 1) - 1 }, () => '')];
  });
  return `| ${cells.join(' | ')} |`;
}

function tableMd(t: TableBlock): string[] {
  const head = rowMd({ cells: t.head });
  const align = t.head
    .flatMap((c) => Array.from({ length: c.span ?? 1 }, () => (c.numeric ? '--:' : '---')))
    .join('|');
  const out: string[] = [];
  if (t.showCaption) out.push(`**${e(t.caption)}**`, '');
  out.push(head, `|${align}|`, ...t.rows.map((r) => rowMd(r)));
  if (t.foot) out.push(rowMd(t.foot, true));
  out.push('');
  return out;
}

function contentsMd(entries: readonly ContentsEntry[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    out.push(`${entry.number ?? '1'}. ${e(entry.title)}`);
    for (const child of entry.children) out.push(`   - ${e(child.title)}`);
  }
  out.push('');
  return out;
}

function blockMd(b: Block, doc: ReportDocument): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${hashes(b.level + 1)} ${e(b.number ? `${b.number} ${b.text}` : b.text)}`, ''];
    case 'paragraph':
      if (b.style === 'title') return [`# ${e(doc.title)}`, ''];
      if (b.style === 'kicker' || b.style === 'label' || b.style === 'year') return [];
      if (b.style === 'total')
        return [`**${runsMd(b.runs.map((r) => ({ ...r, bold: false })))}**`, ''];
      return [runsMd(b.runs), ''];
    case 'text':
      return textMd(b.source, b.level);
    case 'keyValue':
      if (b.role === 'meta') return [...b.rows.map((r) => `- **${e(r.key)}:** ${e(r.value)}`), ''];
      return [
        '| | |',
        '|---|---|',
        ...b.rows.map((r) => `| **${e(r.key)}** | ${e(r.value)} |`),
        '',
      ];
    case 'table':
      return tableMd(b);
    case 'list':
      return [...b.items.map((item) => `- ${runsMd(item)}`), ''];
    case 'figure': {
      // A chart has no Markdown form: its alternative text and its numbers stand in for it.
      const rest = b.alt.startsWith(b.caption)
        ? b.alt.slice(b.caption.length).replace(/^\.\s*/, '')
        : b.alt;
      return [`**${e(b.caption)}.** ${e(rest)}`, '', ...tableMd(b.table)];
    }
    case 'note':
      return [`_${e(b.text)}_`, ''];
    case 'contents':
      return contentsMd(b.entries);
    case 'columns':
      return b.columns.flatMap((c) => c.flatMap((x) => blockMd(x, doc)));
    case 'score': {
      const out = [
        `**${e(b.label)}:** ${b.missing ? `_${e(b.score)}_` : e(b.score)}${e(b.of)}`,
        '',
      ];
      if (b.topics.length > 0)
        out.push(`**${e(b.topicsLabel)}:**`, '', ...b.topics.map((t) => `- ${e(t)}`), '');
      return out;
    }
  }
}

/** A text block from its tokens: headings below the report's own, lists as lists, code indented. */
export function textMd(source: string, level: number): string[] {
  const out: string[] = [];
  for (const part of markdownBlocks(source)) {
    switch (part.kind) {
      case 'heading':
        out.push(`${hashes(level + part.level + 1)} ${runsMd(part.runs)}`, '');
        break;
      case 'paragraph': {
        const indent = '   '.repeat(Math.max(0, part.indent - (part.marker ? 1 : 0)));
        const marker = part.marker === '•' ? '- ' : part.marker ? `${part.marker} ` : '';
        const text = runsMd(part.runs);
        if (part.indent > 0 && !part.marker) out.push(`${indent}${text}`, '');
        else out.push(`${indent}${marker}${text}`, part.marker ? '' : '');
        break;
      }
      case 'code':
        out.push(
          ...part.text.split('\n').map((line) => `${'    '.repeat(part.indent + 1)}${line}`),
          '',
        );
        break;
      case 'rule':
        out.push('---', '');
        break;
    }
  }
  return out;
}
