import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../src/index';
import { shortTextIn } from '../src/shortTexts';

describe('short texts read by the parse', () => {
  it('gives exactly the text asked for, whatever shared the slot before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme-composite', minLength: 0, maxLength: 14 }), {
          minLength: 1,
          maxLength: 400,
        }),
        (words) => {
          const text = words.join(' ');
          let at = 0;
          for (const w of words) {
            assert.equal(shortTextIn(text, at, at + w.length), w);
            at += w.length + 1;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves longer texts and every number, word and date in a parse as written', () => {
    const doc = `evaluation "Exempelby" {
  date 2012-03-01 to 2012-04-30
  language sv
  area 1 "Offentlighet" {
    question 1.1 13,5 av 15
    question 1.2 10/15
    question 1.3 123456789012345/15
  }
}
`;
    const r = parse(doc);
    const area = r.document.blocks[0]!.body!.statements.find((s) => s.kind === 'area')!;
    assert.equal(area.kind, 'area');
    const qs = area.body!.statements.filter((s) => s.kind === 'question');
    assert.deepEqual(
      qs.map((q) => [q.number?.text, q.points?.text, q.points?.value, q.separator?.text]),
      [
        ['1.1', '13,5', 13.5, 'av'],
        ['1.2', '10', 10, '/'],
        ['1.3', '123456789012345', 123456789012345, '/'],
      ],
    );
    const date = r.document.blocks[0]!.body!.statements.find((s) => s.kind === 'date')!;
    assert.equal(date.kind, 'date');
    assert.equal(date.from?.text, '2012-03-01');
    assert.equal(date.to?.text, '2012-04-30');
  });
});
