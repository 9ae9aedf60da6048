/**
 * Runs the extension-host suite in a downloaded desktop VS Code with @vscode/test-electron
 * (`npm run test:vscode`). Where VS Code cannot be downloaded, run the same suite inside
 * code-server instead: `npm run test:code-server` (docs/testing-in-vscode.md).
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const suite = path.join(repo, 'dist', 'test', 'vscode-suite.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: run the build first`);
  // A copy of the samples as the workspace, so the tests never touch the checkout's files.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-vscode-ws-'));
  fs.cpSync(path.join(repo, 'samples'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.KOMPASS_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
