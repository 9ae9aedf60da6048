import assert from 'node:assert/strict';
import { ByteWriter } from '../src/pdf/byteWriter';

/** What pdfkit writes for a string: each character's low byte (Node's `binary`). */
const binary = (s: string) => new Uint8Array(Buffer.from(s, 'binary'));

describe('report: PDF byte writer', () => {
  it('writes each character as its low byte, short pieces and long ones, ASCII or not', () => {
    const w = new ByteWriter(16);
    const pieces = [
      'BT',
      '(Åäö – ”) Tj',
      'x'.repeat(300),
      `${'y'.repeat(280)}ö${'z'.repeat(20)}`,
      '',
      '0.10588235294117647 0.12156862745098039 0.1411764705882353 scn',
      '\u{1F600}',
    ];
    for (const p of pieces) w.text(p);
    assert.deepEqual(w.take(), binary(pieces.join('')));
  });

  it('writes whole numbers as String does, bytes and single bytes in order', () => {
    const w = new ByteWriter(8);
    const numbers = [0, 7, 9, 10, 99, 100, 52777, 7822557, 2 ** 40, Number.MAX_SAFE_INTEGER];
    let expected = '';
    for (const n of numbers) {
      w.digits(n);
      w.byte(32);
      expected += `${n} `;
    }
    w.bytes(new Uint8Array([1, 2, 3]));
    const out = w.take();
    assert.equal(Buffer.from(out.subarray(0, -3)).toString('latin1'), expected);
    assert.deepEqual([...out.subarray(-3)], [1, 2, 3]);
  });

  it('takes pieces that stay as they were while more is written, in one block or across', () => {
    const w = new ByteWriter(8);
    const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    w.text('abc');
    const first = w.take();
    w.text('def');
    const second = w.take();
    w.text('ghijklmnop');
    const third = w.take();
    w.text('q');
    const fourth = w.take();
    assert.deepEqual([first, second, third, fourth].map(text), ['abc', 'def', 'ghijklmnop', 'q']);
    assert.equal(first.buffer, second.buffer, 'two pieces of one block share it');
  });

  it('crosses blocks, takes exactly what was written since the last take, after a prefix', () => {
    const w = new ByteWriter(4);
    w.text('abcdefghij');
    assert.equal(w.length, 10);
    assert.equal(Buffer.from(w.take()).toString('latin1'), 'abcdefghij');
    assert.equal(w.length, 0);
    w.text('kl');
    w.bytes(new Uint8Array(9).fill(65));
    const out = w.take([new Uint8Array([37, 80]), new Uint8Array([68])]);
    assert.equal(Buffer.from(out).toString('latin1'), '%PDklAAAAAAAAA');
    assert.equal(w.take().length, 0);
  });
});
