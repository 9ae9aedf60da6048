/**
 * The file-access interface: how every part of Kompass reads a file it was not handed as text
 * (a `compare` target, a workspace file at start-up, a document going back to its saved state).
 * Pure types and pure helpers only: no `node:*`, no VS Code, so the core, the web build and
 * the Node build share it.
 *
 * ## Implementing it
 *
 * There is one implementation per environment: over Node's `fs` (`files/src/node.ts`, used by
 * the CLI, the language server over stdio/IPC and the desktop extension) and over
 * `vscode.workspace.fs` for the web build. Each must:
 *
 * 1. **Resolve links first.** Open only what is a regular file once symbolic links are
 *    resolved; answer `notFile` for folders, devices, FIFOs and sockets, without opening them
 *    (opening a FIFO blocks, reading `/dev/zero` never ends).
 * 2. **Apply the trust scope to the resolved location.** When the workspace is untrusted, a file
 *    whose resolved location lies outside the workspace folders is `outside`, even when the
 *    name that was asked for lies inside (a link pointing out).
 * 3. **Bound the read.** Stop at the size limit: check the size before reading, and stop
 *    reading when more bytes than the limit arrive (a file can grow while it is read). Never
 *    read a whole file of unknown size into memory.
 * 4. **Decode with {@link decodeDocument}**, so every environment refuses the same binary or
 *    non-UTF-8 input with the same words.
 * 5. **Never throw.** Every failure is a {@link FileProblem}; `detail` adds what a user needs
 *    (a size, an error code).
 * 6. **Walk without following folder links** in {@link FileAccess.listDocuments}, within the
 *    given {@link WalkLimits}.
 *
 * `readFile` may answer synchronously (Node) or with a promise (the web build, where reads go
 * through the extension host). The core's {@link Workspace} accepts both: a promised read shows
 * as pending, and `Workspace.analyzeSettled` waits for every read an analysis needs, so callers
 * that can wait get complete results and callers that cannot get them on the next analysis.
 */

/** Why a file could not be read: one vocabulary for the CLI, the server and the extension. */
export type FileProblem =
  /** Nothing at that name (or a path through something that is not a folder). */
  | 'missing'
  /** Resolved outside the workspace folders while the workspace is untrusted. */
  | 'outside'
  /** Exists but is not a regular file: a folder, a device, a FIFO, a socket. */
  | 'notFile'
  /** Larger than the size limit. */
  | 'tooLarge'
  /** Binary, or not valid UTF-8. */
  | 'notText'
  /** Anything else: permissions, link loops, I/O errors. */
  | 'unreadable';

/** What reading a file gave: its text, or why there is none. */
export type ReadResult = { text: string } | { error: FileProblem; detail?: string };

/** Bounds on a folder walk, so a huge or looping tree cannot stall the caller. */
export interface WalkLimits {
  /** Stop after this many files. */
  maxFiles: number;
  /** Do not descend more than this many folders below the starting one. */
  maxDepth: number;
}

/** How to find and read files; one implementation per environment (see the module comment). */
export interface FileAccess {
  /**
   * Resolves `path` (as written in a `compare` statement) relative to the document `fromUri`.
   * Pure name arithmetic, no file access; the result is in the same form as `fromUri`.
   */
  resolve(fromUri: string, path: string): string;
  /** Reads a document's text: regular files only, inside the trust scope, bounded in size. */
  readFile(uri: string): ReadResult | Promise<ReadResult>;
  /**
   * The `.kompass` files under a folder, sorted, skipping `node_modules`, `.git`, `dist`, `out`
   * and dot-folders, never following links to folders.
   */
  listDocuments(folderUri: string, limits: WalkLimits): Promise<string[]>;
}

/**
 * Whether `uri` names something inside one of the folders `folderUris` (by name only: an
 * implementation resolves links itself). Works for any URI scheme.
 */
export function uriInside(uri: string, folderUris: readonly string[]): boolean {
  return folderUris.some((f) => {
    const folder = f.endsWith('/') ? f : `${f}/`;
    return uri === f || uri.startsWith(folder);
  });
}

/** Folder names a walk never enters. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out']);

/** Whether a walk enters a folder of this name. */
export function walksInto(name: string): boolean {
  return !skippedFolders.has(name) && !name.startsWith('.');
}

// A NUL byte in the first 8 kB: text formats never hold one, binary formats nearly always do.
const binaryProbe = 8192;

