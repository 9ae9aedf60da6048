import { NodeFiles, uriToPath } from '../../files/src/node';

export { isInside, pathToUri, uriToPath } from '../../files/src/node';

/** What the server's file access needs to know, asked on each read so it follows changes. */
export interface HostOptions {
  /** The workspace folders as URIs. */
  folders(): readonly string[];
  /** False when the client says the workspace is untrusted: nothing outside the folders is read. */
  trusted(): boolean;
  /** Files larger than this many bytes are not read. */
  maxFileSize(): number;
}

/** The server's file access over Node's fs: the trust scope applies to resolved locations. */
export function nodeFileAccess(options: HostOptions): NodeFiles {
  return new NodeFiles({
    maxBytes: options.maxFileSize,
    scope: () =>
      options.trusted()
        ? undefined
        : options.folders().flatMap((u) => {
            const p = uriToPath(u);
            return p === undefined ? [] : [p];
          }),
  });
}
