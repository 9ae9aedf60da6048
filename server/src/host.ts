import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadResult, WorkspaceHost } from '../../grammar/src/index';

/** What the host needs to know about the workspace, read when asked so it follows changes. */
export interface HostOptions {
  /** The workspace folders as file-system paths. */
  folders(): readonly string[];
  /** False when the client says the workspace is untrusted: nothing outside the folders is read. */
  trusted(): boolean;
  /** Files larger than this many bytes are not read. */
  maxFileSize(): number;
}

/** Converts a `file:` URI to a path; undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Converts a path to a `file:` URI. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** Whether `path` lies inside one of `folders`. */
export function isInside(path: string, folders: readonly string[]): boolean {
  return folders.some((f) => {
    const rel = relative(f, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The workspace host over the file system: resolves `compare` paths and reads their files. */
export class FsHost implements WorkspaceHost {
  constructor(private readonly options: HostOptions) {}

  /** Resolves `path` relative to the directory of the document `fromUri`. */
  resolve(fromUri: string, path: string): string {
    const from = uriToPath(fromUri);
    if (from !== undefined) return pathToUri(resolve(dirname(from), path));
    try {
      return new URL(path, fromUri).toString();
    } catch {
      return `${fromUri}/../${path}`;
    }
  }

  /** Reads a file, refusing what lies outside an untrusted workspace or is too large. */
  readFile(uri: string): ReadResult {
    const path = uriToPath(uri);
    if (path === undefined) return { error: 'missing' };
    if (!this.options.trusted()) {
      const folders = this.options.folders().map(real);
      if (!isInside(real(path), folders)) return { error: 'outside' };
    }
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return { error: 'unreadable', detail: 'not a file' };
      if (stat.size > this.options.maxFileSize())
        return { error: 'unreadable', detail: `${Math.round(stat.size / 1024)} kB` };
      return { text: readFileSync(path, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { error: 'missing' };
      return { error: 'unreadable', ...(code ? { detail: code } : {}) };
    }
  }
}
