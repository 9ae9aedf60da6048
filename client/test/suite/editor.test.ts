import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportedViewType, openExported } from '../../src/export';
import { closeAll, kompass, open, sampleText, scratchDir, waitFor, writeScratch } from './helpers';

const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

suite('editor: status bar and defaults', () => {
  suiteTeardown(closeAll);

  test('the status bar shows the total and the error count of the active evaluation', async () => {
    const api = await kompass();
    const uri = writeScratch('status.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    const shown = await waitFor('the status bar total', () => {
      const s = api.statusBar();
      return s.visible && s.text.includes('561/800') ? s : undefined;
    });
    assert.match(shown.text, /561\/800 · 70\u00a0%/);
    assert.match(shown.text, /\$\(error\) 0$/);
    // An over-max question is an error: the count follows the document.
    await editor.edit((e) => {
      const text = editor.document.getText();
      const at = text.indexOf('question 1.1 ');
      const line = editor.document.lineAt(editor.document.positionAt(at).line);
      e.replace(line.range, line.text.replace(/\d+\/15/, '99/15'));
    });
    await waitFor('an error in the status bar', () =>
      /\$\(error\) [1-9]/.test(api.statusBar().text) ? true : undefined,
    );
    await vscode.commands.executeCommand('undo');
  });

  test('word-based suggestions and ambiguous-character highlighting are off for .kompass', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'kompass' });
    assert.equal(editor.get('wordBasedSuggestions'), 'off');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    assert.notEqual(plain.get('wordBasedSuggestions'), 'off', 'other languages keep theirs');
  });
});

suite('editor: the preview stays on evaluations', () => {
  suiteTeardown(closeAll);

  test('Go to Definition into the built-in framework leaves the preview on the evaluation', async () => {
    const api = await kompass();
    await api.serverReady;
    const uri = writeScratch('definition.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    await vscode.commands.executeCommand('kompass.showPreviewToSide');
    const first = await waitFor('the preview', () =>
      api.previews().find((p) => p.uri === uri.toString() && p.html.includes('Västerås stad')),
    );
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('kommunkompassen-2.0') + 3);
    const locations = await waitFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        at,
      );
      return found.length > 0 ? found : undefined;
    });
    const target = 'targetUri' in locations[0]! ? locations[0].targetUri : locations[0]!.uri;
    assert.equal(target.scheme, 'kompass-builtin');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), {
      viewColumn: vscode.ViewColumn.One,
    });
    await new Promise((r) => setTimeout(r, 800));
    const now = api.previews();
    assert.equal(now.length, 1);
    assert.equal(now[0]!.uri, uri.toString(), 'the preview stays on the evaluation');
    assert.equal(now[0]!.html, first.html);
    assert.doesNotMatch(now[0]!.html, /ENOPRO/);
    const tab = tabs().find(
      (t) =>
        t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kompass.preview'),
    );
    assert.ok(
      tab?.label.includes('definition.kompass'),
      `the preview keeps its title: ${tab?.label}`,
    );
  });
});

suite('editor: export', () => {
  suiteTeardown(closeAll);

  test('Open shows HTML in a panel, text in an editor, PDF in the Explorer in a remote window', async () => {
    const api = await kompass();
    const source = writeScratch('open.kompass', sampleText('vasteras-2012.kompass'));
    const html = vscode.Uri.file(path.join(scratchDir(), 'open.html'));
    const csv = vscode.Uri.file(path.join(scratchDir(), 'open.csv'));
    await api.exportReport({ source, target: html, format: 'html', overwrite: true });
    await api.exportReport({ source, target: csv, format: 'csv', overwrite: true });
    assert.equal(await openExported(html, 'html', false), 'webview');
    await waitFor('the exported HTML panel', () =>
      tabs().find(
        (t) =>
          t.input instanceof vscode.TabInputWebview &&
          t.input.viewType.includes(exportedViewType) &&
          t.label === 'open.html',
      ),
    );
    assert.equal(await openExported(csv, 'csv', false), 'editor');
    await waitFor('the CSV in an editor', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === csv.fsPath ? true : undefined,
    );
    const pdf = vscode.Uri.file(path.join(scratchDir(), 'open.pdf'));
    fs.writeFileSync(pdf.fsPath, '%PDF-1.4\n');
    assert.equal(await openExported(pdf, 'pdf', false), 'explorer');
  });
});
