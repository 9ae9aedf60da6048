import {
  type CancellationToken,
  type Connection,
  ErrorCodes,
  ResponseError,
} from 'vscode-languageserver';

/** Whether the client has sent `initialize`; requests before it get `ServerNotInitialized`. */
export const lifecycle = { initialized: false };

/**
 * Runs one request's handler so that a bug in one feature never takes the server down: an
 * exception is logged and the request answers `empty`; a cancelled request answers `empty` too.
 * Requests wait for `ready` (the start-up scan), so answers already know the workspace.
 */
export function guarded<P, R>(
  connection: Connection,
  feature: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R,
  ready: Promise<unknown> = Promise.resolve(),
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    // The protocol's answer to a request before `initialize`, at once rather than after `ready`.
    if (!lifecycle.initialized) {
      throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
    }
    await ready;
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
