/**
 * The requests the web worker server sends its client to reach workspace files, which only the
 * client can read (through VS Code's file system). The client's side: client/src/webRelay.ts.
 */

/** `kompass/readFile` `{ uri }` → a `ReadResult`: the text, or why not (size, trust, type). */
export const readFileRequest = 'kompass/readFile';

/** `kompass/listDocuments` `{ folderUri, limits }` → the URIs of the folder's `.kompass` files. */
export const listDocumentsRequest = 'kompass/listDocuments';
