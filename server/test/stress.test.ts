import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { TestClient, uriOf } from './client';

describe('server: stress and malformed input over stdio', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    await buildServer();
    client = await TestClient.start({
      settings: { diagnostics: { debounceMs: 20 }, maxFileSize: 200_000 },
    });
  });
  after(async () => {
    await client?.stop();
  });

  it('takes 1,000 edits in about a second and ends on the diagnostics of the last one', async () => {
    const uri = uriOf(join(root, 'samples', 'tmp-stress.kompass'));
    const head =
      'evaluation "S" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 ';
    await client.open(uri, `${head}0/15\n  }\n}\n`);
    const started = Date.now();
    let version = 1;
    for (let i = 1; i <= 1000; i++) {
      // Alternates between points over and under the max, ending over it (1000 → 16).
      const points = i === 1000 ? 16 : i % 16;
      version = await client.change(uri, [
        {
          range: { start: { line: 3, character: 17 }, end: { line: 3, character: 30 } },
          text: `${points}/15`,
        },
      ]);
    }
    const elapsed = Date.now() - started;
    const last = await client.waitForDiagnostics(uri, (p) => p.version === version, 20_000);
    const overMax = last.filter((d) => d.code === 'KK010');
    assert.equal(overMax.length, 1, JSON.stringify(last));
    assert.deepEqual(overMax[0]!.range.start, { line: 3, character: 17 });
    const published = client.diagnostics.get(uri)!.map((p) => p.version ?? 0);
    assert.deepEqual(
      published,
      [...published].sort((a, b) => a - b),
      'never an older version after a newer one',
    );
    assert.ok(
      published.length < 200,
      `debounced: ${published.length} publications for 1,000 edits`,
    );
    assert.ok(elapsed < 30_000, `sending took ${elapsed} ms`);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 14 },
    });
    assert.match(JSON.stringify(hover), /16\/15/);
  });

  it('answers malformed requests with an error or empty, and keeps serving', async () => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: 'x' }],
      ['textDocument/completion', { textDocument: null, position: { line: 'a', character: null } }],
      ['textDocument/documentSymbol', null],
      [
        'textDocument/codeAction',
        { textDocument: { uri: 'file:///nope' }, range: null, context: null },
      ],
      ['textDocument/formatting', { textDocument: { uri: '::not a uri::' } }],
      ['kompass/analysis', 'just a string'],
    ];
    for (const [method, params] of bad) {
      await client.request(method, params).catch((e: Error) => e);
    }
    await client.connection.sendNotification('textDocument/didChange', { textDocument: null });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 7 } });
    assert.equal(client.process.exitCode, null, 'the server is still running');
    const uri = uriOf(join(root, 'samples', 'tmp-after-malformed.kompass'));
    await client.open(
      uri,
      'evaluation "A" {\n  framework "kommunkompassen-2.0"\n  area 1 score 120\n}\n',
    );
    const diags = await client.waitForDiagnostics(uri, () => true);
    assert.ok(diags.some((d) => d.code === 'KK022'));
  });

  it('says so with KK050 instead of checking a file past kompass.maxFileSize', async () => {
    const uri = uriOf(join(root, 'samples', 'tmp-huge.kompass'));
    const areas = Array.from({ length: 20_000 }, (_, i) => `  area ${(i % 8) + 1} score 999`).join(
      '\n',
    );
    await client.open(uri, `evaluation "Stor" {\n  framework "kommunkompassen-2.0"\n${areas}\n}\n`);
    const diags = await client.waitForDiagnostics(uri, () => true, 20_000);
    assert.deepEqual(
      diags.map((d) => d.code),
      ['KK050'],
    );
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(symbols, []);
  });
});
