import type { Analysis } from './model';
import type { ReadResult, Workspace, WorkspaceHost } from './workspace';

/** Reads a file asynchronously (through a browser's or an editor's file system). */
export type AsyncReader = (uri: string) => Promise<ReadResult>;

/** How many levels of compare targets of compare targets `settle` reads before it gives up. */
const maxRounds = 8;

/**
 * A workspace host over an asynchronous file system. The core reads compare targets
 * synchronously during analysis, so this host answers from what was read before and notes what
 * was not; `settle` reads those and analyses again until nothing is missing.
 */
export class AsyncReadHost implements WorkspaceHost {
  private readonly reads = new Map<string, ReadResult>();
  private readonly wanted = new Set<string>();
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly resolver: (fromUri: string, path: string) => string,
    private readonly reader: AsyncReader,
  ) {}

  /** Resolves `path` relative to the document `fromUri`. */
  resolve(fromUri: string, path: string): string {
    return this.resolver(fromUri, path);
  }

  /** What reading `uri` gave, or, when it was not read yet, an `unreadable` noted for `settle`. */
  readFile(uri: string): ReadResult {
    const read = this.reads.get(uri);
    if (read) return read;
    this.wanted.add(uri);
    return { error: 'unreadable', detail: 'not read yet' };
  }

  /** Forgets what was read of `uri` (it changed); the next analysis that needs it reads it again. */
  forget(uri: string): void {
    this.reads.delete(uri);
  }

  /** Whether an analysis asked for a file not read yet. */
  get pending(): boolean {
    return this.wanted.size > 0;
  }

  /**
   * The analysis of `uri` once every compare target it needs has been read (a few levels deep).
   * `onRead` hears of each file read, so documents that used it can be checked again.
   */
  async settle(
    workspace: Workspace,
    uri: string,
    onRead?: (uri: string) => void,
  ): Promise<Analysis> {
    for (let round = 0; ; round++) {
      const analysis = workspace.analyze(uri);
      const wanted = [...this.wanted];
      this.wanted.clear();
      if (wanted.length === 0 || round >= maxRounds) return analysis;
      await Promise.all(
        wanted.map((target) => {
          let reading = this.inflight.get(target);
          if (!reading) {
            reading = this.reader(target)
              .catch((e): ReadResult => ({ error: 'unreadable', detail: String(e) }))
              .then((result) => {
                this.reads.set(target, result);
                this.inflight.delete(target);
                workspace.invalidate(target);
                onRead?.(target);
              });
            this.inflight.set(target, reading);
          }
          return reading;
        }),
      );
    }
  }
}
