import type { CancellationToken, Connection } from 'vscode-languageserver/node';

/**
 * Runs one request's handler so that a bug in one feature never takes the server down: an
 * exception is logged and the request answers `empty`; a cancelled request answers `empty` too.
 */
export function guarded<P, R>(
  connection: Connection,
  feature: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    if (token?.isCancellationRequested) return empty;
    try {
      const result = handler(params, token);
      return token?.isCancellationRequested ? empty : result;
    } catch (e) {
      connection.console.error(`kompass: ${feature} failed: ${describe(e)}`);
      return empty;
    }
  };
}

/** An error as one log line with its stack. */
export function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
