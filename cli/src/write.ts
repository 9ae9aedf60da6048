import { describeWriteProblem, writeOutputFile } from '../../files/src/write';
import { UsageError } from './errors';

/**
 * Writes a report file through the shared output writer: never over the input (also through
 * links), never into anything but a regular file, a new file created exclusively, an existing
 * one replaced only with `force`, atomically either way.
 */
export function writeOutput(
  target: string,
  data: string | Uint8Array,
  options: { source: string; force: boolean },
): void {
  const problem = writeOutputFile(target, data, {
    inputs: [options.source],
    replace: options.force,
  });
  if (problem) throw new UsageError(`${target}: ${describeWriteProblem(problem)}`);
}
