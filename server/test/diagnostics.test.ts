import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { TestClient, uriOf } from './client';

const samples = join(root, 'samples');
const sample = (name: string) => readFileSync(join(samples, name), 'utf8');

describe('server: diagnostics over stdio', function () {
  this.timeout(20_000);
  let client: TestClient;

  before(async () => {
    await buildServer();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('publishes every code of alla-diagnostiker.kompass with its range', async () => {
    const uri = uriOf(join(samples, 'alla-diagnostiker.kompass'));
    const text = sample('alla-diagnostiker.kompass');
    await client.open(uri, text);
    const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const codes = new Set(diags.map((d) => d.code));
    for (const code of ['KK001', 'KK010', 'KK011', 'KK012', 'KK013', 'KK014', 'KK015', 'KK016']) {
      assert.ok(codes.has(code), `missing ${code}`);
    }
    for (const code of ['KK020', 'KK021', 'KK022', 'KK030', 'KK031', 'KK040', 'KK041']) {
      assert.ok(codes.has(code), `missing ${code}`);
    }
    const over = diags.find((d) => d.code === 'KK010')!;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('16/15'));
    assert.equal(over.range.start.line, line);
    assert.equal(over.range.start.character, lines[line]!.indexOf('16/15'));
    assert.equal(over.range.end.character, lines[line]!.indexOf('16/15') + 2);
    assert.equal(over.severity, 1);
    assert.equal(over.source, 'kompass');
  });

  it('points related information at the built-in framework definition', async () => {
    const uri = uriOf(join(samples, 'alla-diagnostiker.kompass'));
    const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const mismatch = diags.find((d) => d.code === 'KK011')!;
    const related = mismatch.relatedInformation?.[0];
    assert.ok(related, 'KK011 has related information');
    assert.equal(related.location.uri, 'kompass-builtin:/kommunkompassen-2.0.kompass');
    const source = await client.request<string>('kompass/builtinSource', {
      uri: related.location.uri,
    });
    const line = source.split(/\r?\n/)[related.location.range.start.line]!;
    assert.match(line, /question 1\.2\b/);
    assert.equal(
      line.slice(related.location.range.start.character, related.location.range.end.character),
      '1.2',
    );
  });

  it('publishes no diagnostics for the real Västerås evaluation', async () => {
    const uri = uriOf(join(samples, 'vasteras-2012.kompass'));
    await client.open(uri, sample('vasteras-2012.kompass'));
    const diags = await client.waitForDiagnostics(uri);
    assert.deepEqual(diags, []);
  });

  it('knows frameworks defined in workspace files loaded at start', async () => {
    const uri = uriOf(join(samples, 'egen-utvardering.kompass'));
    await client.open(uri, sample('egen-utvardering.kompass'));
    const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 8000);
    assert.deepEqual(diags, []);
  });

  it('re-checks an evaluation when the framework it uses changes in another document', async () => {
    const evalUri = uriOf(join(samples, 'egen-utvardering.kompass'));
    const fwUri = uriOf(join(samples, 'egen-ramverk.kompass'));
    const fwText = sample('egen-ramverk.kompass');
    await client.waitForDiagnostics(evalUri, (p) => p.diagnostics.length === 0, 8000);
    await client.open(fwUri, fwText);
    // Lower the max of question 1.2 so the evaluation's 16 points are over it.
    const lines = fwText.split('\n');
    const line = lines.findIndex((l) => /question 1\.2 .* max \d+/.test(l));
    assert.ok(line >= 0, 'framework question 1.2 found');
    const m = /max (\d+)/.exec(lines[line]!)!;
    const character = m.index + 4;
    await client.change(fwUri, [
      {
        range: {
          start: { line, character },
          end: { line, character: character + m[1]!.length },
        },
        text: '5',
      },
    ]);
    const diags = await client.waitForDiagnostics(evalUri, (p) =>
      p.diagnostics.some((d) => d.code === 'KK010'),
    );
    assert.ok(diags.some((d) => d.code === 'KK010'));
    await client.close(fwUri);
    const after = await client.waitForDiagnostics(evalUri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(after, []);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf(join(samples, 'tmp-close.kompass'));
    await client.open(uri, 'evaluation "X" {\n  area 1 score 5\n}\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(diags, []);
  });

  it('ends a rapid series of edits with the diagnostics of the last version', async () => {
    const uri = uriOf(join(samples, 'tmp-rapid.kompass'));
    const base =
      'evaluation "Snabb" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 ';
    await client.open(uri, `${base}1\n  }\n}\n`);
    await client.waitForDiagnostics(uri);
    const prefixLine = 3;
    const col = '    question 1.1 '.length;
    let version = 1;
    // Type 16, clear, 99, then settle on 12: over max only while 16 or 99 stand.
    for (const points of ['16', '', '9', '99', '1', '12']) {
      version = await client.change(uri, [
        {
          range: {
            start: { line: prefixLine, character: col },
            end: { line: prefixLine, character: 200 },
          },
          text: points,
        },
      ]);
    }
    const diags = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(diags.filter((d: Diagnostic) => d.code === 'KK010').length, 0);
    assert.ok(
      diags.some((d) => d.code === 'KK015'),
      'questions 1.2–1.5 still missing',
    );
    await new Promise((r) => setTimeout(r, 100));
    const all = client.diagnostics.get(uri)!;
    const versions = all.map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'never an older version after a newer',
    );
    assert.equal(all.at(-1)!.version, version);
    assert.ok(all.length < 7, `debounced: ${all.length} publications for 7 versions`);
  });

  it('counts ranges in UTF-16 with å, ä, ö, emoji and CRLF', async () => {
    const uri = uriOf(join(samples, 'tmp-utf16.kompass'));
    const text = [
      'evaluation "Åmål 🧭 kommun" {',
      '  framework "kommunkompassen-2.0"',
      '  area 1 "Öppenhet 🎉 och ärlighet" {',
      '    question 1.1 "Är 🧭 planen klar?" 16/15',
      '  }',
      '}',
      '',
    ].join('\r\n');
    await client.open(uri, text);
    const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const over = diags.find((d) => d.code === 'KK010')!;
    const line = '    question 1.1 "Är 🧭 planen klar?" 16/15';
    assert.deepEqual(over.range.start, { line: 3, character: line.indexOf('16/') });
    assert.deepEqual(over.range.end, { line: 3, character: line.indexOf('16/') + 2 });
  });
});
