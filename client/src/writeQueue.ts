/**
 * Writes to one name taken one at a time. `vscode.workspace.fs` has no exclusive create: its
 * rename sees a name free, then renames, so two exports to one new name could both write it, the
 * later one replacing the earlier. Taken in turn, the second finds the first's file when it
 * judges the name again, and is refused unless it may replace it. Writes to other names go on
 * side by side; writes from another window or browser tab are not seen here.
 */
export class WriteQueue {
  /** The last write started for each key. */
  private readonly last = new Map<string, Promise<unknown>>();

  /** Runs `write` once every earlier write for `key` has settled, whether it failed or not. */
  async oneAtATime<T>(key: string, write: () => Promise<T>): Promise<T> {
    const before = this.last.get(key) ?? Promise.resolve();
    const mine = before.then(undefined, () => undefined).then(write);
    this.last.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.last.get(key) === mine) this.last.delete(key);
    }
  }

  /** How many names have a write going on or waiting. */
  get busy(): number {
    return this.last.size;
  }
}
