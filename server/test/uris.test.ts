import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { TestClient } from './client';

/** A file URI as VS Code writes it: every character but A–Z a–z 0–9 - . _ ~ escaped. */
function editorUri(path: string): string {
  const escapeSegment = (s: string) =>
    encodeURIComponent(s).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  return `file://${path.split('/').map(escapeSegment).join('/')}`;
}

describe('server: a file name with parentheses is one document, on disk and in the editor', function () {
  this.timeout(30_000);
  let client: TestClient;
  let folder: string;

  before(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'kompass-uris-'));
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a comparison uses the unsaved text of its open target, and follows its edits', async () => {
    const first = readFileSync(join(root, 'samples/exempelby-2010.kompass'), 'utf8');
    const second = readFileSync(join(root, 'samples/exempelby-2014.kompass'), 'utf8').replace(
      'compare "exempelby-2010.kompass"',
      'compare "Exempelby (2010), runda 1.kompass"',
    );
    const targetPath = join(folder, 'Exempelby (2010), runda 1.kompass');
    writeFileSync(targetPath, first);
    writeFileSync(join(folder, 'runda-2.kompass'), second);
    // The workspace scan finds the target on disk before the editor opens it.
    client = await TestClient.start({ folder });
    const target = editorUri(targetPath);
    const comparer = editorUri(join(folder, 'runda-2.kompass'));
    // Unsaved in the editor: area 1 scores 51, not the 52 on disk, so the total is 447, not 448.
    assert.match(first, /area 1 score 52\n/);
    const edited = first.replace('area 1 score 52\n', 'area 1 score 51\n');
    await client.open(target, edited);
    await client.open(comparer, second);
    await client.waitForDiagnostics(comparer);
    const at = second.indexOf('evaluation "') + 3;
    const lines = second.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const comparedTotal = async () => {
      const h = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: comparer },
        position,
      });
      const text = (h?.contents as { value: string } | undefined)?.value ?? '';
      const part = text.split(/Compared with|Jämfört med/)[1] ?? '';
      return /(\d+)\/800/.exec(part)?.[1];
    };
    assert.equal(await comparedTotal(), '447', 'the open, unsaved target is the one compared');
    await client.change(target, [
      { text: first.replace('area 1 score 52\n', 'area 1 score 40\n') },
    ]);
    const deadline = Date.now() + 10_000;
    let now = await comparedTotal();
    while (now !== '436' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      now = await comparedTotal();
    }
    assert.equal(now, '436', 'an edit of the target reaches the comparison');
  });
});
