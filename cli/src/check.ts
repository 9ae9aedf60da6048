import { resolve } from 'node:path';
import { type Diagnostic, LineIndex, Workspace } from '../../grammar/src/index';
import { collectFiles, readDocument } from './files';
import { fsHost } from './host';

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
  errors: number;
  warnings: number;
  items: CheckItem[];
}

/** Checks every .kompass file under the paths, all in one workspace so shared frameworks resolve. */
export function runCheck(paths: readonly string[]): CheckResult {
  const files = collectFiles(paths);
  const ws = new Workspace(fsHost, { maxDocumentSize: Number.POSITIVE_INFINITY });
  const texts = new Map<string, string>();
  for (const f of files) {
    const text = readDocument(f);
    texts.set(f, text);
    ws.set(resolve(f), text);
  }
  const result: CheckResult = { files: files.length, errors: 0, warnings: 0, items: [] };
  for (const f of files) {
    const lines = new LineIndex(texts.get(f)!);
    for (const d of ws.analyze(resolve(f)).diagnostics) {
      const s = lines.position(d.start);
      const e = lines.position(d.end);
      result.items.push({
        file: f,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      });
      if (d.severity === 'error') result.errors++;
      else if (d.severity === 'warning') result.warnings++;
    }
  }
  return result;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The text form: `PATH:LINE:COLUMN: SEVERITY CODE: MESSAGE` lines, then a count. */
export function formatCheckText(r: CheckResult): string {
  const lines = r.items.map(
    (i) => `${i.file}:${i.line}:${i.column}: ${i.severity} ${i.code}: ${i.message}`,
  );
  lines.push(
    `${plural(r.errors, 'error', 'errors')}, ${plural(r.warnings, 'warning', 'warnings')} in ${plural(r.files, 'file', 'files')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The JSON form: the same items and counts. */
export function formatCheckJson(r: CheckResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
