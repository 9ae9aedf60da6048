import { statSync } from 'node:fs';
import { readDocumentFile, walkDocuments } from '../../files/src/node';
import { defaultMaxDocumentSize, describeReadProblem } from '../../grammar/src/index';
import { UsageError } from './errors';

/** The largest document the CLI reads, in bytes: the editor's default limit. */
export const maxDocumentBytes = defaultMaxDocumentSize;

// Bounds on a folder walk; far beyond any real set of evaluations.
const walkLimits = { maxFiles: 100_000, maxDepth: 64 };

/**
 * Lists the .kompass files under the given paths: files as given, folders searched (without
 * following links to folders inside them).
 */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new UsageError(`${p}: no such file or folder`);
    if (st.isDirectory()) out.push(...walkDocuments(p, walkLimits));
    else out.push(p);
  }
  return out;
}

/** Reads a document as UTF-8 text through the file-access layer, or stops with why not. */
export function readDocument(path: string): string {
  const r = readDocumentFile(path, maxDocumentBytes);
  if ('text' in r) return r.text;
  throw new UsageError(`${path}: ${describeReadProblem(r)}`);
}
