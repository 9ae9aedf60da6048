/**
 * The extension-host test suite, bundled to dist/test/vscode-suite.js. Both runners load it:
 * @vscode/test-electron (client/test/runTest.ts) and the code-server harness's runner extension
 * (scripts/vscode-test/run-code-server.mjs). Mocha stays outside the bundle, found from the
 * repository's node_modules, so the harness can watch its runner for the counts.
 */

import type MochaType from 'mocha';

/** Runs every test of the suite; rejects when any failed. */
export async function run(): Promise<void> {
  // The CommonJS build of mocha: a constructor, whichever module system loads the suite.
  const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Defines suite()/test() on the global object, as `mocha.addFile` would for each file.
  mocha.suite.emit('pre-require', globalThis, 'vscode-suite', mocha);
  // Imported only now, after the globals exist; esbuild keeps each module lazy until imported.
  await import('./activation.test');
  await import('./language.test');
  await import('./preview.test');
  await import('./export.test');
  await import('./newEvaluation.test');
  await import('./compare.test');
  await import('./editor.test');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
