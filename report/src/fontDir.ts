/** Where the PDF's fonts are on disk, for Node: next to the bundle, or in node_modules. */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FontBytes, fontFiles } from './fontFiles';

/** The font folders tried, in order, when no `fontDir` is given. */
export function fontDirCandidates(): string[] {
  const dirs: string[] = [];
  // In the esbuild bundles (CommonJS) __dirname is dist/, and the build copies the fonts to dist/fonts.
  if (typeof __dirname === 'string')
    dirs.push(join(__dirname, 'fonts'), join(__dirname, '..', 'dist', 'fonts'));
  const script = process.argv[1];
  if (script) dirs.push(join(dirname(script), 'fonts'));
  // Running from source (tsx, tests): the npm package itself.
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    dirs.push(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  } catch {
    // Not installed here; the other candidates may still hold the fonts.
  }
  dirs.push(join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf'));
  return dirs;
}

/** The first folder holding all the report's fonts, or undefined. */
export function defaultFontDir(): string | undefined {
  return fontDirCandidates().find((dir) =>
    Object.values(fontFiles).every((f) => existsSync(join(dir, f))),
  );
}

const cache = new Map<string, FontBytes>();

/**
 * Reads (once per folder) the report's font files; throws naming the folders tried when they are
 * not found.
 */
export function readFontDir(fontDir?: string): FontBytes {
  const dir = fontDir ?? defaultFontDir();
  if (!dir) {
    throw new Error(
      `The report fonts (${Object.values(fontFiles).join(', ')}) were not found; looked in ${fontDirCandidates().join(', ')}. Pass fontDir.`,
    );
  }
  let bytes = cache.get(dir);
  if (!bytes) {
    const read = (f: string) => {
      const path = join(dir, f);
      if (!existsSync(path)) throw new Error(`Report font missing: ${path}`);
      return readFileSync(path);
    };
    bytes = {
      regular: read(fontFiles.regular),
      bold: read(fontFiles.bold),
      italic: read(fontFiles.italic),
    };
    cache.set(dir, bytes);
  }
  return bytes;
}
