import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, kompass, scratchDir, waitFor } from './helpers';

/** A summary-only Kommunkompassen 2.0 evaluation with eight area scores. */
function evaluation(name: string, date: string, scores: number[]): string {
  const areas = scores.map((s, i) => `  area ${i + 1} score ${s}`).join('\n');
  return `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n  date ${date}\n${areas}\n}\n`;
}

suite('comparison', () => {
  suiteTeardown(closeAll);

  test('opens from an Explorer selection of two rounds beside the editor and shows the change', async () => {
    const api = await kompass();
    const dir = path.join(scratchDir(), 'rounds');
    fs.mkdirSync(dir, { recursive: true });
    const first = vscode.Uri.file(path.join(dir, 'tallby-2012.kompass'));
    const second = vscode.Uri.file(path.join(dir, 'tallby-2016.kompass'));
    fs.writeFileSync(
      first.fsPath,
      evaluation('Tallby', '2012-03-01', [50, 60, 72, 60, 61, 58, 64, 66]),
    );
    fs.writeFileSync(
      second.fsPath,
      evaluation('Tallby kommun', '2016-04-12', [60, 62, 70, 64, 66, 60, 65, 70]),
    );

    // What the Explorer passes for a multi-selection: the clicked item, then every selected one.
    await vscode.commands.executeCommand('kompass.compare', second, [first, second]);
    const tab = await waitFor('the comparison tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            t.input.viewType.includes('kompass.compare'),
        ),
    );
    assert.ok(tab);
    const drawn = await waitFor('the webview to draw the two rounds', () => {
      const s = api.comparison();
      return s && s.rows === 2 && s.drawnSeq >= s.seq && s.changes.length === 2 ? s : undefined;
    });
    assert.deepEqual(drawn.changes, ['', '+26'], 'the later round shows its change in the table');
    assert.equal(drawn.radar.length, 3, 'the two rounds and the average on the radar');
    assert.ok(drawn.drawMs < 500, `first render took ${drawn.drawMs} ms`);

    // A file of the set is edited: the panel draws the new change by itself, after the debounce.
    const doc = await vscode.workspace.openTextDocument(second);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('area 1 score 60') + 'area 1 score '.length;
    edit.replace(second, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), '40');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await waitFor('the update after the edit', () => {
      const s = api.comparison();
      return s && s.drawnSeq > drawn.drawnSeq && s.changes[1] === '+6' ? s : undefined;
    });
    assert.equal(updated.rows, 2);
  });

  test('compares a folder, and a third municipality comes in when its file is created', async () => {
    const api = await kompass();
    const dir = path.join(scratchDir(), 'rounds');
    await vscode.commands.executeCommand('kompass.compare', vscode.Uri.file(dir), [
      vscode.Uri.file(dir),
    ]);
    const before = await waitFor('the folder comparison', () => {
      const s = api.comparison();
      return s && s.rows === 2 && s.drawnSeq >= s.seq ? s : undefined;
    });
    fs.writeFileSync(
      path.join(dir, 'alby.kompass'),
      evaluation('Alby stad', '2014-01-01', [1, 2, 3, 4, 5, 6, 7, 8]),
    );
    const after = await waitFor(
      'the new file in the comparison',
      () => {
        const s = api.comparison();
        return s && s.rows === 3 && s.drawnSeq >= s.seq && s.drawnSeq > before.drawnSeq
          ? s
          : undefined;
      },
      30_000,
    ).catch((err: unknown) => {
      // Say what the panel showed, so a timeout tells a missed event from an undrawn page.
      throw new Error(`${String(err)}; last: ${JSON.stringify(api.comparison())}`);
    });
    assert.deepEqual(after.changes, ['', '', '+6'], 'Alby sorts first, Tallby keeps its change');
  });
});
