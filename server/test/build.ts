import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The repository root. */
export const root = join(import.meta.dirname, '..', '..');

/** The bundle the tests start. */
export const serverBundle = join(root, 'dist', 'server.js');

let built: Promise<void> | undefined;

/**
 * Builds the server bundle once per test run, as scripts/build.mjs does for it, without the other
 * bundles, so the server suite does not depend on the state of the rest of the checkout.
 */
export function buildServer(): Promise<void> {
  built ??= (async () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    const pkg = join(root, 'dist', 'package.json');
    // The bundle is CommonJS inside a package that is ESM: dist/ says so for itself.
    if (!existsSync(pkg)) writeFileSync(pkg, '{ "type": "commonjs" }\n');
    await build({
      entryPoints: { server: join(root, 'server', 'src', 'server.ts') },
      outdir: join(root, 'dist'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
      legalComments: 'none',
    });
  })();
  return built;
}

/** The web worker server bundle the browser test starts. */
export const webServerBundle = join(root, 'dist', 'web', 'server.js');

let builtWeb: Promise<void> | undefined;

/** Builds the web worker server as scripts/build.mjs does, once per test run. */
export function buildWebServer(): Promise<void> {
  builtWeb ??= build({
    entryPoints: { 'web/server': join(root, 'server', 'src', 'webServer.ts') },
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  }).then(() => undefined);
  return builtWeb;
}
