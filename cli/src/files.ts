import { statSync } from 'node:fs';
import { readDocumentFile, walkDocuments } from '../../files/src/node';
import { defaultMaxDocumentSize, describeReadProblem } from '../../grammar/src/index';
import { UsageError } from './errors';
import { documentRead } from './runtime';
import { cliTexts } from './texts';

let maxBytes = defaultMaxDocumentSize;

/**
 * The largest document (or compare target) the CLI reads, in bytes: the editor's default limit
 * unless `--max-size` or `KOMPASS_MAX_SIZE` set another.
 */
export function maxDocumentBytes(): number {
  return maxBytes;
}

/** Sets the largest document the CLI reads, in bytes (`--max-size`). */
export function setMaxDocumentBytes(bytes: number): void {
  maxBytes = bytes;
}

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
    if (!st) throw new UsageError((t) => t.noSuchPath(p));
    if (st.isDirectory()) out.push(...walkDocuments(p, walkLimits));
    else out.push(p);
  }
  return out;
}

/** Reads a document as UTF-8 text through the file-access layer, or stops with why not. */
export function readDocument(path: string): string {
  const r = readDocumentFile(path, maxBytes);
  if ('text' in r) {
    documentRead(r.text.length);
    return r.text;
  }
  throw new UsageError((t) =>
    t.unreadable(path, describeReadProblem(r, t === cliTexts.sv ? 'sv' : 'en')),
  );
}
