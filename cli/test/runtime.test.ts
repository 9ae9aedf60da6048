import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateDocument } from '../../bench/generate';
import { optimiseFrom, optimisePdfFrom, optimisesPdf } from '../src/runtime';

describe('kompass CLI: the engine fitted to the work', () => {
  it('lays out the PDF of a 10,000-line document optimised', () => {
    assert.equal(optimisesPdf(generateDocument({ lines: 10_000 }).length), true);
    assert.equal(optimisesPdf(generateDocument({ lines: 3_000 }).length), true);
  });

  it('lays out the PDF of the sample and of short documents unoptimised', () => {
    assert.equal(optimisesPdf(readFileSync('samples/vasteras-2012.kompass', 'utf8').length), false);
    assert.equal(optimisesPdf(generateDocument({ lines: 2_000 }).length), false);
  });

  it('optimises a PDF long before it optimises a check', () => {
    assert.ok(optimisePdfFrom < optimiseFrom / 10);
    assert.equal(optimisesPdf(optimisePdfFrom - 1), false);
    assert.equal(optimisesPdf(optimisePdfFrom), true);
  });
});
