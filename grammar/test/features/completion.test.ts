import assert from 'node:assert/strict';
import { complete, relativePath } from '../../src/features/index';
import { analyze, kk, marked } from './helpers';

function completeAt(s: string, files: string[] = []) {
  const { text, offset } = marked(s);
  return complete(analyze(text), text, offset, { files });
}
const labels = (s: string, files: string[] = []) => completeAt(s, files).map((c) => c.label);

describe('features: completion', () => {
  it('offers top-level keywords and an evaluation snippet outside blocks', () => {
    const items = completeAt('<|>');
    assert.ok(items.some((i) => i.label === 'evaluation' && i.kind === 'keyword'));
    assert.ok(items.some((i) => i.kind === 'snippet' && i.snippet));
  });
  it('offers evaluation keywords inside an evaluation', () => {
    const l = labels(kk('  <|>\n'));
    for (const k of ['date', 'evaluators', 'compare', 'facts', 'area', 'total'])
      assert.ok(l.includes(k), k);
    assert.ok(!l.includes('question'));
  });
  it('offers area keywords inside an evaluation area', () => {
    const l = labels(kk('  area 1 {\n    <|>\n  }\n'));
    for (const k of ['question', 'score', 'strength', 'improvement', 'example'])
      assert.ok(l.includes(k), k);
    assert.ok(!l.includes('date'));
  });
  it('offers framework keywords inside a framework area', () => {
    const l = labels('framework "f" {\n  area 1 {\n    <|>\n  }\n}\n');
    assert.deepEqual(l, ['max', 'heading', 'alias', 'question', 'intro']);
  });
  it('follows the Swedish keywords a document uses', () => {
    const l = labels('utvärdering "E" {\n  ramverk "kommunkompassen-2.0"\n  <|>\n}\n');
    assert.ok(l.includes('område') && l.includes('jämför') && !l.includes('area'));
  });
  it('replaces the partly typed word', () => {
    const { text, offset } = marked(kk('  comp<|>\n'));
    const item = complete(analyze(text), text, offset).find((i) => i.label === 'compare')!;
    assert.equal(text.slice(item.range.start, item.range.end), 'comp');
  });
  it('offers the questions an area lacks, in order, with title and max', () => {
    const items = completeAt(kk('  area 2 {\n    question 2.1 3\n    question <|>\n  }\n'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['2.2', '2.3', '2.4', '2.5', '2.6'],
    );
    assert.equal(
      items[0]!.detail,
      'Hur arbetar kommunen med tillgänglighet och bemötande? (max 25)',
    );
  });
  it('completes the rest of the question line after the keyword', () => {
    const items = completeAt(kk('  area 2 {\n    question 2.1 3/15\n    question <|>\n  }\n'));
    assert.equal(
      items[0]!.insertText,
      '2.2 "Hur arbetar kommunen med tillgänglighet och bemötande?" $' + '{1}/25',
    );
    assert.equal(items[0]!.snippet, true);
    const before = completeAt(kk('  area 2 {\n    question <|> 3/15\n  }\n'));
    assert.equal(before[0]!.insertText, undefined, 'only the number when the line goes on');
  });
  it('offers the missing questions as whole lines on an empty line of an area', () => {
    const items = completeAt(kk('  area 3 {\n    question 3.2 5/10\n    <|>\n  }\n'));
    const q = items.filter((i) => i.kind === 'question');
    assert.deepEqual(
      q.map((i) => i.label.split(' ').slice(0, 2).join(' ')),
      ['question 3.1', 'question 3.3', 'question 3.4', 'question 3.5'],
    );
    assert.match(q[0]!.insertText!, /^question 3\.1 "[^"]+" \$\{1\}\/\d+$/);
    assert.ok(q.every((i) => i.snippet));
    assert.ok(q[0]!.sortText! < items.find((i) => i.label === 'score')!.sortText!, 'first');
  });
  it('offers no questions in an area written as a score only', () => {
    const items = completeAt(kk('  area 3 {\n    score 50\n    <|>\n  }\n'));
    assert.ok(!items.some((i) => i.kind === 'question'));
  });
  it('offers each snippet only where it fits', () => {
    const snippets = (s: string) =>
      completeAt(s)
        .filter((i) => i.kind === 'snippet' && !/^\S+ \d/.test(i.label))
        .map((i) => i.label);
    assert.deepEqual(snippets('<|>'), ['evaluation { … }']);
    assert.deepEqual(snippets(kk('  <|>\n')), ['area { … }']);
    assert.deepEqual(snippets(kk('  area 1 {\n    <|>\n  }\n')), [
      'question { … }',
      'section { … }',
    ]);
    assert.deepEqual(snippets(kk('  facts {\n    <|>\n  }\n')), []);
    assert.deepEqual(snippets('framework "f" {\n  <|>\n}\n'), []);
  });
  it('offers questions after the Swedish keyword too', () => {
    assert.ok(labels(kk('  område 1 {\n    fråga 1.<|>\n  }\n')).includes('1.5'));
  });
  it('offers the next free number in a framework', () => {
    assert.deepEqual(
      labels('framework "f" {\n  area 1 {\n    question 1.1 "a" max 2\n    question <|>\n  }\n}\n'),
      ['1.2'],
    );
    assert.deepEqual(labels('framework "f" {\n  area 1 max 5\n  area <|>\n}\n'), ['2']);
  });
  it('offers the areas an evaluation lacks', () => {
    const items = completeAt(kk('  area 1 score 5\n  area <|>\n'));
    assert.equal(items.length, 7);
    assert.equal(items[0]!.detail, 'Tillgänglighet och brukarorientering (max 100)');
  });
  it('offers framework names inside the quotes, closing them when needed', () => {
    const items = completeAt('evaluation "E" {\n  framework "kommun<|>\n}\n');
    const kk20 = items.find((i) => i.label === 'kommunkompassen-2.0')!;
    assert.equal(kk20.insertText, 'kommunkompassen-2.0"');
    const closed = completeAt('evaluation "E" {\n  framework "<|>"\n}\n')[0]!;
    assert.equal(closed.insertText, closed.label);
  });
  it('offers framework names inside typographic quotes, closing them with the matching quote', () => {
    const sv = completeAt('utvärdering "E" {\n  ramverk ”kommun<|>\n}\n');
    const kk20 = sv.find((i) => i.label === 'kommunkompassen-2.0')!;
    assert.equal(kk20.insertText, 'kommunkompassen-2.0”');
    assert.deepEqual(
      { start: kk20.range.end - 'kommun'.length, end: kk20.range.end },
      kk20.range,
      'replaces what was typed',
    );
    const de = completeAt('evaluation "E" {\n  framework „kommun<|>\n}\n');
    assert.equal(
      de.find((i) => i.label === 'kommunkompassen-2.0')!.insertText,
      'kommunkompassen-2.0“',
    );
    const closed = completeAt('evaluation "E" {\n  framework «<|>»\n}\n')[0]!;
    assert.equal(closed.insertText, closed.label);
    assert.ok(labels('evaluation "E" {\n  framework “<|>”\n}\n').includes('kommunkompassen-2.0'));
  });
  it('is past the string once its typographic quote has closed it', () => {
    assert.deepEqual(labels('evaluation "E" {\n  framework ”kommunkompassen-2.0” <|>\n}\n'), []);
  });
  it('offers compare paths inside typographic quotes', () => {
    const l = labels('utvärdering "E" {\n  jämför ”<|>”\n}\n', [
      'file:///w/doc.kompass',
      'file:///w/old.kompass',
    ]);
    assert.deepEqual(l, ['old.kompass']);
  });
  it('answers at the end of a very long line of digits, dots and letters', () => {
    // A `[…]*$` regex here retried from every position: quadratic, minutes on such a line.
    const long = `${'1.'.repeat(150_000)}x ${'ord'.repeat(100_000)}!`;
    const text = `evaluation "E" {\n  ${long}<|>\n}\n`;
    assert.deepEqual(completeAt(text), []);
    const typed = completeAt(`evaluation "E" {\n  ${'1.'.repeat(150_000)} dat<|>\n}\n`);
    assert.deepEqual(typed, []);
    const word = completeAt('evaluation "E" {\n  utvä<|>\n}\n');
    assert.ok(word.length > 0);
    assert.equal(word[0]!.range.end - word[0]!.range.start, 'utvä'.length);
  });
  it('offers frameworks defined in the document', () => {
    assert.ok(
      labels(
        'framework "egen" { area 1 max 5 }\nevaluation "E" {\n  framework "<|>"\n}\n',
      ).includes('egen'),
    );
  });
  it('offers compare paths relative to the document', () => {
    const l = labels('evaluation "E" {\n  compare "<|>"\n}\n', [
      'file:///w/doc.kompass',
      'file:///w/old.kompass',
      'file:///w/sub/x.kompass',
      'file:///other/y.kompass',
      'file:///w/notes.txt',
    ]);
    assert.deepEqual(l.sort(), ['../other/y.kompass', 'old.kompass', 'sub/x.kompass']);
  });
  it('offers language codes with their names', () => {
    const items = completeAt('evaluation "E" {\n  språk <|>\n}\n');
    assert.deepEqual(
      items.map((i) => i.label),
      ['sv', 'en', 'nb', 'da', 'fi'],
    );
    assert.equal(items[2]!.detail, 'norska (bokmål)');
  });
  it('offers a snippet for each missing area with its questions', () => {
    const items = completeAt(kk('  area 1 {\n    question 1.1 3\n  }\n  <|>\n'));
    const s = items.find((i) => i.kind === 'snippet' && i.label.startsWith('area 7'))!;
    assert.match(
      s.insertText!,
      /^area 7 "Verksamhetsutveckling" \{\n {2}question 7\.1 ".*" \$\{1\}\/\d+\n/,
    );
    assert.equal(s.insertText!.split('\n').length, 2 + 5);
  });
  it('knows the context while a closing brace is still missing', () => {
    const open =
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 3\n    ';
    assert.ok(labels(`${open}<|>`).includes('strength'));
    assert.deepEqual(labels(`${open}question <|>`), ['1.2', '1.3', '1.4', '1.5']);
    assert.ok(labels('evaluation "E" {\n  <|>\nevaluation "F" {\n}\n').includes('compare'));
  });
  it('offers nothing in the middle of a statement or in facts', () => {
    assert.deepEqual(labels(kk('  round 3 <|>\n')), []);
    assert.deepEqual(labels(kk('  facts {\n    <|>\n  }\n')), []);
  });
  it('computes relative paths between URIs', () => {
    assert.equal(relativePath('file:///a/b/c.kompass', 'file:///a/d/e.kompass'), '../d/e.kompass');
    assert.equal(relativePath('file:///a/c.kompass', 'file:///a/%C3%A5.kompass'), 'å.kompass');
    assert.equal(relativePath('file:///a/c.kompass', 'untitled:x'), undefined);
  });
  // A pattern anchored at the end of the line (`/[…]*$/`) retried from every start and cost the
  // square of a long run earlier on the line: 35 s for one fuzzed line of 30,000 letters. At
  // 100,000 that is minutes, far past the test's timeout; read backwards it is microseconds.
  it('reads the typed word after a 100,000-letter string on the same line, without quadratic cost', () => {
    const long = 'å'.repeat(100_000);
    const { text, offset } = marked(kk(`  summary "${long}" comp<|>\n`));
    const item = complete(analyze(text), text, offset).find((i) => i.label === 'compare');
    assert.equal(item, undefined, 'nothing but a keyword at the start of a line is offered');
    const atStart = marked(kk(`  comp<|> "${long}"\n`));
    const kw = complete(analyze(atStart.text), atStart.text, atStart.offset).find(
      (i) => i.label === 'compare',
    )!;
    assert.equal(atStart.text.slice(kw.range.start, kw.range.end), 'comp');
  });
  it('reads the typed number after a 100,000-character dotted number on the same line', () => {
    const line = marked(
      kk(`  area 1 {\n    question ${'1.'.repeat(50_000)}1 x question 1.<|>\n  }\n`),
    );
    const items = complete(analyze(line.text), line.text, line.offset);
    assert.ok(items.length > 0, 'the questions of area 1 are offered');
    for (const i of items) assert.equal(line.text.slice(i.range.start, i.range.end), '1.', i.label);
  });
  it('looks for an open string on a line of 30,000 quoted words ended by a line separator, without quadratic cost', () => {
    const { text, offset } = marked(kk(`  ${'a " '.repeat(30_000)}\u2028x<|>\n`));
    assert.deepEqual(complete(analyze(text), text, offset), []);
    const after = marked(kk('  framework "x"\u2028framework "kommun<|>\n'));
    const items = complete(analyze(after.text), after.text, after.offset);
    assert.ok(
      items.some((i) => i.kind === 'framework'),
      'frameworks after the separator',
    );
  });
});
