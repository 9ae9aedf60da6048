import assert from 'node:assert/strict';
import { compareIds, percent, sum } from '../src/index';

describe('percent', () => {
  it('rounds half up as the seed does', () => {
    assert.equal(percent(17, 30), 57);
    assert.equal(percent(14, 15), 93);
    assert.equal(percent(10, 15), 67);
    assert.equal(percent(8, 15), 53);
    assert.equal(percent(29, 40), 73, 'an exact half goes up');
    assert.equal(percent(1, 8), 13);
  });

  it('gives whole numbers for the ends', () => {
    assert.equal(percent(0, 15), 0);
    assert.equal(percent(15, 15), 100);
    assert.equal(percent(561, 800), 70);
  });

  it('is 0 for a zero or missing max', () => {
    assert.equal(percent(5, 0), 0);
    assert.equal(percent(5, Number.NaN), 0);
  });

  it('sums decimals without float noise', () => {
    assert.equal(sum([0.1, 0.2]), 0.3);
    assert.equal(sum([14.5, 14.5, 1]), 30);
  });
});

describe('compareIds', () => {
  it('orders dotted numbers part by part, numerically', () => {
    const ids = ['1.10', '1.2', '2.1', '1.2.3', '1.1', '10.1', '1.2.10', '1.2.2'];
    assert.deepEqual([...ids].sort(compareIds), [
      '1.1',
      '1.2',
      '1.2.2',
      '1.2.3',
      '1.2.10',
      '1.10',
      '2.1',
      '10.1',
    ]);
    assert.equal(compareIds('3.4', '3.4'), 0);
  });
});
