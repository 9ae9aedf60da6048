import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateDocument } from '../../bench/generate';
import { changeBetween, reparse } from '../src/incremental';
import { type Analysis, Workspace, type WorkspaceHost } from '../src/index';
import { type ParseResult, parse } from '../src/parse';

/** A typing-sized edit: `[at, at + remove)` replaced by `insert` (positions wrap to the text). */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const pieces = [
  ' ',
  '\n',
  'x',
  '1',
  '5',
  '/',
  '.',
  '"',
  '"""',
  '{',
  '}',
  '/*',
  '*/',
  '//',
  'å',
  ',',
  'question 1.1 3/15',
  'question 2.3 ',
  'area 3 "T" {',
  'score 12',
  'total 9',
  'evaluation "Ny" {',
  'framework "kommunkompassen-2.0"',
  'language en',
  'språk sv',
  'compare "other.kompass"',
  '{'.repeat(20),
  '}'.repeat(20),
  'strength "s"',
  'date 2012-01-02 to 2011-01-01',
];

/** Random edits, mostly small and typing-like, sometimes large. */
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 120 })),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...pieces),
    fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((a) => a.join('')),
  ),
});

/** Applies an edit. */
function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** A parse without its regions, the part a caller sees. */
function visible(p: ParseResult) {
  return { document: p.document, errors: p.errors, tokenCount: p.tokenCount };
}

/** Documents to edit: the sample, and generated ones with and without errors. */
const editBases = [
  readFileSync('samples/vasteras-2012.kompass', 'utf8'),
  generateDocument({ lines: 500, errors: true, seed: 7 }),
  generateDocument({ lines: 300, seed: 11 }),
];

describe('incremental re-parse', function () {
  this.timeout(120_000);
  it('finds the changed stretch', () => {
    assert.deepEqual(changeBetween('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changeBetween('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changeBetween('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  });

  it('re-parses only the edited evaluation when an edit stays inside it', () => {
    const before = editBases[1]!;
    const at = before.indexOf('question', before.length >> 1);
    const after = `${before.slice(0, at)}question 1.1 99/15\n    ${before.slice(at)}`;
    const earlier = parse(before);
    const blocks = earlier.document.blocks.length;
    const r = reparse(earlier, before, after);
    assert.ok(r, 'an edit inside one evaluation is re-parsed incrementally');
    assert.ok(r.index > 0 && r.index < blocks - 1);
    assert.equal(r.delta, after.length - before.length);
    assert.deepEqual(visible(r.parsed), visible(parse(after)));
  });

  it('declines edits that change where blocks start', () => {
    const before = 'evaluation "A" {\n}\n\nevaluation "B" {\n}\n';
    assert.equal(reparse(parse(before), before, before.replace('"A" {', '"A" { /*')), undefined);
    assert.equal(
      reparse(parse(before), before, before.replace('evaluation "B"', 'x "B"')),
      undefined,
    );
    assert.equal(reparse(parse(before), before, before.replace('"A" {', '"A" { """')), undefined);
  });

  it('gives what a whole parse gives, over random edit sequences', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...editBases.keys()),
        fc.array(edit, { minLength: 1, maxLength: 15 }),
        (base, edits) => {
          let text = editBases[base]!;
          let current = parse(text);
          for (const e of edits) {
            const next = apply(text, e);
            const r = reparse(current, text, next);
            current = r ? r.parsed : parse(next);
            total++;
            if (r) incremental++;
            text = next;
            assert.deepStrictEqual(visible(current), visible(parse(text)));
          }
        },
      ),
      { numRuns: 30 },
    );
    // Most random edits land inside one evaluation: the property must have tested that path.
    assert.ok(incremental > total / 3, `${incremental} of ${total} edits re-parsed incrementally`);
  });
});

/** A compare target beside the edited document, and a host reading it from memory. */
const other = `evaluation "Andra" {
  framework "kommunkompassen-2.0"
  date 2011-01-01
  area 1 "Offentlighet och demokrati" {
    question 1.1 10/15
  }
}
`;
const host: WorkspaceHost = {
  resolve: (_from, path) => `mem:/${path}`,
  readFile: (uri) => (uri === 'mem:/other.kompass' ? { text: other } : { error: 'missing' }),
};

/** An analysis as callers see it: model, diagnostics, parse, language. */
function seen(a: Analysis) {
  return {
    diagnostics: a.diagnostics,
    evaluations: a.evaluations,
    messageLanguage: a.messageLanguage,
    parse: visible(a.parse),
  };
}

describe('incremental analysis', function () {
  this.timeout(120_000);
  const uri = 'mem:/doc.kompass';

  it('re-checks only the edited evaluation: the others keep their model objects', () => {
    const ws = new Workspace(host);
    const before = editBases[1]!;
    ws.set(uri, before, 1);
    const first = ws.analyze(uri);
    const at = before.indexOf('question', before.length >> 1);
    ws.set(uri, `${before.slice(0, at)}question 1.1 99/15\n    ${before.slice(at)}`, 2);
    const second = ws.analyze(uri);
    const kept = second.evaluations.filter((ev) => first.evaluations.includes(ev)).length;
    assert.equal(kept, first.evaluations.length - 1);
    const fresh = new Workspace(host);
    fresh.set(uri, ws.text(uri)!, 2);
    assert.deepStrictEqual(seen(second), seen(fresh.analyze(uri)));
  });

  it('gives what a whole analysis gives, over random edit sequences', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...editBases.keys()),
        fc.array(edit, { minLength: 1, maxLength: 15 }),
        (base, edits) => {
          const ws = new Workspace(host);
          let text = editBases[base]!;
          let version = 1;
          ws.set(uri, text, version);
          ws.analyze(uri);
          for (const e of edits) {
            text = apply(text, e);
            ws.set(uri, text, ++version);
            const fresh = new Workspace(host);
            fresh.set(uri, text, version);
            assert.deepStrictEqual(seen(ws.analyze(uri)), seen(fresh.analyze(uri)));
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
