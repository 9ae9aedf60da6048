import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { judgeOutput, type WriteProblem } from '../../grammar/src/fileAccess';

export type { WriteProblem };

/**
 * What an output file holds: text, bytes, or pieces of either written one after another (a
 * report too long for one string, written as it is laid out).
 */
export type OutputData = string | Uint8Array | Iterable<string | Uint8Array>;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Writes an output file (a report) so that it can never be turned against its input:
 *
 * - the output is resolved through links first; it is refused when it is one of `inputs` (by
 *   resolved path or by identity, so hard links count too), or anything but a regular file;
 * - a new file is created exclusively: written in full to a temporary file beside it, then
 *   hard-linked to its name, which fails if anything appeared there meanwhile, so of two
 *   concurrent writers to one new name exactly one wins and nobody ever sees half a file;
 * - an existing regular file is replaced only with `replace`, by renaming over it (atomic);
 *   through a link, the file the link points at is replaced and the link stays.
 */
export function writeOutputFile(
  target: string,
  data: OutputData,
  options: { inputs: readonly string[]; replace: boolean },
): WriteProblem | undefined {
  const inputs = options.inputs.flatMap((p): { path: string; stat?: Stats }[] => {
    try {
      return [{ path: realpathSync(p), stat: statSync(p) }];
    } catch {
      return [{ path: resolve(p) }];
    }
  });
  let destination = resolve(target);
  const link = lstatSync(destination, { throwIfNoEntry: false });
  let existing: Stats | undefined;
  if (link) {
    existing = statSync(destination, { throwIfNoEntry: false });
    if (!existing) return judgeOutput({ kind: 'link to nothing', isInput: false }, false);
    destination = realpathSync(destination);
    const problem = judgeOutput(
      {
        kind: existing.isFile() ? 'file' : kindOf(existing),
        isInput: inputs.some(
          (i) => i.path === destination || (i.stat && sameFile(i.stat, existing!)),
        ),
      },
      options.replace,
    );
    if (problem) return problem;
  } else {
    // A new name: compare its resolved folder with the inputs' folders too.
    let folder: string;
    try {
      folder = realpathSync(dirname(destination));
    } catch {
      return { problem: 'noFolder', folder: dirname(target) };
    }
    destination = join(folder, basename(destination));
    const problem = judgeOutput(
      { kind: 'none', isInput: inputs.some((i) => i.path === destination) },
      options.replace,
    );
    if (problem) return problem;
  }
  const tmp = join(
    dirname(destination),
    `.${basename(destination)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    writeNewFile(tmp, data);
    if (existing) renameSync(tmp, destination);
    else createFrom(tmp, destination);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Not a file system's error: the data's own (a report that failed while being laid out).
    if (code === undefined) throw e;
    return code === 'EEXIST' ? { problem: 'exists' } : { problem: 'failed', code };
  } finally {
    rmSync(tmp, { force: true });
  }
  return undefined;
}

/** Gives a complete temporary file its new name, failing if the name was taken meanwhile. */
function createFrom(tmp: string, destination: string): void {
  try {
    linkSync(tmp, destination);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // File systems without hard links: still exclusive, though a reader may see it being written.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    copyFileSync(tmp, destination, constants.COPYFILE_EXCL);
  }
}

// Text pieces are gathered up to this many characters before one write.
const batch = 1 << 16;

/** Creates `path` (failing if it exists) and writes the data into it, piece by piece. */
function writeNewFile(path: string, data: OutputData): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      writeAll(fd, data);
      return;
    }
    let text = '';
    const flush = () => {
      if (text) writeAll(fd, text);
      text = '';
    };
    for (const piece of data) {
      if (typeof piece !== 'string') {
        flush();
        writeAll(fd, piece);
        continue;
      }
      text += piece;
      if (text.length >= batch) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Writes all of `data`: one write call may take only part of it. */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let done = 0; done < bytes.length; ) {
    done += writeSync(fd, bytes, done, bytes.length - done);
  }
}

/** One line for a refused write, for error output. */
export function describeWriteProblem(p: WriteProblem): string {
  switch (p.problem) {
    case 'isInput':
      return 'refusing to write over the input document';
    case 'notFile':
      return `refusing to write: not a regular file (${p.kind})`;
    case 'exists':
      return 'already exists (use --force to overwrite)';
    case 'noFolder':
      return `the folder ${p.folder} does not exist`;
    case 'failed':
      return `cannot write (${p.code})`;
  }
}
