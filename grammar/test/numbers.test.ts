import assert from 'node:assert/strict';
import {
  formatDelta,
  formatNumber,
  formatPercent,
  formatPercentDelta,
  formatScore,
} from '../src/index';

const nb = '\u00a0';

describe('numbers', () => {
  it('writes a decimal comma in Swedish and Norwegian, a point in English', () => {
    assert.equal(formatNumber(14.5, 'sv'), '14,5');
    assert.equal(formatNumber(14.5, 'nb'), '14,5');
    assert.equal(formatNumber(14.5, 'en'), '14.5');
    assert.equal(formatNumber(0.1 + 0.2, 'en'), '0.3');
  });

  it('groups thousands from four digits when asked, the same way in every row', () => {
    assert.equal(formatNumber(9811, 'sv', { group: true }), `9${nb}811`);
    assert.equal(formatNumber(140499, 'sv', { group: true }), `140${nb}499`);
    assert.equal(formatNumber(140499, 'en', { group: true }), '140,499');
    assert.equal(formatNumber(1790.5, 'sv', { group: true }), `1${nb}790,5`);
    assert.equal(formatNumber(999, 'sv', { group: true }), '999');
    assert.equal(formatNumber(9811, 'sv'), '9811');
  });

  it('writes negatives with a minus sign', () => {
    assert.equal(formatNumber(-2.5, 'sv'), '\u22122,5');
  });

  it('writes percentages as each language does', () => {
    assert.equal(formatPercent(7, 'en'), '7%');
    assert.equal(formatPercent(7, 'sv'), `7${nb}%`);
    assert.equal(formatPercent(undefined, 'sv'), '–');
  });

  it('writes scores and signed differences', () => {
    assert.equal(formatScore(14.5, 15, 'sv'), '14,5/15');
    assert.equal(formatScore(undefined, 15, 'en'), '–/15');
    assert.equal(formatDelta(3, 'sv'), '+3');
    assert.equal(formatDelta(-2.5, 'sv'), '\u22122,5');
    assert.equal(formatDelta(0.1 + 0.2 - 0.3, 'en'), '±0');
    assert.equal(formatPercentDelta(4, 'en'), `+4${nb}pp`);
    assert.equal(formatPercentDelta(-4, 'sv'), `\u22124${nb}p.e.`);
  });
});
