/**
 * `npm run bench`: every layer on generated documents of 100 to 100,000 lines (valid and with
 * errors) and on the Västerås sample, each in its own child process; the server over the real
 * protocol and the client's sizes when they exist; the growth check and the budget table.
 *
 * Flags: `--quick` (fewer runs, no 100,000-line documents), `--only NAME` (one document),
 * `--save-baseline` (write bench/baseline.json), `--docs` (rewrite the table in
 * docs/performance.md), `--render FILE` (format a saved run instead of measuring).
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetRows } from './budgets';
import { bundleLayers } from './bundle';
import { measureComparison } from './comparison';
import { measureClient, measureServer, measureWebServer } from './external';
import { generateDocument } from './generate';
import type { Growth } from './growth';
import type { AnalyzeOnly, DocumentSpec, LayerResult } from './layers';
import { machine } from './machine';
import { measureMemoryBudget } from './memoryBudget';
import { root } from './optional';
import { measurePdf } from './pdf';
import { formatPeerRun, type PeerRun, runPeerBench, writePeerDocs } from './peer';
import type { ExtraFigure, RunResult } from './results';
import { formatRun } from './table';

/** The documents measured, smallest first. */
export const documents: DocumentSpec[] = [
  { kind: 'sample', name: 'vasteras-2012', path: 'samples/vasteras-2012.kompass' },
  ...([100, 1_000, 10_000, 100_000] as const).flatMap((lines) =>
    [false, true].map(
      (errors): DocumentSpec => ({
        kind: 'generated',
        name: `gen-${lines >= 1000 ? `${lines / 1000}k` : lines}-${errors ? 'errors' : 'valid'}`,
        lines,
        errors,
      }),
    ),
  ),
];

function runChild<T>(
  bundle: string,
  spec: DocumentSpec,
  flags: string[],
  nodeFlags: string[] = [],
): T {
  const args = [...nodeFlags, bundle, JSON.stringify(spec), ...flags];
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, KOMPASS_ROOT: root },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`measuring ${spec.name} failed (exit ${r.status}):\n${r.stderr}`);
  }
  return JSON.parse(line) as T;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Runs the whole benchmark and returns what it measured. */
