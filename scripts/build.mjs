// Builds every bundle the project ships. Used by `npm run build`, `prepare` and the tests.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { generateFrameworks } from './gen-frameworks.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

generateFrameworks();
mkdirSync('dist', { recursive: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // pdfkit's ESM build locates its data through import.meta.url, which a CommonJS bundle lacks.
  // linebreak and fontkit: the copies pdfkit's CommonJS build requires, not second ones from
  // their ES builds (two fontkits meant two sets of Unicode tables unpacked at every start).
  alias: {
    pdfkit: './node_modules/pdfkit/js/pdfkit.js',
    linebreak: './node_modules/linebreak/dist/main.cjs',
    fontkit: './node_modules/fontkit/dist/main.cjs',
  },
};

/**
 * fontkit's brotli decoder serves only WOFF2 fonts, and the report embeds TTF, so
 * report/src/noWoff2.ts stands in for it in the extensions (the .vsix has a size budget) and in
 * the report bundle the CLI loads.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({
      path: resolve('report/src/noWoff2.ts'),
    }));
  },
};

/**
 * pdfkit's AES ciphers serve only encrypted PDFs, which the report never writes:
 * report/src/noEncryption.ts stands in for them wherever pdfkit is bundled.
 */
const noEncryption = {
  name: 'no-encryption',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({
      path: resolve('report/src/noEncryption.ts'),
    }));
  },
};

/**
 * The Unicode tables of fontkit and the line breaker unpacked by Node's zlib instead of
 * tiny-inflate's JavaScript (report/src/nodeInflate.cjs), in the report bundles the CLI loads.
 */
const nodeInflate = {
  name: 'node-inflate',
  setup(b) {
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({
      path: resolve('report/src/nodeInflate.cjs'),
    }));
  },
};

const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  // pdfkit's browser build names its built-in ICC profile by a URL made from import.meta.url (only
  // a key in its in-memory file table); a CommonJS bundle has no import.meta, so give it a base.
  define: { 'import.meta.url': JSON.stringify('https://kompass.invalid/web/') },
};

/**
 * The CLI loads the report renderer only when it exports: its dynamic import of the report
 * becomes a require of dist/report.js, a bundle of its own, so `check` and `--version` read a
 * small file and never load pdfkit, fontkit or markdown-it.
 */
const reportApart = {
  name: 'report-apart',
  setup(b) {
    b.onResolve({ filter: /report\/src\/index$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './report.js', external: true } : undefined,
    );
    // A PDF export loads the PDF renderer alone (dist/report-pdf.js), with its code cache.
    b.onResolve({ filter: /report\/src\/pdfNode$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'report-pdf', namespace: 'bundle' } : undefined,
    );
    b.onLoad({ filter: /^report-pdf$/, namespace: 'bundle' }, () => ({
      contents:
        "module.exports = require('../bin/bundle.cjs').loadBundle(require('node:path').join(__dirname, 'report-pdf.js')).exports;",
      loader: 'js',
    }));
    // The loader bin/kompass.js started with, not a copy: scripts/code-cache.mjs asks it what it loaded.
    b.onResolve({ filter: /^\.\.\/bin\/bundle\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/**
 * The grammar is a plain library without side effects: in the PDF renderer's bundle only the
 * modules it calls are kept (number formatting, line index), not the parser the CLI already has.
 */
const grammarPure = {
  name: 'grammar-pure',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'grammar-pure') return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'grammar-pure',
      });
      if (r.errors.length > 0 || !r.path.includes(`${sep}grammar${sep}src${sep}`)) return undefined;
      return { path: r.path, sideEffects: false };
    });
  },
};

const bundles = [
  {
    ...node,
    entryPoints: { cli: 'cli/src/index.ts' },
    plugins: [reportApart],
    // A real `import()` of a CommonJS file makes Node scan all of it for export names first
    // (cjs-module-lexer, about half a second for the report bundle); a require does not.
    supported: { 'dynamic-import': false },
    requires: ['report/src/index.ts'],
  },
  // The report bundle too: the CLI loads it for every export, and 1.3 MB less is faster to load.
  {
    ...node,
    entryPoints: { report: 'report/src/index.ts' },
    plugins: [noWoff2, noEncryption, nodeInflate],
  },
  // The PDF renderer alone: what `kompass export --format pdf` loads (no Word or HTML writer).
  {
    ...node,
    entryPoints: { 'report-pdf': 'report/src/pdfNode.ts' },
    plugins: [noWoff2, noEncryption, grammarPure, nodeInflate],
  },
  { ...node, entryPoints: { server: 'server/src/server.ts' } },
  {
    ...node,
    entryPoints: { client: 'client/src/extension.ts' },
    external: ['vscode'],
    plugins: [noWoff2, noEncryption],
  },
  {
    ...node,
    entryPoints: {
      'test/vscode-suite': 'client/test/suite/index.ts',
      'test/vscode-web-suite': 'client/test/web-suite/index.ts',
    },
    external: ['vscode', 'mocha'],
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'client/webview/main.ts' },
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { compare: 'client/src/compare/webview.ts' },
  },
  // VS Code for the Web: the extension for the browser's worker extension host (CommonJS, as
  // VS Code loads it) and the language server as a classic worker script. Nothing Node-only may
  // reach them; biome.json keeps `node:*` out of their sources.
  {
    ...web,
    format: 'cjs',
    entryPoints: { 'web/client': 'client/src/webExtension.ts' },
    external: ['vscode'],
    plugins: [noWoff2, noEncryption],
  },
  { ...web, format: 'iife', entryPoints: { 'web/server': 'server/src/webServer.ts' } },
  // Bundles whose sources are not written yet are skipped, so each part builds on its own.
]
  .filter((b) =>
    [...Object.values(b.entryPoints), ...(b.requires ?? [])].every((p) => existsSync(p)),
  )
  .map(({ requires, ...b }) => b);

await Promise.all(bundles.map((b) => build({ ...b, outdir: 'dist' })));

// The PDF report embeds these fonts and looks for them next to the bundles (report/src/fonts.ts).
mkdirSync('dist/fonts', { recursive: true });
for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', '../LICENSE']) {
  copyFileSync(
    `node_modules/dejavu-fonts-ttf/ttf/${f}`,
    `dist/fonts/${f.replace('../', 'DejaVu-')}`,
  );
}
// The package is ESM for its sources; the bundles are CommonJS, as VS Code loads extensions.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
// The CLI starts from V8's code cache of its bundle (bin/bundle.cjs), made by running it once.
if (existsSync('dist/cli.js')) {
  const r = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/code-cache.mjs failed:\n${r.stderr}`);
}
if (watch) console.log('watch mode is not supported; run the build again');
