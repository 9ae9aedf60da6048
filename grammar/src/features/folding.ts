import type { Block } from '../ast';
import { LineIndex } from '../lines';
import type { Analysis } from '../model';

/** A foldable stretch of lines (zero-based, both inclusive). */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/**
 * The folding ranges of a document: blocks (leaving the closing brace visible), text blocks,
 * block comments and runs of line comments.
 */
export function foldingRanges(analysis: Analysis, text: string): FoldingRange[] {
  const lines = new LineIndex(text);
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: 'comment' | 'region') => {
    const startLine = lines.position(start).line;
    const endLine = lines.position(end).line;
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const block = (b: Block | { start: number; end: number; closed?: boolean }) => {
    const closed = 'closed' in b ? b.closed : true;
    const endLine = lines.position(b.end).line;
    const braceOwnLine = closed && text.slice(lines.lineStart(endLine), b.end - 1).trim() === '';
    const startLine = lines.position(b.start).line;
    const last = braceOwnLine ? endLine - 1 : endLine;
    if (last > startLine) out.push({ startLine, endLine: last });
  };
  for (const top of analysis.parse.document.blocks) {
    if (top.body) block(top.body);
    for (const s of top.body?.statements ?? []) {
      if (s.kind === 'area' && s.body) block(s.body);
      if (s.kind === 'facts' && s.body) block(s.body);
      const nested = s.kind === 'area' ? (s.body?.statements ?? []) : [s];
      for (const n of nested) {
        const value =
          'value' in n && n.value && typeof n.value === 'object' && 'block' in n.value
            ? n.value
            : n.kind === 'section'
              ? n.text
              : undefined;
        if (value?.block) add(value.start, value.end - 1);
      }
    }
  }
  let run: { start: number; end: number; line: number } | undefined;
  const flush = () => {
    if (run) add(run.start, run.end, 'comment');
    run = undefined;
  };
  for (const c of analysis.parse.document.comments) {
    if (c.block) {
      flush();
      add(c.start, c.end - 1, 'comment');
      continue;
    }
    const line = lines.position(c.start).line;
    const ownLine = text.slice(lines.lineStart(line), c.start).trim() === '';
    if (!ownLine) {
      flush();
      continue;
    }
    if (run && line === run.line + 1) {
      run.end = c.end;
      run.line = line;
    } else {
      flush();
      run = { start: c.start, end: c.end, line };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
