/** Formats a run as Markdown tables (the terminal and docs/performance.md show the same). */

import type { RunResult } from './results';
import type { Stat } from './stats';
import { throughput } from './stats';

const stageOrder = [
  'lex',
  'parse',
  'check',
  'analyze',
  'lsp',
  'hover',
  'html',
  'pdf',
  'docx',
  'floor',
];

function ms(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function cell(s: Stat | undefined): string {
  return s ? `${ms(s.median)} / ${ms(s.p95)}` : '—';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The whole run as text: machine, layers, throughput, growth, extras, budgets, notes. */
export function formatRun(run: RunResult): string {
  const m = run.machine;
  const out: string[] = [];
  out.push(
    `Machine: ${m.nproc} cores (nproc), ${m.cpu}, node ${m.node}, ${m.platform}; load average ${m.load} at start; ${run.date.slice(0, 16)}Z.`,
  );
  out.push('');
  out.push('Per layer, milliseconds: median / p95 (after warm-up).');
  out.push('');
  out.push(row(['document', 'lines', 'MB', ...stageOrder]));
  out.push(row(['---', ...Array(stageOrder.length + 2).fill('---:')]));
  for (const d of run.documents) {
    out.push(
      row([
        d.name,
        String(d.lines),
        (d.bytes / 1e6).toFixed(2),
        ...stageOrder.map((s) => cell(d.stages[s])),
      ]),
    );
  }
  out.push('');
  out.push(
    'Throughput (MB/s, from medians), the analysis against the JSON.parse floor, and peak RSS in MB: of a fresh process checking the document once (`check`, what the budget is about), and of the measuring process at start / after the core’s repeated figures / at the end; `heap ÷ source`: the heap one analysis keeps, after garbage collection in a fresh process, against the source’s size.',
  );
  out.push('');
  out.push(
    row([
      'document',
      'lex',
      'parse',
      'analyze',
      'floor',
      'analyze ÷ floor',
      'diagnostics',
      'RSS check',
      'RSS measuring',
      'heap ÷ source',
    ]),
  );
  out.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const d of run.documents) {
    const mbs = (s: string) => {
      const st = d.stages[s];
      return st ? throughput(d.bytes, st.median).toFixed(1) : '—';
    };
    const a = d.stages.analyze?.median;
    const f = d.stages.floor?.median;
    out.push(
      row([
        d.name,
        mbs('lex'),
        mbs('parse'),
        mbs('analyze'),
        mbs('floor'),
        a && f ? `${(a / f).toFixed(1)}×` : '—',
        String(d.diagnostics),
        d.rss.check === undefined ? '—' : d.rss.check.toFixed(0),
        `${d.rss.base.toFixed(0)} / ${d.rss.core.toFixed(0)} / ${d.rss.peak.toFixed(0)}`,
        d.heap === undefined ? '—' : `${(d.heap / d.bytes).toFixed(1)}×`,
      ]),
    );
  }
  if (Object.keys(run.growth).length > 0) {
    out.push('');
    out.push(
      'Growth, time(100k) ÷ time(10k) (linear is 10; the budget is ≤ 11): `analyze`, `analyze-without-gc` and `floor` (JSON.parse of the same data) measured interleaved in one process (`bench/growth.ts`), the stages from the medians above:',
    );
    out.push('');
    out.push(row(['figure', 'ratio']));
    out.push(row(['---', '---:']));
    for (const [k, v] of Object.entries(run.growth)) out.push(row([k, v.toFixed(2)]));
    const gc = (name: string) => run.documents.find((d) => d.name === name)?.analyzeGcMs;
    const pauses = ['gen-10k-valid', 'gen-100k-valid', 'gen-10k-errors', 'gen-100k-errors']
      .map((name) => [name, gc(name)] as const)
      .filter((x): x is readonly [string, number] => x[1] !== undefined)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
    if (pauses.length > 0) {
      out.push('');
      out.push(`Garbage collection per analysis (pauses summed): ${pauses.join(', ')}.`);
    }
    for (const [variant, g] of Object.entries(run.interleaved ?? {})) {
      if (!g) continue;
      const a = g.analyze;
      out.push('');
      out.push(
        `Interleaved, ${variant}, ${g.rounds} rounds of ten 10k analyses and one 100k: ${a.smallMs.toFixed(2)} ms (GC ${a.smallGcMs.toFixed(2)}) and ${a.bigMs.toFixed(1)} ms (GC ${a.bigGcMs.toFixed(1)}) per analysis; floor ${g.floor.smallMs.toFixed(2)} and ${g.floor.bigMs.toFixed(1)} ms.`,
      );
    }
  }
  const beyond = run.growthBeyond;
  if (beyond) {
    const ratio = beyond.big.analyze.median / beyond.small.analyze.median;
    out.push('');
    out.push(
      `Past V8's young generation, valid lines, the analysis alone, each document in a fresh process: 100,000 lines ${beyond.small.analyze.median.toFixed(0)} ms (GC ${beyond.small.analyzeGcMs.toFixed(0)} ms), 1,000,000 lines ${beyond.big.analyze.median.toFixed(0)} ms (GC ${beyond.big.analyzeGcMs.toFixed(0)} ms): growth ${ratio.toFixed(2)}×.`,
    );
  }
  if (run.extras.length > 0) {
    out.push('');
    out.push('Server (real protocol) and client:');
    out.push('');
    out.push(row(['figure', 'median', 'p95']));
    out.push(row(['---', '---:', '---:']));
    for (const x of run.extras) {
      out.push(
        row([
          x.name,
          `${ms(x.value)} ${x.unit}`,
          x.p95 === undefined ? '—' : `${ms(x.p95)} ${x.unit}`,
        ]),
      );
    }
  }
  out.push('');
  out.push('Budgets (medians):');
  out.push('');
  out.push(row(['figure', 'budget', 'measured', 'result']));
  out.push(row(['---', '---', '---:', '---']));
  for (const b of run.budgets) {
    out.push(
      row([
        b.figure,
        b.budget,
        b.measured,
        b.ok === undefined ? 'not measured' : b.ok ? 'OK' : 'MISSED',
      ]),
    );
  }
  if (run.notes.length > 0) {
    out.push('');
    for (const n of run.notes) out.push(`- ${n}`);
  }
  return out.join('\n');
}
