import type { Span } from '../ast';
import { keywordSpan } from '../ast';
import type { Analysis } from '../model';

/** The token types the server announces, in legend order. */
export const semanticTokenTypes = [
  'keyword',
  'string',
  'number',
  'comment',
  'namespace',
  'class',
  'property',
  'enumMember',
  'operator',
] as const;

/** The token modifiers the server announces, in legend order. */
export const semanticTokenModifiers = ['declaration', 'documentation'] as const;

/** One of the token types. */
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

/** A classified stretch of source; may span lines (text blocks, block comments). */
export interface SemanticToken extends Span {
  type: SemanticTokenType;
  modifiers: (typeof semanticTokenModifiers)[number][];
}

/** Classifies the document's keywords, names, numbers, strings and comments, in source order. */
export function semanticTokens(analysis: Analysis): SemanticToken[] {
  const out: SemanticToken[] = [];
  const push = (
    span: Span | undefined,
    type: SemanticTokenType,
    ...modifiers: SemanticToken['modifiers']
  ) => {
    if (span && span.end > span.start)
      out.push({ start: span.start, end: span.end, type, modifiers });
  };
  for (const c of analysis.parse.document.comments) push(c, 'comment');
  for (const b of analysis.parse.document.blocks) {
    push(keywordSpan(b), 'keyword');
    push(b.name, b.kind === 'framework' ? 'namespace' : 'class', 'declaration');
    const inFramework = b.kind === 'framework';
    const walk = (statements: NonNullable<typeof b.body>['statements']) => {
      for (const s of statements) {
        push(keywordSpan(s), 'keyword');
        switch (s.kind) {
          case 'frameworkRef':
            push(s.name, 'namespace');
            break;
          case 'date':
            push(s.from, 'number');
            push(s.toKeyword, 'keyword');
            push(s.to, 'number');
            break;
          case 'evaluators':
            for (const n of s.names) push(n, 'string');
            break;
          case 'language':
            push(s.code, 'enumMember');
            break;
          case 'section':
            push(s.heading, 'string');
            push(s.text, 'string', 'documentation');
            break;
          case 'example':
            push(s.municipality, 'string');
            push(s.note, 'string');
            break;
          case 'facts':
            for (const e of s.entries) {
              push(e.label, 'property');
              push(e.value, e.value && 'block' in e.value ? 'string' : 'number');
            }
            break;
          case 'question':
            push(s.number, 'number', ...(inFramework ? (['declaration'] as const) : []));
            push(s.title, 'string');
            push(s.points, 'number');
            if (s.points && s.max) push({ start: s.points.end, end: s.max.start }, 'operator');
            push(s.maxKeyword, 'keyword');
            push(s.max, 'number');
            break;
          case 'area':
            push(s.number, 'number', ...(inFramework ? (['declaration'] as const) : []));
            push(s.title, 'string');
            for (const h of s.header) {
              push(keywordSpan(h), 'keyword');
              push(h.value, 'number');
            }
            walk(s.body?.statements ?? []);
            break;
          case 'round':
          case 'total':
          case 'score':
          case 'max':
            push(s.value, 'number');
            break;
          default:
            push(s.value, 'string', ...(s.value?.block ? (['documentation'] as const) : []));
        }
      }
    };
    walk(b.body?.statements ?? []);
  }
  out.sort((a, b) => a.start - b.start);
  // Overlaps cannot be encoded; keep the first of any that overlap.
  const clean: SemanticToken[] = [];
  for (const t of out) {
    const last = clean.at(-1);
    if (!last || t.start >= last.end) clean.push(t);
  }
  return clean;
}
