import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateDocument } from '../../bench/generate';
import { fastTokenize } from '../src/fastLex';
import { kompassLexer } from '../src/lexer';
import { documentFiles } from './helpers';

/** What both lexers give, as plain data: tokens and comments by type, image and offset. */
function shape(r: ReturnType<typeof kompassLexer.prototype.tokenize>) {
  const t = (x: { tokenType: { name: string }; image: string; startOffset: number }) =>
    `${x.tokenType.name}@${x.startOffset}:${x.image}`;
  return {
    tokens: r.tokens.map(t),
    comments: (r.groups.comments ?? []).map(t),
    errors: r.errors.length,
  };
}

/** Where the fast lexer answers, it answers what Chevrotain does, token object for token object. */
function assertSameTokens(text: string): boolean {
  const fast = fastTokenize(text);
  if (!fast) return false;
  const slow = kompassLexer().tokenize(text);
  assert.deepStrictEqual(shape(fast), shape(slow));
  assert.deepStrictEqual(fast, slow);
  return true;
}

const files = documentFiles();

const pieces = [
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\ufeff',
  'x',
  'å',
  'ö-x',
  '×',
  '1',
  '12',
  '1.2.3',
  '13,5',
  '1,',
  '1.',
  '2012-01-02',
  '2012-1-02',
  '20121-01-02',
  '2012-01-021',
  '-3',
  '/',
  '//',
  '/*',
  '*/',
  '"',
  '""',
  '"""',
  '""""',
  '"a\\"b"',
  '”x”',
  '{',
  '}',
  ',',
  'to',
  'total',
  'totalt',
  'totals',
  'till',
  'tillgång',
  'om',
  'omgång',
  'område',
  'områden',
  'as',
  'av',
  'avsnitt',
  'max',
  'maxi',
  'question',
  'questions',
  'fråga',
  'frågor',
  'utvärdering',
  'utvärderare',
  'evaluation',
  'evaluators',
  'Area',
  '_x',
  'x_1',
];

describe('the fast lexer path', () => {
  it('gives Chevrotain tokens for every sample and snapshot input it takes', () => {
    let taken = 0;
    for (const f of files) if (assertSameTokens(readFileSync(f, 'utf8'))) taken++;
    assert.ok(taken >= 5, `took ${taken} of ${files.length} files`);
  });

  it('takes the samples and generated documents', () => {
    assert.ok(assertSameTokens(readFileSync('samples/vasteras-2012.kompass', 'utf8')));
    for (const errors of [false, true]) {
      assert.ok(assertSameTokens(generateDocument({ lines: 2_000, errors })));
    }
  });

  it('gives up where Chevrotain has to recover or match typographic quotes', () => {
    for (const text of ['"open', '"a\\nb"', '”x”', 'x -3', 'a # b', '"x\ny"']) {
      assert.equal(fastTokenize(text), undefined, text);
    }
  });

  it('gives Chevrotain tokens for random runs of words, numbers, strings and comments', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        if (assertSameTokens(parts.join(''))) taken++;
        if (assertSameTokens(parts.join(' '))) taken++;
      }),
      { numRuns: 3000, seed: 1515 },
    );
    // Most runs must reach the comparison, not give up at once.
    assert.ok(taken > 1500, `compared ${taken} of 6000`);
  });

  it('gives Chevrotain tokens after random edits of the samples', () => {
    const texts = files.slice(0, 6).map((f) => readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 4 }),
        (i, at, remove, insert) => {
          const text = texts[i]!;
          const p = at % (text.length + 1);
          assertSameTokens(text.slice(0, p) + insert.join('') + text.slice(p + remove));
        },
      ),
      { numRuns: 300, seed: 1616 },
    );
  });
});
