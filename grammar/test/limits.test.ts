import assert from 'node:assert/strict';
import { analyzeText, maxDiagnostics, parse, severityCounts, sum, Workspace } from '../src/index';
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

  it('an edit that nests 309 unclosed areas is re-parsed without overflowing (fuzz case)', () => {
    const ws = new Workspace();
    const before = 'evaluation "x" {\n  framework "kommunkompassen-2.0"\n  area 1 score 5\n}\n';
    ws.set('mem:/a.kompass', before);
    ws.analyze('mem:/a.kompass');
    ws.set('mem:/a.kompass', before.replace('  area 1 score 5', `${'area 1 {\n'.repeat(309)}`));
    const a = ws.analyze('mem:/a.kompass');
    assert.ok(a.diagnostics.some((d) => /djupare än 32/.test(d.message)));
  });

  it('a long run of stray words far from any resync point parses in linear time (fuzz case)', () => {
    // A text block spilled into code: each stray word once made recovery scan ahead to the end
    // and rewind, seconds for 16,000 words and minutes for this many; the mocha timeout catches it.
    const words = 'x\n'.repeat(20_000);
    const text = `framework "f" {\n  area 2 " summary """x\n${words}${'area 1 {\n'.repeat(31)}${words}""" Inv" max 40 {\n    question 2.1 "q" max 15\n  }\n}\n`;
    const { errors } = parse(text);
    assert.ok(errors.length >= 1 && errors.length <= 5, `${errors.length} errors`);
    assert.ok(errors.some((e) => e.problem.kind === 'unterminatedTextBlock'));
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

describe('limits: cost and numeric edges', () => {
  it('a document with 5,000 errors reports 1,000 diagnostics, the last saying how many more', () => {
    const text = `evaluation "x" {\n${'  @\n'.repeat(5000)}}`;
    const a = analyzeText(text);
    assert.equal(a.diagnostics.length, maxDiagnostics);
    const last = a.diagnostics[a.diagnostics.length - 1]!;
    assert.equal(last.code, 'KK050');
    assert.equal(last.severity, 'error');
    assert.match(last.message, /^\d+ problem till visas inte/);
    const shown = a.diagnostics.length - 1;
    const more = Number(/^(\d+)/.exec(last.message)![1]);
    assert.ok(shown + more >= 5000);
    // What the cap left out is counted by severity, so totals stay whole.
    const omitted = a.omitted!;
    assert.equal(omitted.errors + omitted.warnings + omitted.information, more);
    assert.ok(omitted.errors > 0);
  });

  it('an analysis under the cap leaves nothing out', () => {
    assert.equal(analyzeText('evaluation "x" {\n  @\n}').omitted, undefined);
  });

  it('severity counts take in what the cap left out, not the KK050 standing for it', () => {
    // 1,500 evaluations without a framework: one KK030 error each.
    const text = `${'evaluation "E" { area 1 { question 1.1 3/5 } }\n'.repeat(1500)}`;
    const a = analyzeText(text);
    assert.equal(a.diagnostics.length, maxDiagnostics);
    assert.deepEqual(severityCounts(a), { errors: 1500, warnings: 0, information: 0 });
    const few = analyzeText('evaluation "E" { area 1 { question 1.1 3/5 } }\n');
    assert.deepEqual(severityCounts(few), { errors: 1, warnings: 0, information: 0 });
  });

  it('0.0000004 + 0.0000004 sums to a stated 0.0000008 without a false KK020', () => {
    assert.equal(sum([0.0000004, 0.0000004]), 0.0000008);
    assert.equal(sum([0.1, 0.2]), 0.3);
    assert.equal(sum([1e-12, 1]), 1.000000000001);
    assert.equal(sum([14, 14.5, -0.25]), 28.25);
  });

  it('areas unknown to the framework do not count in the total', () => {
    const a = analyzeText(
      'evaluation "x" {\n  framework "kommunkompassen-2.0"\n  area 1 score 50\n  area 9 score 4950000\n}',
    );
    const ev = a.evaluations[0]!;
    assert.equal(ev.total, 50);
    assert.equal(ev.max, 800);
    assert.ok(ev.percent <= 100);
  });
});
