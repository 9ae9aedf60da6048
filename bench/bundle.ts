/**
 * Bundles the per-document benchmark with esbuild the way scripts/build.mjs bundles the product
 * (CommonJS, node20, no `keepNames`), so the figures are those of the shipped code. Under tsx
 * every closure gets a `__name(...)` wrapper, which made the parser look about twice as slow as
 * it is in dist/.
 */

import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { bundledModulesKey, optionalModules, root } from './optional';

/** Builds bench/results/layers.cjs with the optional modules that exist today; returns its path. */
export async function bundleLayers(): Promise<string> {
  const present = optionalModules.filter((p) => existsSync(resolve(root, p)));
  const lines = present.map((p, i) => `import * as m${i} from './${p}';`);
  lines.push("import { main } from './bench/layers.ts';");
  lines.push(
    `(globalThis as Record<string, unknown>).${bundledModulesKey} = { ${present
      .map((p, i) => `'${p}': m${i}`)
      .join(', ')} };`,
  );
  lines.push('main(process.argv).catch((err) => { console.error(err); process.exit(1); });');
  const outfile = resolve(root, 'bench/results/layers.cjs');
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  await build({
    stdin: {
      contents: lines.join('\n'),
      resolveDir: root,
      sourcefile: 'bench-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // pdfkit finds its data files next to its own CommonJS build, so it is loaded from node_modules.
    external: ['pdfkit'],
    logLevel: 'error',
    legalComments: 'none',
  });
  return outfile;
}
