import assert from 'node:assert/strict';
import { generateDocument } from '../../bench/generate';
import { hover } from '../../grammar/src/features/index';
import {
  analyzeText,
  defaultMaxDocumentSize,
  LineIndex,
  maxDiagnostics,
} from '../../grammar/src/index';
import { checkAnalysis, fuzzUri, sampleHost } from './pipeline';

// Generous bounds: CI machines are slow and shared; these catch hangs and quadratic blow-ups.
const boundMs = 20_000;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

function analyzeBounded(text: string, options: { maxDocumentSize?: number } = {}) {
  const { value: analysis, ms } = timed(() =>
    analyzeText(text, { uri: fuzzUri, host: sampleHost, ...options }),
  );
  assert.ok(ms < boundMs, `analysis took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  checkAnalysis(analysis, text);
  // The server converts every diagnostic to a position; that must stay bounded too.
  const index = new LineIndex(text);
  const { ms: lspMs } = timed(() =>
    analysis.diagnostics.map((d) => [index.position(d.start), index.position(d.end)]),
  );
  assert.ok(lspMs < boundMs, `LSP conversion took ${lspMs.toFixed(0)} ms`);
  const { ms: hoverMs } = timed(() => hover(analysis, text.length >> 1));
  assert.ok(hoverMs < boundMs, `hover took ${hoverMs.toFixed(0)} ms`);
  return analysis;
}

const header = 'evaluation "Stor" {\n  framework "kommunkompassen-2.0"\n';

describe('large inputs', function () {
  this.timeout(120_000);

  it('checks a 10 MB document just under the size limit', () => {
    let text = generateDocument({ lines: 200_000 });
    text = text.slice(0, text.lastIndexOf('\nevaluation', defaultMaxDocumentSize - 1));
    assert.ok(text.length > 9_000_000 && text.length <= defaultMaxDocumentSize);
    const a = analyzeBounded(text);
    assert.ok(a.evaluations.length > 300);
    assert.equal(a.diagnostics.filter((d) => d.code === 'KK050').length, 0);
    assert.equal(a.diagnostics.length, 0);
  });

  it('reports KK050, and does not parse, past maxDocumentSize', () => {
    const text = `${header}}\n${'// fyllnad\n'.repeat(Math.ceil((defaultMaxDocumentSize + 10) / 11))}`;
    assert.ok(text.length > defaultMaxDocumentSize);
    const { value: a, ms } = timed(() => analyzeBounded(text));
    assert.deepEqual(
      a.diagnostics.map((d) => d.code),
      ['KK050'],
    );
    assert.equal(a.evaluations.length, 0);
    assert.ok(ms < 2_000, `a document too large to check still took ${ms.toFixed(0)} ms`);
  });

  it('honours a smaller maxDocumentSize', () => {
    const text = generateDocument({ lines: 1_000 });
    const a = analyzeBounded(text, { maxDocumentSize: 10_000 });
    assert.equal(a.diagnostics[0]?.code, 'KK050');
    assert.match(a.diagnostics[0]!.message, /\b10\s?kB\b/);
  });

  it('checks a single 1 MB line of statements', () => {
    const body = 'question 1.1 5/15 '.repeat(Math.ceil(1_000_000 / 18));
    const text = `evaluation "En rad" { framework "kommunkompassen-2.0" area 1 { ${body} } }`;
    assert.ok(text.length > 1_000_000);
    const a = analyzeBounded(text);
    assert.ok(a.diagnostics.some((d) => d.code === 'KK014'));
  });

  it('checks a single 1 MB string, comment and text block', () => {
    const big = 'å'.repeat(1_000_000);
    for (const text of [
      `${header}  organisation "${big}"\n}`,
      `${header}  organisation "${big}\n}`,
      `// ${big}\n${header}}`,
      `${header}  summary """${big}"""\n}`,
      `${header}  summary """${big}\n}`,
    ]) {
      analyzeBounded(text);
    }
  });

  /** Diagnostics with `code` shown, plus those the final KK050 says were left out (the cap). */
  const reported = (a: { diagnostics: { code: string; message: string }[] }, code: string) => {
    assert.ok(a.diagnostics.length <= maxDiagnostics);
    const last = a.diagnostics.at(-1)!;
    const more = last.code === 'KK050' ? Number(/^(\d+)/.exec(last.message)?.[1] ?? 0) : 0;
    return a.diagnostics.filter((d) => d.code === code).length + more;
  };

  it('checks 100,000 areas', () => {
    const areas: string[] = [];
    for (let i = 1; i <= 100_000; i++) areas.push(`  area ${i} score 1`);
    const text = `${header}${areas.join('\n')}\n}\n`;
    const a = analyzeBounded(text);
    assert.ok(reported(a, 'KK012') >= 99_992);
  });

  it('checks 100,000 repetitions of the same area', () => {
    const text = `${header}${'  area 1 score 1\n'.repeat(100_000)}}\n`;
    const a = analyzeBounded(text);
    assert.ok(reported(a, 'KK014') >= 99_999);
  });

  it('checks 100,000 questions in one area and deep nesting of braces', () => {
    const qs = '    question 1.1 5\n'.repeat(100_000);
    analyzeBounded(`${header}  area 1 {\n${qs}  }\n}\n`);
    analyzeBounded(`${header}${'{'.repeat(100_000)}${'}'.repeat(100_000)}`);
    analyzeBounded('{'.repeat(200_000));
  });
});
