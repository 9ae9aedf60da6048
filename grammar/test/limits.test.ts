import assert from 'node:assert/strict';
import { analyzeText, parse, Workspace } from '../src/index';
import { maxNesting } from '../src/parse';

const nested = (n: number, close = true) =>
  `evaluation "x" {\n  framework "kommunkompassen-2.0"\n${'area 1 {\n'.repeat(n)}${close ? '}'.repeat(n) : ''}\n}`;

describe('limits: deep nesting and long tokens', () => {
  it('128 nested areas (the 1 kB file that overflowed the stack) give one KK001 instead', () => {
    const a = analyzeText(nested(128));
    const kk001 = a.diagnostics.filter((d) => d.code === 'KK001');
    assert.equal(kk001.length, 1);
    assert.equal(
      kk001[0]!.message,
      `Nästlingen är djupare än ${maxNesting} nivåer; det som ligger djupare läses inte`,
    );
  });

  it('100,000 nested areas, unclosed, parse without throwing', () => {
    const r = parse(nested(100_000, false));
    assert.ok(r.errors.some((e) => e.problem.kind === 'tooDeep'));
    assert.equal(r.document.blocks.length, 1);
  });

  it('nesting up to the limit is parsed in full, with no nesting error', () => {
    const r = parse(nested(maxNesting - 1));
    assert.ok(!r.errors.some((e) => e.problem.kind === 'tooDeep'));
  });

  it('what follows a too-deep region is still read', () => {
    const text = `${nested(maxNesting + 5).slice(0, -2)}\n  summary "after"\n}`;
    const a = analyzeText(text);
    const top = a.parse.document.blocks[0]!;
    assert.ok(top.body!.statements.some((s) => s.kind === 'summary'));
  });

  it('a string of 8.4 million characters lexes as one string', () => {
    const long = 'a'.repeat(8_400_000);
    const r = parse(`evaluation "x" { summary "${long}" }`);
    assert.deepEqual(r.errors, []);
    assert.equal(r.tokenCount, 6);
  });

  it('an unterminated string of 8.4 million characters is one error', () => {
    const r = parse(`evaluation "x" { summary "${'a'.repeat(8_400_000)}\n}`);
    assert.deepEqual(
      r.errors.map((e) => e.problem.kind),
      ['unterminatedString'],
    );
  });

  it('a framework file with an 8.4-million-character name is still seen as a framework', () => {
    const ws = new Workspace();
    const name = 'b'.repeat(8_400_000);
    ws.set('mem:/fw.kompass', `framework "${name}" { area 1 "A" { question 1.1 "Q" max 5 } }`);
    assert.ok(ws.framework(name));
  });
});
