import assert from 'node:assert/strict';
import { codeActions } from '../../src/features/index';
import { analyze, apply, kk } from './helpers';

function fixes(text: string, code?: string) {
  const a = analyze(text);
  const all = codeActions(a, text, { start: 0, end: text.length });
  return code ? all.filter((x) => x.diagnostics.some((d) => d.code === code)) : all;
}

describe('features: quick fixes', () => {
  it('clamps points to the max', () => {
    const text = kk('  area 1 {\n    question 1.1 16\n  }\n');
    const [fix] = fixes(text, 'KK010');
    assert.equal(fix!.title, 'Sätt poängen till max 15');
    assert.ok(apply(text, fix!.edits).includes('question 1.1 15\n'));
    assert.equal(fix!.preferred, true);
  });
  it('clamps points written with a max', () => {
    const text = kk('  area 1 {\n    question 1.1 16/15\n  }\n');
    assert.ok(apply(text, fixes(text, 'KK010')[0]!.edits).includes('question 1.1 15/15'));
  });
  it("sets a max to the framework's", () => {
    const text = kk('  area 1 {\n    question 1.2 14/25\n  }\n');
    const [fix] = fixes(text, 'KK011');
    assert.equal(fix!.title, 'Använd ramverkets max 20');
    assert.ok(apply(text, fix!.edits).includes('question 1.2 14/20'));
  });
  it('sets a stated area score to the sum of its questions', () => {
    const text = kk('  area 1 {\n    score 10\n    question 1.1 4.5\n    question 1.2 3\n  }\n');
    const [fix] = fixes(text, 'KK020');
    assert.ok(apply(text, fix!.edits).includes('score 7.5\n'));
  });
  it('sets a stated total to the sum of the areas', () => {
    const text = kk('  area 1 score 10\n  area 2 score 20\n  total 31\n');
    const [fix] = fixes(text, 'KK021');
    assert.equal(fix!.title, 'Sätt totalen till summan 30');
    assert.ok(apply(text, fix!.edits).includes('total 30\n'));
  });
  it('titles the fixes in English for an English document', () => {
    const text =
      'evaluation "E" {\n  language en\n  framework "kommunkompassen-2.0"\n  area 1 score 10\n  total 5\n}\n';
    assert.equal(fixes(text, 'KK021')[0]!.title, 'Set the total to the sum 10');
  });
  it('adds the missing questions of an area in number order, one action per area', () => {
    const text = kk('  area 1 {\n    question 1.2 1\n    question 1.4 1\n  }\n');
    const actions = fixes(text, 'KK015');
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.diagnostics.length, 3);
    const out = apply(text, actions[0]!.edits);
    assert.deepEqual(
      [...out.matchAll(/question (1\.\d)/g)].map((m) => m[1]),
      ['1.1', '1.2', '1.3', '1.4', '1.5'],
    );
    assert.match(out, /\n {4}question 1\.3 "Hur informeras medborgarna om resultat\?" \/25\n/);
    assert.deepEqual(
      analyze(out).diagnostics.filter((d) => d.code === 'KK015'),
      [],
    );
  });
  it('adds questions with Swedish keywords in a Swedish-keyword document', () => {
    const text =
      'utvärdering "E" {\n  ramverk "kommunkompassen-2.0"\n  område 1 {\n    fråga 1.1 1\n  }\n}\n';
    const out = apply(text, fixes(text, 'KK015')[0]!.edits);
    assert.match(out, /fråga 1\.2 "Hur informeras medborgarna\?" \/20/);
  });
  it('keeps CRLF line breaks when inserting', () => {
    const text = kk('  area 1 {\n    question 1.1 1\n  }\n').replace(/\n/g, '\r\n');
    const out = apply(text, fixes(text, 'KK015')[0]!.edits);
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
  });
  it('adds all missing areas as score lines in a summary-only evaluation', () => {
    const text = kk('  area 3 score 10\n');
    const [fix] = fixes(text, 'KK016');
    const out = apply(text, fix!.edits);
    assert.deepEqual(
      [...out.matchAll(/area (\d)/g)].map((m) => m[1]),
      ['1', '2', '3', '4', '5', '6', '7', '8'],
    );
    assert.match(out, /\n {2}area 8 "Kommunen som samhällsbyggare"\n/);
    assert.deepEqual(
      analyze(out).diagnostics.filter((d) => d.code === 'KK016'),
      [],
    );
  });
  it('adds missing areas with their questions when the evaluation has questions', () => {
    const text = kk(
      '  area 1 {\n    question 1.1 1\n    question 1.2 1\n    question 1.3 1\n    question 1.4 1\n    question 1.5 1\n  }\n',
    );
    const out = apply(text, fixes(text, 'KK016')[0]!.edits);
    assert.match(out, /\n {2}area 2 "Tillgänglighet och brukarorientering" \{\n {4}question 2\.1 /);
    // Only the new questions' points are left to fill in: one KK018 each, nothing else.
    const after = analyze(out).diagnostics.map((d) => d.code);
    assert.equal(after.length, 40);
    assert.ok(after.every((c) => c === 'KK018'));
  });
  it('offers only fixes for diagnostics in the range', () => {
    const text = kk('  area 1 {\n    question 1.1 16\n  }\n  total 3\n');
    const a = analyze(text);
    const at = text.indexOf('total');
    const list = codeActions(a, text, { start: at, end: at });
    assert.ok(list.every((x) => x.diagnostics.every((d) => d.code !== 'KK010')));
  });
});
