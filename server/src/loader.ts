import type { FileAccess } from '../../grammar/src/index';

/** Bounds on the start-up scan, so a huge folder cannot stall the server. */
export interface ScanLimits {
  maxFiles: number;
  maxDepth: number;
}

/**
 * Finds and reads the `.kompass` files under the folders (URIs) through the file-access layer,
 * which skips node_modules, .git and dot folders, follows no folder links and bounds each read.
 * Files that cannot be read are simply not known.
 */
export async function scanFolders(
  files: FileAccess,
  folders: readonly string[],
  limits: ScanLimits,
): Promise<{ uri: string; text: string }[]> {
  const out: { uri: string; text: string }[] = [];
  for (const folder of folders) {
    const left = limits.maxFiles - out.length;
    if (left <= 0) break;
    for (const uri of await files.listDocuments(folder, {
      maxFiles: left,
      maxDepth: limits.maxDepth,
    })) {
      const r = await files.readFile(uri);
      if ('text' in r) out.push({ uri, text: r.text });
    }
  }
  return out;
}
