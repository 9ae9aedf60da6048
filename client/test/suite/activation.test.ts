import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, kompass, repoRoot } from './helpers';

suite('activation', () => {
  test('activates and reports its activation time', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is installed`);
    const wasActive = ext.isActive;
    const started = performance.now();
    const api = await kompass();
    const wall = performance.now() - started;
    assert.ok(ext.isActive);
    assert.equal(typeof api.activationMs, 'number');
    // The benchmark figure: written where the repository keeps bench results (git-ignored).
    const out = path.join(repoRoot, 'bench', 'results', 'vscode-activation.json');
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const figures = {
        vscode: vscode.version,
        appHost: vscode.env.appHost,
        node: process.version,
        activateMs: Math.round(api.activationMs * 10) / 10,
        // From asking for activation to the bundle having loaded (read, compiled, evaluated).
        loadMs: wasActive ? null : Math.round((api.timings.moduleLoadedAt - started) * 10) / 10,
        // From the bundle having loaded to activate() being called by VS Code.
        queueMs: Math.round((api.timings.activateStartedAt - api.timings.moduleLoadedAt) * 10) / 10,
        // Module load + activate, measured around extension.activate(); 0 when already active.
        wallMs: wasActive ? null : Math.round(wall * 10) / 10,
        date: new Date().toISOString(),
      };
      fs.writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    } catch {
      // A read-only checkout still runs the tests; the figure is only lost.
    }
  });

  test('registers the kompass language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('kompass'), 'kompass is a known language');
  });

  test('registers the commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'kompass.showPreview',
      'kompass.showPreviewToSide',
      'kompass.exportReport',
      'kompass.newEvaluation',
      'kompass.preview.toggleLock',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('starts the language server', async () => {
    const api = await kompass();
    await api.serverReady;
    assert.ok(api.client()?.isRunning());
  });
});
