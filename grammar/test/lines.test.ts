import assert from 'node:assert/strict';
import { LineIndex } from '../src/index';

describe('LineIndex', () => {
  it('maps offsets to lines and back with LF', () => {
    const li = new LineIndex('ab\ncd\n');
    assert.deepEqual(li.position(4), { line: 1, character: 1 });
    assert.equal(li.offset({ line: 1, character: 1 }), 4);
    assert.equal(li.lineCount, 3);
  });

  it('counts CRLF as one line break', () => {
    const li = new LineIndex('ab\r\ncd');
    assert.deepEqual(li.position(4), { line: 1, character: 0 });
    assert.equal(li.lineEnd(0), 2);
  });

  it('counts characters in UTF-16 code units (emoji take two)', () => {
    const text = 'å😀ö';
    const li = new LineIndex(text);
    assert.deepEqual(li.position(text.indexOf('ö')), { line: 0, character: 3 });
  });

  it('clamps positions outside the text', () => {
    const li = new LineIndex('ab\ncd');
    assert.equal(li.offset({ line: 9, character: 0 }), 5);
    assert.equal(li.offset({ line: 0, character: 99 }), 2);
    assert.deepEqual(li.position(99), { line: 1, character: 2 });
    assert.equal(li.offset({ line: -1, character: 0 }), 0);
  });
});
