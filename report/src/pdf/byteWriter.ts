/**
 * Bytes written as pdfkit writes text: each character as its low byte (Node's `binary`), into
 * blocks that are filled one after another and copied out once. The PDF's output (output.ts) and
 * the pages' content (contentBuffer.ts) are written this way, so that no piece of either becomes
 * an object of its own.
 */

import { joinBytes } from '../bytes';

/** Pieces up to this long are copied a character at a time; longer ones by the encoder. */
const shortPiece = 256;

const encoder = new TextEncoder();

/** A growing run of bytes, taken out in pieces. */
export class ByteWriter {
  /** Earlier parts of what has been written since the last `take`, in blocks now full. */
  private readonly full: Uint8Array[] = [];
  private block: Uint8Array;
  private at = 0;
  /** Where in `block` what has been written since the last `take` starts. */
  private mark = 0;
  /** Bytes in `full`. */
  private before = 0;

  constructor(private readonly blockSize: number) {
    this.block = new Uint8Array(blockSize);
  }

  /** How many bytes have been written since the last `take`. */
  get length(): number {
    return this.before + this.at - this.mark;
  }

  /** Makes room for `n` bytes in the current block. */
  private room(n: number): void {
    if (this.at + n <= this.block.length) return;
    if (this.at > this.mark) {
      this.full.push(this.block.subarray(this.mark, this.at));
      this.before += this.at - this.mark;
    }
    this.block = new Uint8Array(Math.max(this.blockSize, n));
    this.at = 0;
    this.mark = 0;
  }

  /** Writes a string, each character as its low byte. */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const block = this.block;
    const at = this.at;
    // The encoder stops short at a character that is not ASCII (two bytes or more); such a piece
    // is then copied a character at a time, as a short one is.
    if (n > shortPiece) {
      const done = encoder.encodeInto(s, block.subarray(at, at + n));
      if (done.read === n && done.written === n) {
        this.at = at + n;
        return;
      }
    }
    for (let i = 0; i < n; i++) block[at + i] = s.charCodeAt(i) & 255;
    this.at = at + n;
  }

  /** Writes one byte. */
  byte(b: number): void {
    this.room(1);
    this.block[this.at++] = b;
  }

  /** Writes bytes as they are. */
  bytes(data: Uint8Array): void {
    const n = data.length;
    this.room(n);
    const block = this.block;
    const at = this.at;
    // A few bytes (a word's glyph codes) are copied faster by hand than by `set`.
    if (n > shortPiece) block.set(data, at);
    else for (let i = 0; i < n; i++) block[at + i] = data[i]!;
    this.at = at + n;
  }

  /** Writes a whole number that is not negative in decimal digits, as `String(n)` would. */
  digits(n: number): void {
    if (n < 10) {
      this.byte(48 + n);
      return;
    }
    let count = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) count++;
    this.room(count);
    const block = this.block;
    let at = this.at + count;
    this.at = at;
    for (let m = n; at > this.at - count; m = Math.floor(m / 10)) block[--at] = 48 + (m % 10);
  }

  /**
   * The bytes written since the last `take`, after `before` if given, as one array of exactly
   * their length. When they lie in one block, that is a view of it, not a copy: the block is
   * never written over, and what comes next goes after them.
   */
  take(before: readonly Uint8Array[] = []): Uint8Array {
    if (before.length === 0 && this.full.length === 0) {
      const view = this.block.subarray(this.mark, this.at);
      this.mark = this.at;
      return view;
    }
    const out = joinBytes([...before, ...this.full, this.block.subarray(this.mark, this.at)]);
    this.full.length = 0;
    this.before = 0;
    this.mark = this.at;
    return out;
  }
}
