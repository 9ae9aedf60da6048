import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors';

/**
 * Writes a file atomically (temporary file in the same folder, then rename), so a crash never
 * leaves half a file. Refuses to write over `source`, and over an existing file unless `force`.
 */
export function writeOutput(
  target: string,
  data: string | Uint8Array,
  options: { source: string; force: boolean },
): void {
  if (resolve(target) === resolve(options.source)) {
    throw new UsageError((t) => t.overInput(target));
  }
  const st = statSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new UsageError((t) => t.isFolder(target));
  if (st && !options.force) {
    throw new UsageError((t) => t.exists(target));
  }
  if (!existsSync(dirname(resolve(target)))) {
    throw new UsageError((t) => t.noFolder(target, dirname(target)));
  }
  const tmp = join(
    dirname(resolve(target)),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'other';
    // Never raw Node text: a known cause in words, else a plain "cannot write".
    throw new UsageError((t) =>
      t.cannotWrite(target, t.writeProblems[code] ?? t.writeProblems.other ?? code),
    );
  }
}
