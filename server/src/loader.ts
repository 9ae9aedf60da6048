import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToUri } from './host';
import type { ScanLimits } from './platform';

const skipped = new Set(['node_modules', '.git', 'dist', 'out']);

/** Finds and reads the `.kompass` files under `folders` (skipping node_modules, .git, dot folders). */
export async function scanFolders(
  folders: readonly string[],
  limits: ScanLimits,
): Promise<{ uri: string; text: string }[]> {
  const out: { uri: string; text: string }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth || out.length >= limits.maxFiles) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limits.maxFiles) return;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipped.has(e.name) && !e.name.startsWith('.')) await walk(path, depth + 1);
      } else if (e.isFile() && e.name.endsWith('.kompass')) {
        try {
          if ((await stat(path)).size > limits.maxFileSize) continue;
          out.push({ uri: pathToUri(path), text: await readFile(path, 'utf8') });
        } catch {
          // A file that vanished or cannot be read is simply not known.
        }
      }
    }
  };
  for (const f of folders) await walk(f, 0);
  return out;
}
