import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  decodeDocument,
  encodeSegment,
  type FileAccess,
  type ReadResult,
  resolveUri,
  tooLarge,
  type WalkLimits,
  walksInto,
} from '../../grammar/src/index';

/** What a {@link NodeFiles} is told about its environment, asked on each read so it follows changes. */
export interface NodeFilesOptions {
  /** Files larger than this many bytes are not read. */
  maxBytes(): number;
  /**
   * The folders reads are confined to (an untrusted workspace), or undefined to read anywhere.
   * Compared with the resolved location of each file, so a link cannot point out of them.
   */
  scope?(): readonly string[] | undefined;
}

/** Converts a `file:` URI to a path; a plain path is returned as it is; undefined otherwise. */
export function uriToPath(uri: string): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(uri) ? uri : undefined;
}

/**
 * Converts a path to a `file:` URI in VS Code's encoding (parentheses, commas and the like
 * escaped, a Windows drive letter in lower case), so a file found on disk and the same file
 * open in the editor are one document, not two.
 */
export function pathToUri(path: string): string {
  const href = pathToFileURL(path).toString();
  const m = /^file:\/\/([^/]*)(\/.*)$/.exec(href);
  if (!m) return href;
  const segments = (m[2] ?? '').split('/').map((s, i) => {
    const name = decodeSegment(s);
    return encodeSegment(i === 1 && /^[A-Za-z]:$/.test(name) ? name.toLowerCase() : name);
  });
  return `file://${m[1]}${segments.join('/')}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether `path` lies inside one of `folders` (names only; resolve links first). */
export function isInside(path: string, folders: readonly string[]): boolean {
  return folders.some((f) => {
    const rel = relative(f, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/** The location a path names once links are resolved; the path itself when that fails. */
export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** What kind of non-regular file a stat describes, for the `notFile` detail. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}

function errnoResult(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { error: 'missing' };
  return { error: 'unreadable', ...(code ? { detail: code } : {}) };
}

// Reading on in pieces lets the limit stop a file that grows, or lies about its size, mid-read.
const chunkSize = 1 << 16;
// O_NONBLOCK: opening a FIFO swapped in after the check does not block. O_NOFOLLOW: nor does a
// link swapped in for the resolved name lead elsewhere.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a file at `path` as a document: only a regular file once links are resolved, inside
 * `scope` when given, at most `maxBytes` bytes, decoded as UTF-8. Never throws, never blocks on
 * a FIFO or device.
 */
export function readDocumentFile(
  path: string,
  maxBytes: number,
  scope?: readonly string[],
): ReadResult {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    return errnoResult(e);
  }
  if (scope && !isInside(real, scope.map(realOrSelf))) return { error: 'outside' };
  let fd: number;
  try {
    const st = statSync(real);
    if (!st.isFile()) return { error: 'notFile', detail: kindOf(st) };
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    fd = openSync(real, openFlags);
  } catch (e) {
    return errnoResult(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'notFile', detail: kindOf(st) };
    // One buffer of the size the file says it has (and a byte more, to see it grow), so a large
    // document is not held twice, as pieces and joined; pieces only for what it says wrongly.
    const first = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let total = readFully(fd, first);
    if (total < first.length) return decodeDocument(first.subarray(0, total));
    const chunks: Buffer[] = [first];
    for (;;) {
      if (total > maxBytes) return tooLarge(total, maxBytes, true);
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      const n = readFully(fd, buf);
      if (n === 0) break;
      total += n;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return decodeDocument(Buffer.concat(chunks, total));
  } catch (e) {
    return errnoResult(e);
  } finally {
    closeSync(fd);
  }
}

/** Reads into `buf` until it is full or the file ends; returns how many bytes were read. */
function readFully(fd: number, buf: Buffer): number {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, null);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * Lists the `.kompass` files under `dir`, sorted, within `limits`. Folder links are never
 * followed (so `ln -s .. up` cannot loop); links to files are listed, and reading them later
 * applies the usual checks to what they point at.
 */
export function walkDocuments(dir: string, limits: WalkLimits): string[] {
  const out: string[] = [];
  const visit = (folder: string, depth: number): void => {
    if (depth > limits.maxDepth || out.length >= limits.maxFiles) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limits.maxFiles) return;
      const full = join(folder, e.name);
      if (e.isDirectory()) {
        if (walksInto(e.name)) visit(full, depth + 1);
      } else if (e.name.endsWith('.kompass')) {
        if (e.isFile()) out.push(full);
        else if (e.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile())
          out.push(full);
      }
    }
  };
  visit(dir, 0);
  return out;
}

/**
 * The file-access layer over Node's `fs`, for the CLI, the language server and the desktop
 * extension. Accepts `file:` URIs and absolute paths alike and answers in the form it was asked
 * in (the CLI keys documents by path, the server by URI). Reads are synchronous and bounded.
 */
export class NodeFiles implements FileAccess {
  constructor(private readonly options: NodeFilesOptions) {}

  resolve(fromUri: string, path: string): string {
    if (fromUri.startsWith('file:')) {
      const from = uriToPath(fromUri);
      if (from !== undefined) return pathToUri(resolve(dirname(from), path));
    } else if (isAbsolute(fromUri)) {
      return resolve(dirname(fromUri), path);
    }
    return resolveUri(fromUri, path) ?? `${fromUri}/../${path}`;
  }

  readFile(uri: string): ReadResult {
    const path = uriToPath(uri);
    if (path === undefined) return { error: 'missing' };
    return readDocumentFile(path, this.options.maxBytes(), this.options.scope?.());
  }

  async listDocuments(folderUri: string, limits: WalkLimits): Promise<string[]> {
    const folder = uriToPath(folderUri);
    if (folder === undefined) return [];
    const files = walkDocuments(folder, limits);
    return folderUri.startsWith('file:') ? files.map(pathToUri) : files;
  }
}
