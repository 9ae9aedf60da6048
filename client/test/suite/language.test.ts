import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, kompass, open, sampleText, waitFor, writeScratch } from './helpers';

suite('language server', () => {
  suiteSetup(async () => {
    await (await kompass()).serverReady;
  });
  suiteTeardown(closeAll);

  test('a .kompass file gets the kompass language', async () => {
    const uri = writeScratch('language.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'kompass');
  });

  test('points over the max give a KK010 diagnostic', async () => {
    const text = sampleText('vasteras-2012.kompass');
    // Question 1.1 has max 15 in Kommunkompassen 2.0.
    const over = text.replace(/(question 1\.1 "[^"]*" )\d+(\/15)?/, '$116/15');
    assert.notEqual(over, text, 'the sample has question 1.1');
    const uri = writeScratch('over-max.kompass', over);
    await open(uri);
    const found = await waitFor('a KK010 diagnostic', () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.find((d) => codeOf(d) === 'KK010');
    });
    assert.equal(found.severity, vscode.DiagnosticSeverity.Error);
    const line = (await vscode.workspace.openTextDocument(uri)).lineAt(found.range.start.line).text;
    assert.match(line, /question 1\.1/);
  });

  test('hover on the evaluation name shows the total', async () => {
    const uri = writeScratch('hover.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    const offset = editor.document.getText().indexOf('"Västerås stad"') + 3;
    const position = editor.document.positionAt(offset);
    const text = await waitFor('a hover with the total', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        position,
      );
      const all = hovers.flatMap((h) => h.contents.map(contentText)).join('\n');
      return all.includes('561/800') ? all : undefined;
    });
    assert.ok(text.includes('561/800'));
  });

  test('built-in frameworks open read-only under kompass-builtin:', async () => {
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.parse('kompass-builtin:/kommunkompassen-2.0.kompass'),
    );
    assert.match(doc.getText(), /framework\s+"kommunkompassen-2\.0"/);
  });
});

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function contentText(c: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof c === 'string') return c;
  return 'value' in c ? c.value : '';
}