export async function runBench(options: {
  quick: boolean;
  only?: string;
  peer?: boolean;
}): Promise<RunResult> {
  const notes: string[] = [];
  const specs = documents.filter(
    (d) =>
      (options.only ? d.name === options.only : true) &&
      !(options.quick && d.kind === 'generated' && d.lines > 10_000),
  );
  const bundle = await bundleLayers();
  const results: LayerResult[] = [];
  for (const spec of specs) {
    process.stderr.write(`measuring ${spec.name} ...\n`);
    const r = runChild<LayerResult>(bundle, spec, options.quick ? ['--quick'] : []);
    r.rss.check = runChild<{ rss: number }>(bundle, spec, ['--rss']).rss;
    r.heap = runChild<{ heap: number }>(bundle, spec, ['--heap'], ['--expose-gc']).heap;
    for (const n of r.notes) if (!notes.includes(n) && !/^html \d/.test(n)) notes.push(n);
    results.push(r);
  }

  const extras: ExtraFigure[] = [];
  if (!options.only) {
    const sample = readFileSync(resolve(root, 'samples/vasteras-2012.kompass'), 'utf8');
    const large = generateDocument({ lines: 10_000 });
    process.stderr.write('measuring the server ...\n');
    const server = await measureServer(sample, large, options.quick);
    extras.push(...server.figures);
    notes.push(...server.notes);
    process.stderr.write('measuring the web worker server ...\n');
    const web = await measureWebServer(sample, options.quick);
    extras.push(...web.figures);
    notes.push(...web.notes);
    process.stderr.write('measuring the client ...\n');
    const client = await measureClient();
    extras.push(...client.figures);
    notes.push(...client.notes);
    process.stderr.write('measuring the comparison ...\n');
    const comparison = await measureComparison(options.quick);
    extras.push(...comparison.figures);
    notes.push(...comparison.notes);
    process.stderr.write('measuring the PDF ...\n');
    const pdf = await measurePdf(options.quick);
    extras.push(...pdf.figures);
    notes.push(...pdf.notes);
    process.stderr.write('measuring the memory budget ...\n');
    const memory = measureMemoryBudget(options.quick);
    process.stderr.write(`${memory.table}\n`);
    extras.push(...memory.figures);
    notes.push(...memory.notes);
  }

  // Side by side with the Langium peer, in the same run (skipped with --only or --no-peer).
  let peer: PeerRun | undefined;
  if (!options.only && options.peer !== false) {
    process.stderr.write('measuring against the peer ...\n');
    peer = await runPeerBench({ runs: options.quick ? 3 : 5, quick: options.quick });
  }

  // Past 100,000 lines: the analysis alone of 100,000 and 1,000,000 valid lines (57 MB of text).
  let growthBeyond: RunResult['growthBeyond'];
  if (!options.quick && !options.only) {
    process.stderr.write('measuring the analysis of 100,000 and 1,000,000 lines ...\n');
    const spec = (lines: number, name: string): DocumentSpec => ({
      kind: 'generated',
      name,
      lines,
      errors: false,
    });
    growthBeyond = {
      small: runChild<AnalyzeOnly>(bundle, spec(100_000, 'gen-100k-valid'), ['--analyze-only']),
      big: runChild<AnalyzeOnly>(bundle, spec(1_000_000, 'gen-1m-valid'), ['--analyze-only']),
    };
  }

  const growth: Record<string, number> = {};
  const interleaved: NonNullable<RunResult['interleaved']> = {};
  const byName = new Map(results.map((r) => [r.name, r]));
  for (const variant of ['valid', 'errors'] as const) {
    const small = byName.get(`gen-10k-${variant}`);
    const big = byName.get(`gen-100k-${variant}`);
    if (!small || !big) continue;
    // The analysis and the floor interleaved in one process (bench/growth.ts): the figure the
    // budget is about. The stages' ratios come from the medians above, each document measured
    // in its own process minutes apart, and move with the machine's load.
    process.stderr.write(`measuring growth 10k → 100k (${variant}), interleaved ...\n`);
    const spec = documents.find((d) => d.name === small.name)!;
    const g = runChild<Growth>(bundle, spec, ['--growth']);
    growth[`${variant}/analyze`] = g.analyze.ratio;
    growth[`${variant}/analyze-without-gc`] = g.analyze.ratioWithoutGc;
    growth[`${variant}/floor`] = g.floor.ratio;
    interleaved[variant] = g;
    for (const stage of ['lex', 'parse', 'check', 'lsp']) {
      const a = small.stages[stage]?.median;
      const b = big.stages[stage]?.median;
      if (a && b) growth[`${variant}/${stage} (medians)`] = b / a;
    }
  }

  const run: RunResult = {
    date: new Date().toISOString(),
    machine: machine(),
    documents: results,
    extras,
    growth,
    ...(Object.keys(interleaved).length > 0 ? { interleaved } : {}),
    ...(growthBeyond ? { growthBeyond } : {}),
    budgets: [],
    notes,
    ...(peer ? { peer } : {}),
  };
  run.budgets = budgetRows(run);
  return run;
}

const docsBegin = '<!-- bench:begin -->';
const docsEnd = '<!-- bench:end -->';

/** Replaces the generated part of docs/performance.md with this run's tables. */
export function writeDocs(text: string): void {
  const file = resolve(root, 'docs/performance.md');
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(docsBegin);
  const b = doc.indexOf(docsEnd);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${docsBegin} … ${docsEnd}`);
  writeFileSync(file, `${doc.slice(0, a + docsBegin.length)}\n${text}\n${doc.slice(b)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/run.ts')) {
  const quick = process.argv.includes('--quick');
  const only = arg('--only');
  const saved = arg('--render');
  const run: RunResult = saved
    ? (JSON.parse(readFileSync(resolve(root, saved), 'utf8')) as RunResult)
    : await runBench({
        quick,
        peer: !process.argv.includes('--no-peer'),
        ...(only ? { only } : {}),
      });
  // A saved run is judged by today's budgets.
  if (saved) run.budgets = budgetRows(run);
  const text = formatRun(run);
  process.stdout.write(`${text}\n`);
  if (run.peer) process.stdout.write(`\n${formatPeerRun(run.peer)}\n`);
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  process.stdout.write('\nsaved bench/results/latest.json\n');
  if (process.argv.includes('--save-baseline')) {
    writeFileSync(resolve(root, 'bench/baseline.json'), `${JSON.stringify(run, null, 2)}\n`);
    process.stdout.write('saved bench/baseline.json\n');
  }
  if (process.argv.includes('--docs')) {
    writeDocs(text);
    if (run.peer) writePeerDocs(formatPeerRun(run.peer));
    process.stdout.write('updated docs/performance.md\n');
  }
}
