import assert from 'node:assert/strict';
import {
  definition,
  locate,
  prefersSwedishKeywords,
  semanticTokens,
} from '../../src/features/index';
import { builtinSource } from '../../src/index';
import { analyze, kk, marked } from './helpers';

describe('features: definition', () => {
  const at = (s: string, others: Record<string, string> = {}) => {
    const { text, offset } = marked(s);
    return definition(analyze(text, others), offset);
  };
  it('takes a question to its built-in framework definition', () => {
    const d = at(kk('  area 2 {\n    question 2.<|>4 3\n  }\n'))!;
    assert.equal(d.uri, 'kompass-builtin:/kommunkompassen-2.0.kompass');
    assert.equal(builtinSource(d.uri)!.slice(d.start, d.end), '2.4');
  });
  it('takes an area and the framework reference to their definitions', () => {
    const area = at(kk('  ar<|>ea 3 score 4\n'))!;
    assert.equal(builtinSource(area.uri)!.slice(area.start, area.end), '3');
    const fw = at('evaluation "E" {\n  framework "kommun<|>kompassen-2.0"\n}\n')!;
    assert.equal(builtinSource(fw.uri)!.slice(fw.start, fw.end), '"kommunkompassen-2.0"');
  });
  it('takes a question to a framework in another workspace document', () => {
    const d = at('evaluation "E" {\n  framework "f"\n  area 1 {\n    question 1.<|>1 1\n  }\n}\n', {
      'file:///w/f.kompass': 'framework "f" {\n  area 1 {\n    question 1.1 "Q" max 2\n  }\n}\n',
    })!;
    assert.equal(d.uri, 'file:///w/f.kompass');
    assert.equal(d.start, 'framework "f" {\n  area 1 {\n    question '.length);
  });
  it('takes compare to the file', () => {
    const d = at(kk('  compare "ol<|>d.kompass"\n'), { 'file:///w/old.kompass': kk('') })!;
    assert.deepEqual(d, { uri: 'file:///w/old.kompass', start: 0, end: 0 });
  });
  it('gives nothing on unknown questions or blank space', () => {
    assert.equal(at(kk('  area 1 {\n    question 1.<|>9 1\n  }\n')), undefined);
    assert.equal(at(kk('  <|>\n')), undefined);
  });
});

describe('features: locate', () => {
  it('finds the evaluation, area and question at an offset', () => {
    const { text, offset } = marked(kk('  area 1 {\n    question 1.<|>1 3\n  }\n'));
    const loc = locate(analyze(text), offset);
    assert.equal(loc.evaluation?.name, 'E');
    assert.equal(loc.areaResult?.number, 1);
    assert.equal(loc.question?.id, '1.1');
    assert.equal(loc.body?.owner, 'area');
  });
  it('knows the body it stands in between statements', () => {
    const { text, offset } = marked('framework "f" {\n  area 1 {\n  <|>\n  }\n}\n');
    const loc = locate(analyze(text), offset);
    assert.equal(loc.body?.owner, 'frameworkArea');
    assert.equal(loc.framework?.id, 'f');
  });
  it('finds nothing outside blocks and tolerates offsets past the end', () => {
    assert.equal(locate(analyze('evaluation "E" {}\n'), 500).block, undefined);
    assert.equal(locate(analyze(''), -3).block, undefined);
  });
  it('tells which keyword language a document prefers', () => {
    assert.equal(prefersSwedishKeywords(analyze('utvärdering "E" { datum 2020-01-01 }')), true);
    assert.equal(
      prefersSwedishKeywords(analyze('evaluation "E" { max 1 organisation "x" }')),
      false,
    );
  });
});

describe('features: semantic tokens', () => {
  it('classifies keywords, names, numbers, strings and comments in order', () => {
    const text =
      '// c\nevaluation "E" {\n  language sv\n  area 1 {\n    question 1.1 "T" 3/15\n  }\n}\n';
    const tokens = semanticTokens(analyze(text)).map((t) => [text.slice(t.start, t.end), t.type]);
    assert.deepEqual(tokens, [
      ['// c', 'comment'],
      ['evaluation', 'keyword'],
      ['"E"', 'class'],
      ['language', 'keyword'],
      ['sv', 'enumMember'],
      ['area', 'keyword'],
      ['1', 'number'],
      ['question', 'keyword'],
      ['1.1', 'number'],
      ['"T"', 'string'],
      ['3', 'number'],
      ['/', 'operator'],
      ['15', 'number'],
    ]);
  });
  it('marks framework names and definitions', () => {
    const text = 'framework "f" {\n  area 1 max 5\n}\n';
    const t = semanticTokens(analyze(text));
    assert.deepEqual(t[1], { start: 10, end: 13, type: 'namespace', modifiers: ['declaration'] });
    assert.deepEqual(t[3]!.modifiers, ['declaration']);
  });
  it('never overlaps', () => {
    const text = kk('  facts {\n    "Folkmängd" 140499\n  }\n  /* a */ round /* b */ 3\n');
    const t = semanticTokens(analyze(text));
    for (let i = 1; i < t.length; i++) assert.ok(t[i]!.start >= t[i - 1]!.end);
    assert.ok(t.some((x) => x.type === 'property'));
  });
});
