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
    throw new UsageError(`${target}: refusing to write over the input document`);
  }
  const st = statSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new UsageError(`${target}: is a folder`);
  if (st && !options.force) {
    throw new UsageError(`${target}: already exists (use --force to overwrite)`);
  }
  if (!existsSync(dirname(resolve(target)))) {
    throw new UsageError(`${target}: the folder ${dirname(target)} does not exist`);
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
    throw new UsageError(`${target}: cannot write (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
}
