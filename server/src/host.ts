import { NodeFiles, uriToPath } from '../../files/src/node';
import type { WorkspaceView } from './platform';

export { isInside, pathToUri, uriToPath } from '../../files/src/node';

/** The server's file access over Node's fs: the trust scope applies to resolved locations. */
export function nodeFileAccess(options: WorkspaceView): NodeFiles {
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
