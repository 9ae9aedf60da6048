import type { CliTexts } from './texts';

/**
 * A failure that stops the CLI before it could do its job: exit code 2, one line on stderr,
 * worded when it is printed, in the language the command ended up speaking.
 */
export class UsageError extends Error {
  constructor(readonly say: (t: CliTexts) => string) {
    super('kompass usage error');
  }
}
