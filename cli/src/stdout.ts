/**
 * Makes a failing standard output end the command the way Unix tools do: a reader that went
 * away (`kompass check . | head`, EPIPE) ends it quietly with 0; any other failure (a full
 * disk, `> /dev/full`) with one line on stderr and exit code 2, "the command could not run",
 * never 1, which would mean the documents have errors.
 */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    try {
      process.stderr.write(`kompass: cannot write to standard output (${e.code ?? e.message})\n`);
    } finally {
      process.exit(2);
    }
  });
}
