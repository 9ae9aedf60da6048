import { NodeFiles } from '../../files/src/node';
import { maxDocumentBytes } from './files';

/** Lets the core read `compare` targets from disk; URIs are absolute file paths here. */
export const fsHost = new NodeFiles({ maxBytes: maxDocumentBytes });
