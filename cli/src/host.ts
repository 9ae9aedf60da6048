import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ReadResult, WorkspaceHost } from '../../grammar/src/index';
import { readDocument } from './files';

/** Lets the core read `compare` targets from disk; URIs are absolute file paths here. */
export const fsHost: WorkspaceHost = {
  resolve: (fromUri, path) => resolve(dirname(fromUri), path),
  readFile(uri): ReadResult {
    if (!existsSync(uri)) return { error: 'missing' };
    try {
      return { text: readDocument(uri) };
    } catch (e) {
      return { error: 'unreadable', detail: (e as Error).message.replace(`${uri}: `, '') };
    }
  },
};