/** Decodes bytes as UTF-8 (a BOM is dropped), or says why they are not a document. */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  if (bytes.subarray(0, binaryProbe).includes(0)) return { error: 'notText', detail: 'binary' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { error: 'notText', detail: 'utf8' };
  }
}

/** Says a size in the unit a person reads it in. */
export function formatSize(bytes: number): string {
  if (bytes < 10_000) return `${bytes} B`;
  if (bytes < 10_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${Math.round(bytes / 1_000_000)} MB`;
}

/** The `tooLarge` answer for a file of `size` bytes (`atLeast`: or more) against `limit`. */
export function tooLarge(size: number, limit: number, atLeast = false): ReadResult {
  return {
    error: 'tooLarge',
    detail: `${atLeast ? '>' : ''}${formatSize(size)} > ${formatSize(limit)}`,
  };
}

const problemWords: Record<'sv' | 'en', Record<FileProblem, string>> = {
  en: {
    missing: 'no such file',
    outside: 'outside the workspace folders, not read in an untrusted workspace',
    notFile: 'not a regular file',
    tooLarge: 'too large',
    notText: 'not a text file',
    unreadable: 'cannot be read',
  },
  sv: {
    missing: 'filen finns inte',
    outside: 'utanför arbetsytans mappar, läses inte i en arbetsyta som inte är betrodd',
    notFile: 'ingen vanlig fil',
    tooLarge: 'för stor',
    notText: 'ingen textfil',
    unreadable: 'kan inte läsas',
  },
};

const detailWords: Record<'sv' | 'en', Record<string, string>> = {
  en: { binary: 'binary file', utf8: 'not valid UTF-8', folder: 'a folder', device: 'a device' },
  sv: { binary: 'binär fil', utf8: 'inte giltig UTF-8', folder: 'en mapp', device: 'en enhet' },
};

/**
 * One phrase for a failed read, e.g. `not a regular file (FIFO)` or `too large (12 MB > 10 MB)`.
 * Implementations put codes (`binary`, `utf8`, `folder`, `device`, `FIFO`, `socket`, `ELOOP`) or
 * sizes in `detail`; the words are added here, in Swedish or English.
 */
export function describeReadProblem(
  r: { error: FileProblem; detail?: string },
  lang: 'sv' | 'en' = 'en',
): string {
  const detail = r.detail === undefined ? undefined : (detailWords[lang][r.detail] ?? r.detail);
  if (r.error === 'notText' && detail) return detail;
  return detail ? `${problemWords[lang][r.error]} (${detail})` : problemWords[lang][r.error];
}

/** Why an output (a report) was not written: one vocabulary for the CLI and the extension. */
export type WriteProblem =
  /** The output names an input document, directly or through a link. */
  | { problem: 'isInput' }
  /** The output exists and is not a regular file (a folder, a device, a FIFO, a socket, a link). */
  | { problem: 'notFile'; kind: string }
  /** The output exists and replacing was not allowed (or it appeared meanwhile). */
  | { problem: 'exists' }
  /** The folder to write in does not exist. */
  | { problem: 'noFolder'; folder: string }
  /** The system refused the write. */
  | { problem: 'failed'; code: string };

/** What an environment found at an output's name, for {@link judgeOutput}. */
export interface OutputFacts {
  /**
   * What is there, links followed: `none` (a new name), `file` (a regular file), or what else
   * (`folder`, `device`, `FIFO`, `socket`, `link to nothing`; `symbolic link` where an
   * environment cannot see where a link leads and so cannot vouch for it).
   */
  kind: 'none' | 'file' | (string & {});
  /** Whether it is one of the inputs: by resolved name or by identity (so links count). */
  isInput: boolean;
}

/**
 * The rule every export follows before writing: never over an input (also through a link),
 * never into anything but a regular file or a new name, never over an existing file unless
 * replacing it was asked for (the CLI's `--force`, the extension's confirmation). Undefined:
 * go ahead, creating the file exclusively when `kind` is `none`.
 */
export function judgeOutput(facts: OutputFacts, replace: boolean): WriteProblem | undefined {
  if (facts.isInput) return { problem: 'isInput' };
  if (facts.kind === 'none') return undefined;
  if (facts.kind !== 'file') return { problem: 'notFile', kind: facts.kind };
  return replace ? undefined : { problem: 'exists' };
}
