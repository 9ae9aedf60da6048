import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateDocument } from '../../bench/generate';
import { optimiseFrom, optimisePdfFrom, optimisesRender } from '../src/runtime';

const sample = readFileSync('samples/vasteras-2012.kompass', 'utf8').length;
const lines = (n: number) => generateDocument({ lines: n }).length;

describe('kompass CLI: the engine fitted to the work', () => {
  it('lays out the PDF of a 10,000-line document optimised', () => {
    assert.equal(optimisesRender('pdf', lines(10_000)), true);
    assert.equal(optimisesRender('pdf', lines(3_000)), true);
  });

  it('lays out the PDF of the sample and of short documents unoptimised', () => {
    assert.equal(optimisesRender('pdf', sample), false);
    assert.equal(optimisesRender('pdf', lines(2_000)), false);
  });

  it('optimises a PDF long before it optimises a check', () => {
    assert.ok(optimisePdfFrom < optimiseFrom / 10);
    assert.equal(optimisesRender('pdf', optimisePdfFrom - 1), false);
    assert.equal(optimisesRender('pdf', optimisePdfFrom), true);
  });

  it('renders a Word document optimised whatever its size, HTML and the rest as a check', () => {
    for (const size of [1_000, sample, lines(10_000)]) {
      assert.equal(optimisesRender('docx', size), true);
      for (const format of ['html', 'md', 'json', 'csv'] as const)
        assert.equal(optimisesRender(format, size), false, format);
    }
  });
});
