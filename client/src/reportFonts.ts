import * as vscode from 'vscode';
import { type FontBytes, fontFiles } from '../../report/src/fontFiles';

let loaded: { dir: string; fonts: Promise<FontBytes> } | undefined;

/**
 * The PDF's fonts from the extension's own `dist/fonts` (they ship in the .vsix), read through
 * VS Code's file system so the same code works on the desktop and in a browser. Read once.
 */
export function reportFonts(fontDir: vscode.Uri): Promise<FontBytes> {
  const dir = fontDir.toString();
  if (loaded?.dir !== dir) {
    const fonts = (async () => {
      const read = (face: keyof typeof fontFiles) =>
        readBytes(vscode.Uri.joinPath(fontDir, fontFiles[face]));
      const [regular, bold, italic] = await Promise.all([
        read('regular'),
        read('bold'),
        read('italic'),
      ]);
      return { regular, bold, italic };
    })();
    // A failed read is not cached: the next export tries again.
    fonts.catch(() => {
      if (loaded?.fonts === fonts) loaded = undefined;
    });
    loaded = { dir, fonts };
  }
  return loaded.fonts;
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    // In VS Code for the Web an extension served over http(s) has no file system provider.
    if (uri.scheme !== 'http' && uri.scheme !== 'https') throw err;
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
