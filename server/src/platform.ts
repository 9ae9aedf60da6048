import type { Workspace, WorkspaceHost } from '../../grammar/src/index';

/** Bounds on the start-up scan, so a huge folder cannot stall the server. */
export interface ScanLimits {
  maxFiles: number;
  maxDepth: number;
  maxFileSize: number;
}

/** What the workspace host needs to know, read when asked so it follows changes. */
export interface WorkspaceView {
  /** The workspace folders, as URIs. */
  folders(): readonly string[];
  /** False when the client says the workspace is untrusted: nothing outside the folders is read. */
  trusted(): boolean;
  /** Files larger than this many bytes are not read. */
  maxFileSize(): number;
}

/**
 * How the language server reaches files: over the file system in Node (server/src/server.ts),
 * through the client's workspace file system in a browser (server/src/webServer.ts). Everything
 * else the server does is the same code (server/src/session.ts).
 */
export interface ServerPlatform {
  /** The host the core reads `compare` targets through. */
  host(view: WorkspaceView): WorkspaceHost;
  /** Reads the `.kompass` files of the workspace folders at start. */
  scan(view: WorkspaceView, limits: ScanLimits): Promise<{ uri: string; text: string }[]>;
  /**
   * Reads a workspace file again after it was closed or changed on disk; undefined when it is not
   * part of the workspace, is gone, or may not be read.
   */
  reread(view: WorkspaceView, uri: string): Promise<string | undefined>;
  /**
   * Reads what checking `uri` needs and the host could not read synchronously, before the check
   * is published; `onRead` hears of each file read. Absent where the host reads synchronously.
   */
  settle?(workspace: Workspace, uri: string, onRead: (uri: string) => void): Promise<unknown>;
}
