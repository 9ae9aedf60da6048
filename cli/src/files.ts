import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors';

const skipped = new Set(['node_modules', '.git', 'dist', 'out']);

/** Lists the .kompass files under the given paths (files as given, folders recursively). */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statOrFail(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  for (const name of names) {
    if (skipped.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(full, out);
    else if (st?.isFile() && name.endsWith('.kompass')) out.push(full);
  }
}

function statOrFail(path: string) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${path}: no such file or folder`);
  return st;
}

/** Reads a document as UTF-8 text, refusing folders, binary and undecodable input. */
export function readDocument(path: string): string {
  const st = statOrFail(path);
  if (st.isDirectory()) throw new UsageError(`${path}: is a folder, expected a .kompass file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return decodeDocument(path, bytes);
}

/** Decodes bytes as UTF-8 (a BOM is dropped), or says why they are not a document. */
export function decodeDocument(path: string, bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new UsageError(`${path}: binary file, not a .kompass document`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8 text`);
  }
}
