import { resolve } from 'node:path';
import {
  type Diagnostic,
  LineIndex,
  type MessageLanguage,
  severityCounts,
  Workspace,
} from '../../grammar/src/index';
import { collectFiles, readDocument } from './files';
import { fsHost } from './host';
import type { CliTexts } from './texts';

/** One diagnostic as the CLI reports it (lines and columns from 1). */
export interface CheckItem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** What `kompass check` found. */
export interface CheckResult {
  files: number;
  /** Errors and warnings found, those past the diagnostics cap too (not all are in `items`). */
  errors: number;
  warnings: number;
  items: CheckItem[];
  /** The language the documents are written in, when they all agree. */
  language?: MessageLanguage;
}

/** A document's diagnostics as CLI items, positions counted from 1. */
export function checkItems(
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): CheckItem[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => {
    const s = lines.position(d.start);
    const e = lines.position(d.end);
    return {
      file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

/** `PATH:LINE:COLUMN: SEVERITY CODE: MESSAGE`: the severity stays English, a token for tools. */
export function formatItem(i: CheckItem): string {
  return `${i.file}:${i.line}:${i.column}: ${i.severity} ${i.code}: ${i.message}`;
}

/** Checks every .kompass file under the paths, all in one workspace so shared frameworks resolve. */
export function runCheck(paths: readonly string[], lang?: MessageLanguage): CheckResult {
  const files = collectFiles(paths);
  const ws = new Workspace(fsHost, {
    maxDocumentSize: Number.POSITIVE_INFINITY,
    ...(lang ? { messageLanguage: lang } : {}),
  });
  const texts = new Map<string, string>();
  for (const f of files) {
    const text = readDocument(f);
    texts.set(f, text);
    ws.set(resolve(f), text);
  }
  const result: CheckResult = { files: files.length, errors: 0, warnings: 0, items: [] };
  const languages = new Set<MessageLanguage>();
  for (const f of files) {
    const analysis = ws.analyze(resolve(f));
    languages.add(analysis.messageLanguage);
    result.items.push(...checkItems(f, texts.get(f)!, analysis.diagnostics));
    const counts = severityCounts(analysis);
    result.errors += counts.errors;
    result.warnings += counts.warnings;
  }
  const [only] = languages;
  if (languages.size === 1 && only) result.language = only;
  return result;
}

/** The text form: `PATH:LINE:COLUMN: SEVERITY CODE: MESSAGE` lines, then a count. */
export function formatCheckText(r: CheckResult, t: CliTexts): string {
  const lines = r.items.map(formatItem);
  lines.push(t.counts(r.errors, r.warnings, r.files));
  return `${lines.join('\n')}\n`;
}

/** The JSON form: the same items and counts. */
export function formatCheckJson(r: CheckResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
