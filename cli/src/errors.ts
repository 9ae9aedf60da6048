/** A failure that stops the CLI before it could do its job: exit code 2, one line on stderr. */
export class UsageError extends Error {}
