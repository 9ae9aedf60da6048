import type { MessageLanguage } from '../language';
import { formatNumber } from '../messages';

/** A percentage as shown to an evaluator: `58 %` in Swedish, `58%` in English. */
export function formatPercent(p: number, lang: MessageLanguage): string {
  return lang === 'sv' ? `${p}\u00a0%` : `${p}%`;
}

/** `14/15` with the document's decimal comma or point. */
export function formatScore(
  points: number | undefined,
  max: number | undefined,
  lang: MessageLanguage,
): string {
  const p = points === undefined ? '–' : formatNumber(points, lang);
  return max === undefined ? p : `${p}/${formatNumber(max, lang)}`;
}

/** A signed difference: `+3`, `−2`, `±0`. */
export function formatDelta(d: number, lang: MessageLanguage): string {
  const n = Math.round(d * 1e6) / 1e6;
  if (n === 0) return '±0';
  return n > 0 ? `+${formatNumber(n, lang)}` : `−${formatNumber(-n, lang)}`;
}

/** Escapes text for Markdown, table cells included. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Picks the Swedish or English wording. */
export function say(lang: MessageLanguage, sv: string, en: string): string {
  return lang === 'sv' ? sv : en;
}

/** The line break a text uses (CRLF when its first break is one). */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace a line starts with, for the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The offset where the line holding `offset` ends, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
