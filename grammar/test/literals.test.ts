import assert from 'node:assert/strict';
import { decodeString, decodeTextBlock } from '../src/literals';

describe('literals', () => {
  it('decodes the four escapes', () => {
    assert.equal(decodeString('"a\\"b\\\\c\\nd\\te"').value, 'a"b\\c\nd\te');
  });

  it('keeps an unknown escape and says where it is', () => {
    const d = decodeString('"a\\qb"');
    assert.equal(d.value, 'aqb');
    assert.deepEqual(d.badEscapes, [2]);
  });

  it('notices a string whose last quote is escaped', () => {
    assert.equal(decodeString('"abc\\"').unterminated, true);
    assert.equal(decodeString('"abc\\\\"').unterminated, false);
  });

  it('removes the common indentation of a text block', () => {
    const d = decodeTextBlock('"""\n    Första\n      indrag\n\n    Sista\n  """');
    assert.equal(d.value, 'Första\n  indrag\n\nSista');
  });

  it('keeps text written right after the opening quotes', () => {
    assert.equal(decodeTextBlock('"""Kort"""').value, 'Kort');
    assert.equal(decodeTextBlock('"""Rad ett\n    rad två\n    """').value, 'Rad ett\nrad två');
  });

  it('marks an unterminated text block', () => {
    assert.equal(decodeTextBlock('"""abc').unterminated, true);
    assert.equal(decodeTextBlock('"""abc"""').unterminated, false);
  });
});
