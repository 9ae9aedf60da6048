import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { TestClient, uriOf } from './client';

const requests: [string, (uri: string) => unknown][] = [
  [
    'textDocument/hover',
    (uri) => ({ textDocument: { uri }, position: { line: 999, character: 999 } }),
  ],
  [
    'textDocument/completion',
    (uri) => ({ textDocument: { uri }, position: { line: -5, character: 1e9 } }),
  ],
  [
    'textDocument/definition',
    (uri) => ({ textDocument: { uri }, position: { line: 3, character: 2 } }),
  ],
  ['textDocument/documentSymbol', (uri) => ({ textDocument: { uri } })],
  ['textDocument/foldingRange', (uri) => ({ textDocument: { uri } })],
  ['textDocument/semanticTokens/full', (uri) => ({ textDocument: { uri } })],
  [
    'textDocument/formatting',
    (uri) => ({ textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
  ],
  [
    'textDocument/inlayHint',
    (uri) => ({
      textDocument: { uri },
      range: { start: { line: 50, character: 0 }, end: { line: 0, character: 0 } },
    }),
  ],
  [
    'textDocument/codeAction',
    (uri) => ({
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
      context: { diagnostics: [] },
    }),
  ],
  ['kompass/analysis', (uri) => ({ uri })],
];

const awkward = [
  '',
  '}}}{{{',
  'evaluation',
  'evaluation "',
  'evaluation "A" { area',
  'evaluation "A" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.\n',
  'framework "f" { area 1 { question 1.1 max } }',
  '"""\n\n',
  '/* open comment',
  '\uFEFFevaluation "🧭" {\r\n  area 1 score -3\r\n  total 1e9\r\n}',
];

describe('server: robustness over stdio', function () {
  this.timeout(20_000);
  let client: TestClient;

  before(async () => {
    await buildServer();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('answers every request on awkward documents and out-of-range positions', async () => {
    for (const [i, text] of awkward.entries()) {
      const uri = uriOf(join(root, 'samples', `tmp-awkward-${i}.kompass`));
      await client.open(uri, text);
      for (const [method, params] of requests) {
        await client.request(method, params(uri));
      }
      await client.waitForDiagnostics(uri);
    }
    assert.deepEqual(
      client.logs.filter((l) => l.includes('failed')),
      [],
      'no feature threw on an awkward document',
    );
  });

  it('answers empty for documents it does not know', async () => {
    const uri = 'file:///nowhere/unknown.kompass';
    assert.equal(
      await client.request<Hover | null>('textDocument/hover', requests[0]![1](uri)),
      null,
    );
    assert.deepEqual(await client.request('textDocument/completion', requests[1]![1](uri)), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', requests[3]![1](uri)), []);
    assert.equal(await client.request('kompass/analysis', { uri }), null);
    assert.equal(
      await client.request('kompass/builtinSource', { uri: 'kompass-builtin:/nope' }),
      null,
    );
    assert.equal(await client.request('kompass/builtinSource', {}), null);
  });

  it('keeps answering while edits stream in, and reflects the last one', async () => {
    const uri = uriOf(join(root, 'samples', 'tmp-streaming.kompass'));
    await client.open(
      uri,
      'evaluation "S" {\n  framework "kommunkompassen-2.0"\n  area 1 score 1\n}\n',
    );
    const pending: Promise<unknown>[] = [];
    let version = 1;
    for (let i = 2; i <= 40; i++) {
      version = await client.change(uri, [
        {
          range: { start: { line: 2, character: 15 }, end: { line: 2, character: 30 } },
          text: String(i),
        },
      ]);
      pending.push(
        client.request('textDocument/hover', {
          textDocument: { uri },
          position: { line: 2, character: 3 },
        }),
      );
      pending.push(
        client.request('textDocument/inlayHint', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
        }),
      );
    }
    const answers = await Promise.all(pending);
    assert.equal(answers.length, 78);
    const last = answers.at(-1) as InlayHint[];
    assert.ok(
      last.some((h) => h.label === '/100 · 40\u00a0%'),
      JSON.stringify(last),
    );
    const diags = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(diags.some((d) => d.code === 'KK016'));
  });

  it('rejects unknown methods without dying, then still answers', async () => {
    await assert.rejects(client.request('kompass/noSuchThing', {}));
    const summary = await client.request<{ evaluations: unknown[] } | null>('kompass/analysis', {
      uri: uriOf(join(root, 'samples', 'tmp-streaming.kompass')),
    });
    assert.equal(summary?.evaluations.length, 1);
    assert.equal(client.process.exitCode, null);
  });
});

describe('server: settings, trust and the bin', function () {
  this.timeout(20_000);
  let dir: string;

  before(async () => {
    await buildServer();
    dir = mkdtempSync(join(tmpdir(), 'kompass-server-'));
    writeFileSync(
      join(dir, 'a.kompass'),
      'evaluation "A" {\n  framework "kommunkompassen-2.0"\n  compare "../outside.kompass"\n  area 1 score 5\n}\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives no inlay hints when kompass.inlayHints.enabled is false', async () => {
    const client = await TestClient.start({
      folder: dir,
      settings: { inlayHints: { enabled: false } },
    });
    try {
      const uri = uriOf(join(dir, 'a.kompass'));
      await client.open(uri, 'evaluation "A" {\n  area 1 score 5\n}\n');
      await client.waitForDiagnostics(uri);
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      });
      assert.deepEqual(hints, []);
    } finally {
      await client.stop();
    }
  });

  it('does not read compare targets outside an untrusted workspace', async () => {
    const client = await TestClient.start({ folder: dir, trusted: false });
    try {
      const uri = uriOf(join(dir, 'a.kompass'));
      await client.open(
        uri,
        'evaluation "A" {\n  framework "kommunkompassen-2.0"\n  compare "../../etc/hostname"\n  area 1 score 5\n}\n',
      );
      const diags = await client.waitForDiagnostics(uri, (p) =>
        p.diagnostics.some((d) => d.code === 'KK031'),
      );
      const kk031 = diags.find((d) => d.code === 'KK031')!;
      assert.match(String(kk031.message), /utanför arbetsytan/);
    } finally {
      await client.stop();
    }
  });

  it('re-checks compare targets and frameworks when watched files change', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(join(dir, 'c.kompass'));
      await client.open(
        uri,
        'evaluation "C" {\n  framework "ny"\n  compare "d.kompass"\n  area 1 score 5\n}\n',
      );
      const before = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(before.map((d) => d.code).sort(), ['KK030', 'KK031']);
      writeFileSync(
        join(dir, 'd.kompass'),
        'evaluation "D" {\n  framework "ny"\n  area 1 score 4\n}\n',
      );
      writeFileSync(join(dir, 'ny.kompass'), 'framework "ny" {\n  area 1 "Ett" max 10\n}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uriOf(join(dir, 'd.kompass')), type: 1 },
          { uri: uriOf(join(dir, 'ny.kompass')), type: 1 },
        ],
      });
      const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.deepEqual(after, []);
      rmSync(join(dir, 'ny.kompass'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uriOf(join(dir, 'ny.kompass')), type: 3 }],
      });
      const gone = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(gone.some((d) => d.code === 'KK030'));
    } finally {
      await client.stop();
    }
  });

  it('starts from bin/kompass-language-server.js over stdio without a flag', async () => {
    const client = await TestClient.start({ folder: dir, viaBin: true, args: [] });
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'kompass-language-server');
      const uri = uriOf(join(dir, 'b.kompass'));
      await client.open(
        uri,
        'evaluation "B" {\n  framework "kommunkompassen-2.0"\n  area 1 score 500\n}\n',
      );
      const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(diags.some((d) => d.code === 'KK022'));
    } finally {
      await client.stop();
    }
  });
});
