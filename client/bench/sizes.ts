/**
 * The extension's size and activation figures: each shipped bundle (raw and gzipped), the
 * .vsix, and the activation time the extension-host suite last recorded
 * (bench/results/vscode-activation.json, written by client/test/suite/activation.test.ts).
 *
 *   npx tsx client/bench/sizes.ts        prints the figures
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** A figure in the shape bench/ reports (`bench/results.ts`). */
export interface SizeFigure {
  name: string;
  unit: 'ms' | 'MB' | 'KB';
  value: number;
}

/** The figures, and notes on what could not be measured. */
export interface ClientSizes {
  figures: SizeFigure[];
  notes: string[];
}

/** The .vsix, with the desktop and the web bundles, must stay under this size. */
export const vsixBudgetMB = 2.5;

const bundles = [
  'dist/client.js',
  'dist/server.js',
  'dist/webview.js',
  'dist/web/client.js',
  'dist/web/server.js',
] as const;
const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

/**
 * Measures the bundles in dist/ and the .vsix at the repository root as they are on disk
 * (run `npm run package` first for production figures), and reads the recorded activation time.
 */
export function measureClientSizes(root = defaultRoot): ClientSizes {
  const figures: SizeFigure[] = [];
  const notes: string[] = [];
  for (const file of bundles) {
    const path = resolve(root, file);
    if (!existsSync(path)) {
      notes.push(`${file} missing: npm run build`);
      continue;
    }
    const bytes = readFileSync(path);
    const name = file.slice('dist/'.length, -'.js'.length);
    figures.push(
      { name: `client/bundle/${name}`, unit: 'KB', value: kb(bytes.length) },
      { name: `client/bundle/${name}.gz`, unit: 'KB', value: kb(gzipSync(bytes).length) },
    );
    if (bytes.includes('//# sourceMappingURL=')) notes.push(`${file} is a development build`);
  }
  const vsix = resolve(root, 'kompass.vsix');
  if (existsSync(vsix)) {
    const size = statSync(vsix).size;
    figures.push({ name: 'client/vsix', unit: 'MB', value: mb(size) });
    // The budget in decimal megabytes, as stores and the issue state sizes.
    if (size >= vsixBudgetMB * 1_000_000)
      notes.push(`kompass.vsix is ${mb(size)} MB, over the ${vsixBudgetMB} MB budget`);
  } else notes.push('kompass.vsix missing: npm run package');
  const activation = resolve(root, 'bench/results/vscode-activation.json');
  if (existsSync(activation)) {
    const a = JSON.parse(readFileSync(activation, 'utf8')) as {
      activateMs?: number;
      loadMs?: number | null;
      vscode?: string;
    };
    if (typeof a.activateMs === 'number')
      figures.push({ name: 'client/activate', unit: 'ms', value: a.activateMs });
    if (typeof a.loadMs === 'number')
      figures.push({
        name: 'client/load+activate',
        unit: 'ms',
        value: a.loadMs + (a.activateMs ?? 0),
      });
    notes.push(`activation measured in VS Code ${a.vscode ?? '?'} by the extension-host suite`);
  } else notes.push('activation time missing: run npm run test:code-server');
  return { figures, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { figures, notes } = measureClientSizes();
  for (const f of figures)
    console.log(`${f.name.padEnd(28)} ${String(f.value).padStart(9)} ${f.unit}`);
  for (const n of notes) console.log(`note: ${n}`);
}
