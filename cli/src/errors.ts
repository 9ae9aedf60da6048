import type { CliTexts } from './texts';

/**
 * A failure that stops the CLI before it could do its job: exit code 2, one line on stderr,
 * worded when it is printed, in the language the command ended up speaking (a plain string is
 * printed as it is).
 */
export class UsageError extends Error {
  constructor(private readonly words: string | ((t: CliTexts) => string)) {
    super('kompass usage error');
  }

  /** The message in the CLI's words. */
  say(t: CliTexts): string {
    return typeof this.words === 'string' ? this.words : this.words(t);
  }
}
