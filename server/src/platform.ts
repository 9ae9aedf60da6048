import type { FileAccess } from '../../grammar/src/index';

/** What the server's file access needs to know, asked on each read so it follows changes. */
export interface WorkspaceView {
  /** The workspace folders, as URIs. */
  folders(): readonly string[];
  /** False when the client says the workspace is untrusted: nothing outside the folders is read. */
  trusted(): boolean;
  /** Files larger than this many bytes are not read. */
  maxFileSize(): number;
}

/**
 * How the language server reaches files: over Node's fs (server/src/server.ts), or through the
 * client's workspace file system from a browser worker (server/src/webServer.ts). Everything
 * else the server does is the same code (server/src/session.ts).
 */
export type FileAccessFactory = (view: WorkspaceView) => FileAccess;
