import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type {
  CodeAction,
  CompletionItem,
  InlayHint,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { TestClient, uriOf } from './client';
import { applyEdits } from './edits';

let n = 0;
const tmpUri = () => uriOf(join(root, 'samples', `tmp-editor-${++n}.kompass`));

const fiveOverMax = `evaluation "E" {
  framework "kommunkompassen-2.0"
  area 1 {
    question 1.1 16/15
    question 1.2 21/20
    question 1.3 26/25
    question 1.4 31/30
    question 1.5 11/10
  }
}
`;

describe('server: fix-all, inlay hints and formatting options', function () {
  this.timeout(20_000);
  let client: TestClient;

  before(async () => {
    await buildServer();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('announces source.fixAll.kompass', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider as {
      codeActionKinds: string[];
    };
    assert.ok(provider.codeActionKinds.includes('source.fixAll.kompass'));
  });

  it('fixes five over-max points in one source action, only when asked for', async () => {
    const uri = tmpUri();
    await client.open(uri, fiveOverMax);
    const diags = await client.waitForDiagnostics(
      uri,
      (p) => p.diagnostics.filter((d) => d.code === 'KK010').length === 5,
    );
    const whole = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const ask = (only?: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: whole,
        context: { diagnostics: [], ...(only ? { only } : {}) },
      });
    const [fixAll] = await ask(['source.fixAll']);
    assert.equal(fixAll?.kind, 'source.fixAll.kompass');
    const fixed = applyEdits(fiveOverMax, fixAll!.edit!.changes![uri]!);
    for (const q of ['1.1 15/15', '1.2 20/20', '1.3 25/25', '1.4 30/30', '1.5 10/10'])
      assert.ok(fixed.includes(`question ${q}\n`), q);
    assert.equal(fixAll!.diagnostics?.length, 5);
    assert.ok(!(await ask(['quickfix'])).some((a) => a.kind === 'source.fixAll.kompass'));
    assert.ok(!(await ask()).some((a) => a.kind === 'source.fixAll.kompass'), 'not unasked');

    // On one of them, a quick fix for all of its kind.
    const first = diags.find((d) => d.code === 'KK010')!;
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    });
    const ofKind = quick.find((a) => /KK010 \(5\)/.test(a.title));
    assert.ok(ofKind, quick.map((a) => a.title).join(', '));
    assert.equal(applyEdits(fiveOverMax, ofKind.edit!.changes![uri]!), fixed);
  });

  it('does not repeat a score written on the area line in its inlay hint', async () => {
    const uri = tmpUri();
    const text = `evaluation "E" {
  framework "kommunkompassen-2.0"
  area 1 "Offentlighet och demokrati" score 58
  area 2 {
    score 69
  }
}
`;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    });
    const onLine = (line: number) => hints.find((h) => h.position.line === line)?.label;
    assert.equal(onLine(2), '/100 · 58\u00a0%');
    assert.equal(onLine(3), '69/100 · 69\u00a0%');
  });

  it('offers a missing question as a whole line on an empty line of an area, snippets in context', async () => {
    const uri = tmpUri();
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 14/15\n    \n  }\n}\n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 4 },
    });
    const q = items.find((i) => i.label.startsWith('question 1.2 '));
    assert.ok(q, items.map((i) => i.label).join(', '));
    assert.equal(q.insertTextFormat, 2, 'a snippet');
    assert.match((q.textEdit as TextEdit).newText, /^question 1\.2 "[^"]+" \$\{1\}\/20$/);
    const snippets = items.filter((i) => i.kind === 15).map((i) => i.label);
    assert.deepEqual(snippets, ['question { … }', 'section { … }']);
  });

  it("formats with the editor's tab size and spaces", async () => {
    const uri = tmpUri();
    const text = 'evaluation "E" {\n  round 3\n  area 1 {\n    score 5\n  }\n}\n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const format = (options: { tabSize: number; insertSpaces: boolean }) =>
      client
        .request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })
        .then((edits) => applyEdits(text, edits));
    assert.equal(
      await format({ tabSize: 4, insertSpaces: true }),
      'evaluation "E" {\n    round 3\n    area 1 {\n        score 5\n    }\n}\n',
    );
    assert.equal(
      await format({ tabSize: 4, insertSpaces: false }),
      'evaluation "E" {\n\tround 3\n\tarea 1 {\n\t\tscore 5\n\t}\n}\n',
    );
  });
  it('rewrites typographic quotes when formatting only with kompass.format.straightQuotes', async () => {
    const text = 'utvärdering ”Västerås” {\n  utvärderare «A», „B“\n  område 1 poäng 5\n}\n';
    const formatWith = async (c: TestClient) => {
      const uri = tmpUri();
      await c.open(uri, text);
      await c.waitForDiagnostics(uri);
      const edits = await c.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
      return applyEdits(text, edits);
    };
    assert.equal(await formatWith(client), text, 'kept when not asked');
    const asking = await TestClient.start({ settings: { format: { straightQuotes: true } } });
    try {
      assert.equal(
        await formatWith(asking),
        'utvärdering "Västerås" {\n  utvärderare "A", "B"\n  område 1 poäng 5\n}\n',
      );
    } finally {
      await asking.stop();
    }
  });
});
