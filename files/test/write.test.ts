import * as assert from 'node:assert/strict';
import { constants } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputFile } from '../src/write';

describe('writing an output file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes text and bytes given in pieces, in order', () => {
    const out = join(dir, 'report.html');
    const pieces = ['<p>', new TextEncoder().encode('Västerås – '), 'å'.repeat(70_000), '</p>'];
    assert.equal(writeOutputFile(out, pieces, { inputs: [], replace: false }), undefined);
    assert.equal(readFileSync(out, 'utf8'), `<p>Västerås – ${'å'.repeat(70_000)}</p>`);
  });

  it('writes a file longer than the longest string JavaScript can hold', function () {
    this.timeout(120_000);
    const out = join(dir, 'huge.html');
    const piece = 'x'.repeat(1 << 22);
    const count = Math.floor(constants.MAX_STRING_LENGTH / piece.length) + 1;
    function* pieces() {
      for (let i = 0; i < count; i++) yield piece;
    }
    assert.equal(writeOutputFile(out, pieces(), { inputs: [], replace: false }), undefined);
    const size = statSync(out).size;
    assert.equal(size, count * piece.length);
    assert.ok(size > constants.MAX_STRING_LENGTH);
  });

  it('stops when the pieces fail, leaving neither the file nor a temporary one', () => {
    const out = join(dir, 'broken.html');
    function* pieces() {
      yield '<p>begun</p>';
      throw new RangeError('Invalid string length');
    }
    assert.throws(
      () => writeOutputFile(out, pieces(), { inputs: [], replace: false }),
      /Invalid string length/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it('leaves an existing file as it was when the pieces fail, even when told to replace it', () => {
    const out = join(dir, 'kept.html');
    writeFileSync(out, 'before');
    function* pieces() {
      yield 'after';
      throw new Error('layout failed');
    }
    assert.throws(() => writeOutputFile(out, pieces(), { inputs: [], replace: true }));
    assert.equal(readFileSync(out, 'utf8'), 'before');
    assert.deepEqual(readdirSync(dir), ['kept.html']);
  });
});
