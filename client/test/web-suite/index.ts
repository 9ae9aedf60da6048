/**
 * The extension-host suite for VS Code for the Web, bundled to dist/test/vscode-web-suite.js and
 * run by `npm run test:code-server -- --web`: the Kompass extension is forced into the browser's
 * web worker extension host (user setting `remote.extensionKind`), while this suite runs in the
 * Node extension host beside it and drives it the way the workbench does: through commands,
 * language features and the diagnostics every host sees.
 */

import type MochaType from 'mocha';

/** Runs every test of the suite; rejects when any failed. */
export async function run(): Promise<void> {
  const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'vscode-web-suite', mocha);
  await import('./web.test');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
