import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAll,
  extensionId,
  open,
  raceExportsToOneName,
  sampleText,
  scratchDir,
  waitFor,
  writeScratch,
} from '../suite/helpers';

const codeOf = (d: vscode.Diagnostic) =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

const hoverText = async (uri: vscode.Uri, position: vscode.Position) => {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
};

suite('VS Code for the Web: the extension in the browser worker extension host', () => {
  suiteTeardown(closeAll);

  test('activates in the web worker, not in this Node extension host', async () => {
    // Opening a .kompass file activates it wherever it runs; its commands then exist.
    await open(writeScratch('activate.kompass', sampleText('vasteras-2012.kompass')));
    await waitFor('the Kompass commands', async () =>
      (await vscode.commands.getCommands(true)).includes('kompass.exportReport'),
    );
    // An extension running in another extension host is not visible to this one's API.
    assert.equal(
      vscode.extensions.getExtension(extensionId),
      undefined,
      'Kompass runs in the Node extension host: remote.extensionKind did not move it to the web worker',
    );
  });

  test('publishes diagnostics from the web worker language server', async () => {
    const uri = writeScratch('errors.kompass', sampleText('alla-diagnostiker.kompass'));
    await open(uri);
    const codes = await waitFor('diagnostics with KK codes', () => {
      const list = vscode.languages.getDiagnostics(uri).map(codeOf);
      return list.includes('KK010') && list.includes('KK030') ? new Set(list) : undefined;
    });
    for (const code of ['KK001', 'KK010', 'KK020', 'KK030']) assert.ok(codes.has(code), code);
  });

  test('hovers with the total, the document read through the workspace file system', async () => {
    const uri = writeScratch('hover.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    const position = editor.document.positionAt(
      editor.document.getText().indexOf('evaluation "') + 3,
    );
    const text = await waitFor('a hover with the total', async () => {
      const t = await hoverText(uri, position);
      return /Totalt 561\/800/.test(t) ? t : undefined;
    });
    // The sample shows the published figures only: no invented comparison.
    assert.doesNotMatch(text, /Referensprofil/);
  });

  test('finds a compare target whose file name has #, parentheses and spaces', async () => {
    // In a URI, # and ? would start a fragment or a query: the target must still be the file.
    writeScratch('Exempelby #1 (2010).kompass', sampleText('exempelby-2010.kompass'));
    const text = sampleText('exempelby-2014.kompass').replace(
      'compare "exempelby-2010.kompass"',
      'compare "Exempelby #1 (2010).kompass"',
    );
    assert.match(text, /Exempelby #1/);
    const uri = writeScratch('runda-2014.kompass', text);
    const editor = await open(uri);
    const position = editor.document.positionAt(
      editor.document.getText().indexOf('evaluation "') + 3,
    );
    const hover = await waitFor('a hover comparing with the 2010 round', async () => {
      const t = await hoverText(uri, position);
      return /Compared with|Jämfört med/.test(t) ? t : undefined;
    });
    assert.match(hover, /\d+\/800/);
    const codes = vscode.languages.getDiagnostics(uri).map(codeOf);
    assert.ok(!codes.includes('KK031'), `the target was not found: ${codes.join(', ')}`);
  });

  test('completes and formats through the web worker server', async () => {
    const uri = writeScratch('complete.kompass', sampleText('vasteras-2012.kompass'));
    const editor = await open(uri);
    const position = editor.document.positionAt(
      editor.document.getText().indexOf('framework "') + 11,
    );
    const list = await waitFor('completions', async () => {
      const r = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        position,
      );
      return r.items.length > 0 ? r : undefined;
    });
    assert.ok(
      list.items.some((i) =>
        String(typeof i.label === 'string' ? i.label : i.label.label).includes('kommunkompassen'),
      ),
    );
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    assert.ok(symbols.length > 0);
  });

  test('opens the preview', async () => {
    const uri = writeScratch('preview.kompass', sampleText('vasteras-2012.kompass'));
    await open(uri);
    await vscode.commands.executeCommand('kompass.showPreviewToSide', uri);
    const tab = await waitFor('a Kompass preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            t.input.viewType.includes('kompass.preview'),
        ),
    );
    assert.match(tab.label, /preview\.kompass|Västerås/i);
  });

  const checks: Record<string, (bytes: Buffer) => void> = {
    html: (b) => {
      const html = b.toString('utf8');
      assert.match(html, /<html[\s\S]*Västerås stad[\s\S]*<\/html>/);
      // The sample shows the published figures only: no invented comparison.
      assert.doesNotMatch(html, /Referensprofil/);
    },
    pdf: (b) => assert.equal(b.subarray(0, 5).toString('latin1'), '%PDF-'),
    docx: (b) => {
      // A zip whose main part names the municipality.
      assert.equal(b.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(b.includes('word/document.xml'));
    },
    md: (b) => assert.match(b.toString('utf8'), /^#.*Västerås stad/m),
    json: (b) =>
      assert.ok(JSON.stringify(JSON.parse(b.toString('utf8'))).includes('Västerås stad')),
    csv: (b) => assert.ok(b.toString('utf8').split(/\r?\n/).length > 40, 'a row per question'),
  };
  test('of exports racing to one new name, one writes and the others are refused: nothing overwritten', async () => {
    await raceExportsToOneName('web-race', 3, (source, target) =>
      vscode.commands.executeCommand('kompass.exportReport', { source, target, format: 'md' }),
    );
  });

  for (const [format, check] of Object.entries(checks)) {
    test(`exports ${format} through vscode.workspace.fs`, async () => {
      const source = writeScratch(`export-${format}.kompass`, sampleText('vasteras-2012.kompass'));
      const target = vscode.Uri.file(path.join(scratchDir(), `web-report.${format}`));
      await vscode.commands.executeCommand('kompass.exportReport', { source, target, format });
      const bytes = fs.readFileSync(target.fsPath);
      check(bytes);
      const leftovers = fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.kompass-tmp-'));
      assert.deepEqual(leftovers, [], 'no temporary file is left behind');
    });
  }
});
