import { type OutputData, type WriteProblem, writeOutputFile } from '../../files/src/write';
import { UsageError } from './errors';
import type { CliTexts } from './texts';

/**
 * Writes a report file through the shared output writer: never over the input (also through
 * links), never into anything but a regular file, a new file created exclusively, an existing
 * one replaced only with `force`, atomically either way.
 */
export function writeOutput(
  target: string,
  data: OutputData,
  options: { source: string; force: boolean },
): void {
  const problem = writeOutputFile(target, data, {
    inputs: [options.source],
    replace: options.force,
  });
  if (problem) throw new UsageError((t) => sayWriteProblem(t, target, problem));
}

/** A write problem in the CLI's words: never raw Node error text. */
function sayWriteProblem(t: CliTexts, target: string, p: WriteProblem): string {
  switch (p.problem) {
    case 'isInput':
      return t.overInput(target);
    case 'notFile':
      return t.notFile(target, p.kind);
    case 'exists':
      return t.exists(target);
    case 'noFolder':
      return t.noFolder(target, p.folder);
    case 'failed':
      return t.cannotWrite(target, t.writeProblems[p.code] ?? t.writeProblems.other ?? p.code);
  }
}
