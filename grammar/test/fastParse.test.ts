import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateDocument } from '../../bench/generate';
import { fastTopBlock } from '../src/fastParse';
import { kompassLexer } from '../src/lexer';
import { type ParseResult, parse, setFastPath } from '../src/parse';
import { documentFiles } from './helpers';

/** The parse with Chevrotain alone, the fast path off. */
function chevrotainParse(text: string): ParseResult {
  const was = setFastPath(false);
  try {
    return parse(text);
  } finally {
    setFastPath(was);
  }
}

function assertSameParse(text: string): void {
  assert.deepStrictEqual(parse(text), chevrotainParse(text));
}

const files = documentFiles();

// Lines that are valid alone and their near misses, to splice into documents.
const pieces = [
  '\n',
  ' ',
  '}',
  '{',
  '"',
  '"""',
  '"x"',
  '”Titel”',
  '12',
  '1.2.3',
  '13,5',
  '-3',
  '/',
  '/15',
  ' av 15',
  ' of 15',
  'max 15',
  ',',
  '2012-01-02',
  'question 1.1',
  'question 1.1 "T" 3/15',
  'question 1.2 "58"',
  'question 1.3 "T" "12"/15',
  'fråga 2.1 "T" 12 av 15',
  'question 1.4 /15',
  'question 1.5 "T" max 15',
  'area 3 "T" score 4 max 5 {',
  'area 4',
  'score 12',
  'score "12"',
  'total 9',
  'round 2',
  'heading "H"',
  'intro """\n  text\n"""',
  'section "S" """t"""',
  'example "Kommun" "note"',
  'example "Kommun"',
  'strength "s"',
  'improvement "i"',
  'alias "a"',
  'title "t"',
  'facts { "Folkmängd" 12000 "Datum" 2012-01-01 "Namn" "x" }',
  'facts { "a" }',
  'evaluators "A", "B"',
  'evaluators "A",',
  'organisation "O"',
  'language en',
  'language "sv"',
  'compare "other.kompass" as "Förra"',
  'compare "other.kompass"',
  'date 2012-01-02 to 2012-02-01',
  'date 2012-01-02',
  'framework "kommunkompassen-2.0"',
  'evaluation "Ny" {',
  'framework "egen" {',
  'summary """s"""',
  'questoin 1.1 3/15',
  '// c',
  '/* c */',
  '9999999999999999999',
];

const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 80 })),
  insert: fc.oneof(
    fc.constantFrom(...pieces),
    fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((a) => a.join(' ')),
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('the fast parse path', () => {
  it('builds what Chevrotain builds for every sample and snapshot input', () => {
    for (const f of files) assertSameParse(readFileSync(f, 'utf8'));
  });

  it('builds what Chevrotain builds for generated documents, valid and with errors', () => {
    for (const errors of [false, true]) {
      assertSameParse(generateDocument({ lines: 2_000, errors }));
    }
  });

  it('reads clean blocks from the scan and the others from tokens, as Chevrotain does', () => {
    // Clean blocks are parsed straight from the scan; each block here that is not needs its
    // tokens for an error: a misspelled keyword, an open text block, text before any block.
    const clean = 'evaluation "A" {\n  area 1 "Ett" {\n    question 1.1 "F" 3/5\n  }\n}\n';
    const blocks = [
      clean,
      'evaluation "B" {\n  questoin 1.1 3/15\n}\n',
      clean.replace('"A"', '"C"'),
      'framework "egen" {\n  title "Egen"\n  area 1 "Ett" max 10 {\n    question 1.1 "F" max 10\n  }\n}\n',
      '/* open comment before a block\n',
      clean.replace('"A"', '"D"').replace('"F"', '"""open'),
    ];
    assertSameParse(blocks.join(''));
    assertSameParse(`intro "x"\n${blocks.join('')}`);
    assertSameParse(blocks.slice(0, 4).join('// line comment\n'));
  });

  it('takes valid evaluations and frameworks (so the sample needs no Chevrotain)', () => {
    const sample = readFileSync('samples/vasteras-2012.kompass', 'utf8');
    const block = fastTopBlock(sample, kompassLexer().tokenize(sample).tokens);
    assert.equal(block?.kind, 'evaluation');
    assert.equal(block?.body?.closed, true);
    const framework =
      'framework "egen" {\n  title "Egen"\n  area 1 "Ett" max 10 {\n    question 1.1 "F" max 10\n  }\n}';
    assert.equal(
      fastTopBlock(framework, kompassLexer().tokenize(framework).tokens)?.kind,
      'framework',
    );
  });

  it('takes an evaluation with its own about text, in either keyword language', () => {
    for (const about of ['om', 'about']) {
      const text = `utvärdering ”E” {\n  ${about} """\n    Egen text.\n  """\n  område 1 poäng 5\n}`;
      const block = fastTopBlock(text, kompassLexer().tokenize(text).tokens);
      assert.equal(block?.body?.statements[0]?.kind, 'about', about);
    }
  });

  it('gives up on a block with a syntax error, leaving it to Chevrotain', () => {
    for (const text of [
      'evaluation "E" {\n  question 1.1 "T" 3/\n}',
      'evaluation "E" {\n  score "12"\n}',
      'evaluation "E" {\n  area 1 {\n}',
      'evaluation "E" {\n  questoin 1.1 3/15\n} }',
    ]) {
      assert.equal(fastTopBlock(text, kompassLexer().tokenize(text).tokens), undefined, text);
    }
  });

  it('builds what Chevrotain builds after random edits of the samples', () => {
    const texts = files.slice(0, 6).map((f) => readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (i, edits) => {
          let text = texts[i]!;
          for (const e of edits) text = apply(text, e);
          assertSameParse(text);
        },
      ),
      { numRuns: 300, seed: 1313 },
    );
  });

  it('builds what Chevrotain builds for small documents made of valid and broken lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (lines) => {
        assertSameParse(`evaluation "E" {\n  ${lines.join('\n  ')}\n}\n`);
        assertSameParse(`evaluation "E" {\n  area 1 "A" {\n    ${lines.join('\n    ')}\n  }\n}\n`);
      }),
      { numRuns: 1500, seed: 1414 },
    );
  });
});
