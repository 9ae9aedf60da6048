import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  SemanticTokens,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { buildServer, root } from './build';
import { cursor, TestClient, uriOf } from './client';
import { applyEdits } from './edits';

const samples = join(root, 'samples');
const vasteras = readFileSync(join(samples, 'vasteras-2012.kompass'), 'utf8');
const vasterasUri = uriOf(join(samples, 'vasteras-2012.kompass'));
const exempelby = readFileSync(join(samples, 'exempelby-2014.kompass'), 'utf8');
const exempelbyUri = uriOf(join(samples, 'exempelby-2014.kompass'));
let n = 0;
const tmpUri = () => uriOf(join(samples, `tmp-feature-${++n}.kompass`));

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const markdown = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? '';

describe('server: features over stdio', function () {
  this.timeout(20_000);
  let client: TestClient;

  before(async () => {
    await buildServer();
    client = await TestClient.start();
    await client.open(vasterasUri, vasteras);
    await client.open(exempelbyUri, exempelby);
    await client.waitForDiagnostics(vasterasUri);
  });
  after(async () => {
    await client?.stop();
  });

  async function openMarked(marked: string) {
    const { text, position } = cursor(marked);
    const uri = tmpUri();
    await client.open(uri, text);
    return { uri, text, position };
  }

  const hoverAt = (uri: string, position: { line: number; character: number }) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  it('announces its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
    assert.ok(caps.hoverProvider && caps.completionProvider && caps.inlayHintProvider);
    assert.ok(caps.documentFormattingProvider && caps.semanticTokensProvider);
  });

  it('hovers the evaluation name with total, area table and comparison', async () => {
    const h = await hoverAt(vasterasUri, positionOf(vasteras, '"Västerås stad" {', 3));
    const md = markdown(h);
    assert.match(md, /561\/800 \(70\u00a0%\)/);
    assert.match(md, /\| 1 Offentlighet och demokrati \| 58\/100 \| 58\u00a0% \|$/m);
    assert.equal(md.split('\n').filter((l) => /^\| [1-8] /.test(l)).length, 8);
    // The sample shows the published figures only: no invented comparison.
    assert.doesNotMatch(md, /Jämfört med/);
  });

  it('hovers a comparison labelled by the round it is: same name, its year', async () => {
    const h = await hoverAt(exempelbyUri, positionOf(exempelby, '"Exempelby kommun" {', 3));
    const md = markdown(h);
    assert.match(md, /\| Δ Exempelby kommun 2010 \|/);
    assert.match(md, /- Exempelby kommun 2010: 448\/800 \(56%\), difference \+58/);
  });

  it('hovers an area with its score, questions and delta', async () => {
    const md = markdown(await hoverAt(vasterasUri, positionOf(vasteras, 'area 2 ', 5)));
    assert.match(md, /\*\*Område 2 · Tillgänglighet och brukarorientering\*\*/);
    assert.match(md, /69\/100 poäng \(69\u00a0%\)/);
    assert.match(
      md,
      /\| 2\.2 Hur arbetar kommunen med tillgänglighet och bemötande\? \| 14\/25 \| 56\u00a0% \|/,
    );
  });

  it('hovers a question with the framework title, points and percent', async () => {
    const h = await hoverAt(vasterasUri, positionOf(vasteras, 'question 1.1', 10));
    const md = markdown(h);
    assert.match(md, /\*\*Fråga 1\.1\*\* · Finns en plan\/strategi för demokratiutveckling/);
    assert.match(md, /14\/15 poäng \(93\u00a0%\)/);
    assert.equal(h!.range!.start.line, positionOf(vasteras, 'question 1.1').line);
  });

  it('hovers a question with the delta to an earlier round', async () => {
    const earlier = tmpUri();
    await client.open(
      earlier,
      'evaluation "Förra" {\n  framework "kommunkompassen-2.0"\n  date 2009-05-01\n  area 1 {\n    question 1.1 10\n  }\n}\n',
    );
    const name = earlier.slice(earlier.lastIndexOf('/') + 1);
    const { uri, position } = await openMarked(
      `evaluation "Nu" {\n  framework "kommunkompassen-2.0"\n  compare "${name}"\n  area 1 {\n    question 1.<|>1 13\n  }\n}\n`,
    );
    const md = markdown(await hoverAt(uri, position));
    assert.match(md, /13\/15 poäng \(87\u00a0%\)/);
    assert.match(md, /Δ Förra: \+3 \(10\/15\)/);
  });

  it('hovers framework "…" with its title and shape, in English for an English document', async () => {
    const { uri, position } = await openMarked(
      'evaluation "E" {\n  language en\n  fram<|>ework "kommunkompassen-2.0"\n  area 1 score 5\n}\n',
    );
    const md = markdown(await hoverAt(uri, position));
    assert.match(md, /\*\*Kommunkompassen 2\.0\*\* \(`kommunkompassen-2\.0`\)/);
    assert.match(md, /8 areas, 45 questions, max 800/);
  });

  it('answers no hover on whitespace', async () => {
    const { uri, position } = await openMarked('evaluation "E" {\n<|>\n}\n');
    assert.equal(await hoverAt(uri, position), null);
  });

  const completeAt = (uri: string, position: { line: number; character: number }) =>
    client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position,
    });

  it('completes question numbers the area still lacks, with title and max', async () => {
    const { uri, position } = await openMarked(
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 5\n    question 1.3 5\n    question <|>\n  }\n}\n',
    );
    const items = await completeAt(uri, position);
    assert.deepEqual(
      items.map((i) => i.label),
      ['1.2', '1.4', '1.5'],
    );
    assert.match(items[0]!.detail!, /Hur informeras medborgarna\? \(max 20\)/);
  });

  it('completes keywords in Swedish when the document uses Swedish', async () => {
    const { uri, position } = await openMarked(
      'utvärdering "E" {\n  ramverk "kommunkompassen-2.0"\n  område 1 {\n    fråga 1.1 5\n    <|>\n  }\n}\n',
    );
    const labels = (await completeAt(uri, position)).map((i) => i.label);
    assert.ok(labels.includes('fråga') && labels.includes('styrka') && labels.includes('poäng'));
    assert.ok(!labels.includes('question'));
  });

  it('completes area keywords in English, and a snippet inserting a whole missing area', async () => {
    const { uri, position } = await openMarked(
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 score 50\n  <|>\n}\n',
    );
    const items = await completeAt(uri, position);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('area') && labels.includes('compare') && labels.includes('total'));
    const snippet = items.find((i) => i.label.startsWith('area 2 '));
    assert.ok(snippet, 'snippet for area 2');
    assert.equal(snippet.insertTextFormat, 2);
    assert.match(
      (snippet.textEdit as TextEdit).newText,
      /^area 2 "Tillgänglighet och brukarorientering" score \$\{1\}$/,
    );
  });

  it('completes framework names, compare paths and language codes', async () => {
    const fw = await openMarked('evaluation "E" {\n  framework "<|>\n}\n');
    const fwItems = await completeAt(fw.uri, fw.position);
    assert.ok(fwItems.some((i) => i.label === 'kommunkompassen-2.0'));
    assert.ok(
      fwItems.some((i) => i.label === 'mini-kompass'),
      'workspace framework offered',
    );
    const cmp = await openMarked('evaluation "E" {\n  compare "<|>"\n}\n');
    const paths = (await completeAt(cmp.uri, cmp.position)).map((i) => i.label);
    assert.ok(paths.includes('vasteras-2012.kompass'), paths.join(', '));
    const lang = await openMarked('evaluation "E" {\n  language <|>\n}\n');
    const codes = (await completeAt(lang.uri, lang.position)).map((i) => i.label);
    assert.deepEqual(codes, ['sv', 'en', 'nb', 'da', 'fi']);
  });

  it('completes framework names and compare paths inside typographic quotes', async () => {
    const fw = await openMarked('utvärdering "E" {\n  ramverk ”kommun<|>\n}\n');
    const items = await completeAt(fw.uri, fw.position);
    const kk20 = items.find((i) => i.label === 'kommunkompassen-2.0');
    assert.ok(kk20, items.map((i) => i.label).join(', '));
    const edit = kk20.textEdit as TextEdit;
    assert.equal(edit.newText, 'kommunkompassen-2.0”');
    assert.deepEqual(edit.range, {
      start: { line: 1, character: 11 },
      end: { line: 1, character: 17 },
    });
    const cmp = await openMarked('utvärdering "E" {\n  jämför «<|>»\n}\n');
    const paths = await completeAt(cmp.uri, cmp.position);
    const v = paths.find((i) => i.label === 'vasteras-2012.kompass');
    assert.ok(v, paths.map((i) => i.label).join(', '));
    assert.equal((v.textEdit as TextEdit).newText, 'vasteras-2012.kompass');
  });

  it('completes missing area numbers after `area`', async () => {
    const { uri, position } = await openMarked(
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 score 5\n  area 3 score 5\n  area <|>\n}\n',
    );
    const labels = (await completeAt(uri, position)).map((i) => i.label);
    assert.deepEqual(labels, ['2', '4', '5', '6', '7', '8']);
  });

  const actionsFor = async (uri: string, text: string, code: string) => {
    const diags = await client.waitForDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === code),
    );
    const d = diags.find((x) => x.code === code)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    return { actions, apply: (a: CodeAction) => applyEdits(text, a.edit!.changes![uri]!) };
  };

  it('quick fix: clamps points to the max', async () => {
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 16\n  }\n}\n';
    const uri = tmpUri();
    await client.open(uri, text);
    const { actions, apply } = await actionsFor(uri, text, 'KK010');
    const clamp = actions.find((a) => a.diagnostics?.[0]?.code === 'KK010')!;
    assert.equal(clamp.title, 'Sätt poängen till max 15');
    assert.ok(apply(clamp).includes('question 1.1 15\n'));
  });

  it('quick fix: sets a stated score and total to the sums', async () => {
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    score 30\n    question 1.1 10\n    question 1.2 12\n  }\n  total 99\n}\n';
    const uri = tmpUri();
    await client.open(uri, text);
    const score = await actionsFor(uri, text, 'KK020');
    const fixScore = score.actions.find((a) => a.diagnostics?.[0]?.code === 'KK020')!;
    assert.ok(score.apply(fixScore).includes('score 22\n'));
    const total = await actionsFor(uri, text, 'KK021');
    const fixTotal = total.actions.find((a) => a.diagnostics?.[0]?.code === 'KK021')!;
    assert.ok(total.apply(fixTotal).includes('total 22\n'));
  });

  it("quick fix: sets a max to the framework's", async () => {
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.2 14/25\n  }\n}\n';
    const uri = tmpUri();
    await client.open(uri, text);
    const { actions, apply } = await actionsFor(uri, text, 'KK011');
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'KK011')!;
    assert.ok(apply(fix).includes('question 1.2 14/20\n'));
  });

  it('quick fix: adds the missing questions of an area in order, and the result has only the points left to fill in', async () => {
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.2 10\n    question 1.4 10\n  }\n}\n';
    const uri = tmpUri();
    await client.open(uri, text);
    const { actions, apply } = await actionsFor(uri, text, 'KK015');
    const add = actions.find((a) => a.title.startsWith('Lägg till saknade frågor'))!;
    assert.ok(add, actions.map((a) => a.title).join('; '));
    const fixed = apply(add);
    const ids = [...fixed.matchAll(/question (\d\.\d)/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['1.1', '1.2', '1.3', '1.4', '1.5']);
    assert.match(
      fixed,
      / {4}question 1\.1 "Finns en plan\/strategi för demokratiutveckling och information\?" \/15\n/,
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const diags = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(!diags.some((d) => d.code === 'KK015'));
  });

  it('quick fix: adds all missing areas', async () => {
    const text =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 2 score 50\n  area 5 score 50\n}\n';
    const uri = tmpUri();
    await client.open(uri, text);
    const { actions, apply } = await actionsFor(uri, text, 'KK016');
    const add = actions.find((a) => a.title.startsWith('Lägg till saknade områden'))!;
    const fixed = apply(add);
    const numbers = [...fixed.matchAll(/area (\d)/g)].map((m) => m[1]);
    assert.deepEqual(numbers, ['1', '2', '3', '4', '5', '6', '7', '8']);
    assert.match(fixed, / {2}area 1 "Offentlighet och demokrati"\n/);
  });

  it('formats to canonical indentation with aligned scores, idempotently, keeping comments', async () => {
    const text =
      'evaluation "E"   {\n framework "kommunkompassen-2.0" // vilket\n      area 1 {\n  question 1.1 "Kort" 3\n question 1.2 "En längre titel" 4/20\n\n\n\n   // kommentar\n }\n}';
    const uri = tmpUri();
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = applyEdits(text, edits);
    assert.equal(
      formatted,
      'evaluation "E" {\n  framework "kommunkompassen-2.0" // vilket\n  area 1 {\n    question 1.1 "Kort"            3\n    question 1.2 "En längre titel" 4/20\n\n    // kommentar\n  }\n}\n',
    );
    const version = await client.change(uri, [{ text: formatted }]);
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const again = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(again, []);
  });

  it('lists document symbols: evaluation → areas → questions', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: vasterasUri },
    });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'Västerås stad');
    assert.equal(symbols[0]!.detail, '561/800 (70\u00a0%)');
    assert.equal(symbols[0]!.children!.length, 8);
    const area1 = symbols[0]!.children![0]!;
    assert.equal(area1.name, '1 Offentlighet och demokrati');
    assert.equal(area1.children!.length, 5);
    assert.equal(area1.children![0]!.detail, '14/15');
  });

  it('gives inlay hints after area headers and honours the setting', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: vasterasUri },
      range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } },
    });
    const labels = hints.map((h) => h.label);
    assert.ok(labels.includes('561/800 · 70\u00a0%'));
    assert.ok(labels.includes('58/100 · 58\u00a0%'));
    assert.equal(hints.length, 9);
    const area1 = hints.find((h) => h.label === '58/100 · 58\u00a0%')!;
    const line = vasteras.split('\n')[area1.position.line]!;
    assert.equal(line.slice(0, area1.position.character), '  area 1 "Offentlighet och demokrati"');
  });

  it('gives folding ranges and semantic tokens', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri: vasterasUri },
    });
    const lines = vasteras.split('\n');
    const top = folds.find((f) => lines[f.startLine]!.startsWith('evaluation'))!;
    assert.equal(lines[top.endLine + 1], '}');
    assert.ok(folds.some((f) => f.kind === 'comment'));
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: vasterasUri },
    });
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length > 500);
    // The first non-comment token is the `evaluation` keyword on line 5 (index 0 = keyword).
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    let line = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i]!;
      if (legend.tokenTypes[tokens.data[i + 3]!] === 'keyword') {
        assert.equal(line, 5);
        assert.equal(tokens.data[i + 2], 'evaluation'.length);
        break;
      }
    }
  });

  it('goes to the framework definition of a question and to a compare file', async () => {
    const loc = await client.request<Location>('textDocument/definition', {
      textDocument: { uri: vasterasUri },
      position: positionOf(vasteras, 'question 1.3', 10),
    });
    assert.equal(loc.uri, 'kompass-builtin:/kommunkompassen-2.0.kompass');
    const source = await client.request<string>('kompass/builtinSource', { uri: loc.uri });
    const line = source.split(/\r?\n/)[loc.range.start.line]!;
    assert.equal(line.slice(loc.range.start.character, loc.range.end.character), '1.3');
    const cmp = await client.request<Location>('textDocument/definition', {
      textDocument: { uri: exempelbyUri },
      position: positionOf(exempelby, 'compare "', 12),
    });
    assert.equal(cmp.uri, uriOf(join(samples, 'exempelby-2010.kompass')));
  });

  it('answers kompass/analysis with a small summary', async () => {
    const summary = await client.request<{
      evaluations: { name: string; total: number; max: number; areas: { score: number }[] }[];
    }>('kompass/analysis', { uri: vasterasUri });
    assert.equal(summary.evaluations[0]!.name, 'Västerås stad');
    assert.equal(summary.evaluations[0]!.total, 561);
    assert.equal(summary.evaluations[0]!.max, 800);
    assert.deepEqual(
      summary.evaluations[0]!.areas.map((a) => a.score),
      [58, 69, 82, 65, 68, 64, 74, 81],
    );
  });
});
