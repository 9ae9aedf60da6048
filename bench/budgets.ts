/** The performance budgets (medians on the 2-core reference machine) and how a run meets them. */

import type { BudgetRow, RunResult } from './results';

interface Budget {
  figure: string;
  /** Where the figure comes from: `document/stage`, `document/rss`, an extra's name, or `growth/...`. */
  source: string;
  limit: number;
  unit: 'ms' | 'MB' | '×';
  /** `<` for a strict bound (RSS, sizes), `≤` otherwise. */
  strict?: boolean;
}

/** Every budget the project has promised. */
export const budgets: readonly Budget[] = [
  {
    figure: 'Västerås sample: parse + all checks',
    source: 'vasteras-2012/analyze',
    limit: 2,
    unit: 'ms',
  },
  { figure: 'Västerås sample: HTML render', source: 'vasteras-2012/html', limit: 20, unit: 'ms' },
  { figure: 'Västerås sample: PDF render', source: 'vasteras-2012/pdf', limit: 1500, unit: 'ms' },
  {
    figure: '100,000 lines (valid): check',
    source: 'gen-100k-valid/analyze',
    limit: 500,
    unit: 'ms',
  },
  {
    figure: '100,000 lines (errors): check',
    source: 'gen-100k-errors/analyze',
    limit: 500,
    unit: 'ms',
  },
  {
    figure: '100,000 lines (valid): peak RSS',
    source: 'gen-100k-valid/rss',
    limit: 300,
    unit: 'MB',
    strict: true,
  },
  {
    figure: '100,000 lines (errors): peak RSS',
    source: 'gen-100k-errors/rss',
    limit: 300,
    unit: 'MB',
    strict: true,
  },
  {
    figure: 'Growth 10k → 100k lines (analysis, valid, interleaved)',
    source: 'growth/valid/analyze',
    limit: 11,
    unit: '×',
  },
  {
    figure: 'Growth 10k → 100k lines (analysis, errors, interleaved)',
    source: 'growth/errors/analyze',
    limit: 11,
    unit: '×',
  },
  {
    figure: 'Server: edit → diagnostics, sample',
    source: 'server/sample/diagnostics',
    limit: 20,
    unit: 'ms',
  },
  { figure: 'Server: hover, sample', source: 'server/sample/hover', limit: 5, unit: 'ms' },
  {
    figure: 'Server: edit → diagnostics, 10,000 lines',
    source: 'server/10k/diagnostics',
    limit: 150,
    unit: 'ms',
  },
  {
    figure: 'Heap kept after analysing 10,000 lines (valid), ÷ source size',
    source: 'gen-10k-valid/heap',
    limit: 4,
    unit: '×',
  },
  {
    figure: 'Heap kept after analysing 100,000 lines (valid), ÷ source size',
    source: 'gen-100k-valid/heap',
    limit: 4,
    unit: '×',
  },
  { figure: 'Extension activation', source: 'client/activate', limit: 50, unit: 'ms' },
  {
    figure: 'kompass summary, 300 evaluations × 250 lines (whole process)',
    source: 'compare/summary-300',
    limit: 1000,
    unit: 'ms',
  },
  {
    figure: 'Comparison webview: first draw of 300 evaluations',
    source: 'compare/webview-300',
    limit: 500,
    unit: 'ms',
  },
  { figure: '.vsix size', source: 'client/vsix', limit: 2, unit: 'MB', strict: true },
];

/** The measured value behind a budget's source, if the run has it. */
export function measured(run: RunResult, source: string): number | undefined {
  if (source.startsWith('growth/')) return run.growth[source.slice('growth/'.length)];
  const extra = run.extras.find((x) => x.name === source);
  if (extra) return extra.unit === 'KB' ? extra.value / 1024 : extra.value;
  const slash = source.lastIndexOf('/');
  const doc = run.documents.find((d) => d.name === source.slice(0, slash));
  const stage = source.slice(slash + 1);
  if (!doc) return undefined;
  if (stage === 'rss') return doc.rss.check ?? doc.rss.core;
  if (stage === 'heap') return doc.heap === undefined ? undefined : doc.heap / doc.bytes;
  return doc.stages[stage]?.median;
}

function show(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(digits)} ${unit}`;
}

/** The budget table of a run: figure, budget, measured, OK / MISSED / not measured. */
export function budgetRows(run: RunResult): BudgetRow[] {
  return budgets.map((b) => {
    const v = measured(run, b.source);
    return {
      figure: b.figure,
      budget: `${b.strict ? '<' : '≤'} ${show(b.limit, b.unit)}`,
      measured: v === undefined ? '—' : show(v, b.unit),
      ok: v === undefined ? undefined : b.strict ? v < b.limit : v <= b.limit,
    };
  });
}
