import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, kompass, open, sampleText, waitFor, writeScratch } from './helpers';

suite('preview', () => {
  suiteTeardown(closeAll);

  test('opens a webview panel beside the editor and updates after an edit', async () => {
    const api = await kompass();
    const uri = writeScratch('preview.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    await vscode.commands.executeCommand('kompass.showPreviewToSide');

    const tab = await waitFor('a preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            t.input.viewType.includes('kompass.preview'),
        ),
    );
    assert.ok(tab.label.includes('preview.kompass'));
    const first = await waitFor('the first render', () =>
      api.previews().find((p) => p.uri === uri.toString() && p.html.includes('Västerås stad')),
    );
    assert.ok(first.html.includes('561/800'), 'the total is shown');

    await editor.edit((e) => {
      const text = editor.document.getText();
      const start = text.indexOf('"Västerås stad"');
      e.replace(
        new vscode.Range(
          editor.document.positionAt(start),
          editor.document.positionAt(start + '"Västerås stad"'.length),
        ),
        '"Västerås kommun"',
      );
    });
    const updated = await waitFor('the render after the edit', () =>
      api
        .previews()
        .find(
          (p) =>
            p.uri === uri.toString() && p.html.includes('Västerås kommun') && p.seq > first.seq,
        ),
    );
    assert.equal(updated.version, editor.document.version);
    // The webview itself patched the update in (its script runs and answers).
    await waitFor('the webview to apply the update', () =>
      api.previews().find((p) => p.uri === uri.toString() && p.appliedSeq >= updated.seq),
    );
  });

  test('keeps the last good render while the source has a syntax error', async () => {
    const api = await kompass();
    const editor = vscode.window.visibleTextEditors.find((e) =>
      e.document.uri.path.endsWith('preview.kompass'),
    );
    assert.ok(editor, 'the previewed editor is still open');
    const before = api.previews()[0]!;
    await editor.edit((e) =>
      e.insert(new vscode.Position(editor.document.lineCount, 0), '\narea {{{ "\n'),
    );
    const stale = await waitFor('a stale render', () =>
      api.previews().find((p) => p.stale && p.seq > before.seq),
    );
    assert.equal(stale.html, before.html, 'the last good render stays');
    assert.ok(stale.html.length > 0, 'never blank');
  });
});

suite('preview follows the editor', () => {
  suiteTeardown(closeAll);

  test('an unlocked preview follows the active .kompass editor; a locked one stays', async () => {
    const api = await kompass();
    const a = writeScratch('follow-a.kompass', sampleText('vasteras-2012.kompass'));
    const b = writeScratch('follow-b.kompass', sampleText('exempelby-2014.kompass'));
    await open(a);
    await vscode.commands.executeCommand('kompass.showPreviewToSide');
    await waitFor('the preview of a', () => api.previews().find((p) => p.uri === a.toString()));
    const docB = await vscode.workspace.openTextDocument(b);
    await vscode.window.showTextDocument(docB, vscode.ViewColumn.One);
    await waitFor('the preview to follow to b', () =>
      api.previews().find((p) => p.uri === b.toString() && p.html.includes('Exempelby')),
    );
    await vscode.commands.executeCommand('kompass.preview.toggleLock');
    await waitFor('the lock', () => api.previews().find((p) => p.locked));
    const docA = await vscode.workspace.openTextDocument(a);
    await vscode.window.showTextDocument(docA, vscode.ViewColumn.One);
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(
      api.previews().some((p) => p.locked && p.uri === b.toString()),
      'the locked preview stays on b',
    );
  });
});
