/**
 * The memory budget: a whole `kompass check` (and `kompass export --format html`) process may
 * peak at no more than 20 times the file's size above the runtime's baseline, which is the peak
 * RSS of the same command on a tiny file. Measured on files up to the CLI's 10 MB limit (1, 5
 * and 9.9 MB, valid and with errors, and one 9.9 MB line), each run in its own process under
 * `/usr/bin/time`. Run alone with `npm run bench:memory`; `npm run bench` runs it too.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDocument } from './generate';
import { root } from './optional';
import type { ExtraFigure } from './results';

/** Peak RSS may exceed the baseline by at most this many times the file's size. */
export const rssPerByte = 20;

const megabyte = 1_000_000;

/** A document of about `bytes` bytes (never more): generated evaluations, valid or with errors. */
function documentOf(bytes: number, errors: boolean): string {
  const sample = generateDocument({ lines: 10_000, errors });
  let lines = Math.floor((10_000 * bytes) / Buffer.byteLength(sample));
  for (;;) {
    const text = generateDocument({ lines, errors });
    if (Buffer.byteLength(text) <= bytes) return text;
    lines = Math.floor(lines * 0.97);
  }
}

/**
 * The valid document of about `bytes` bytes on one line: text blocks made strings, comments
 * dropped, line breaks made spaces.
 */
export function longLineOf(bytes: number): string {
  return documentOf(bytes, false)
    .replace(
      /"""\n([\s\S]*?)\n\s*"""/g,
      (_, body: string) => `"${body.replace(/\s+/g, ' ').trim()}"`,
    )
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s*\n\s*/g, ' ');
}

interface Case {
  name: string;
  text: () => string;
}

const cases = (quick: boolean): Case[] => [
  { name: '1 MB valid', text: () => documentOf(megabyte, false) },
  { name: '1 MB with errors', text: () => documentOf(megabyte, true) },
  ...(quick
    ? []
    : [
        { name: '5 MB valid', text: () => documentOf(5 * megabyte, false) },
        { name: '5 MB with errors', text: () => documentOf(5 * megabyte, true) },
      ]),
  { name: '9.9 MB valid', text: () => documentOf(9.9 * megabyte, false) },
  { name: '9.9 MB with errors', text: () => documentOf(9.9 * megabyte, true) },
  { name: '9.9 MB on one line', text: () => longLineOf(9.9 * megabyte) },
];

const commands = {
  check: (file: string) => ['check', file],
  'export html': (file: string) => [
    'export',
    file,
    '--format',
    'html',
    '-o',
    `${file}.html`,
    '--force',
  ],
};

/** Peak RSS in MB of one whole CLI process, or why it could not be measured. */
function peakRss(args: string[]): number {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/kompass.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 600_000,
  });
  // 0 and 1 (the document has errors) are runs that finished.
  if (r.error || (r.status !== 0 && r.status !== 1)) {
    throw new Error(
      `kompass ${args.join(' ')}: exit ${r.status} ${r.error?.message ?? ''} ${r.stderr.slice(-500)}`,
    );
  }
  return Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) / 1024;
}

/** One measured row: a case under a command, against its budget. */
export interface MemoryRow {
  case: string;
  command: string;
  sizeMB: number;
  baselineMB: number;
  peakMB: number;
  budgetMB: number;
  /** (peak − baseline) ÷ size: the budget allows 20. */
  perByte: number;
  ok: boolean;
}

/** Measures every case; says what it measured as figures for the run, notes and a table. */
export function measureMemoryBudget(quick: boolean): {
  rows: MemoryRow[];
  figures: ExtraFigure[];
  notes: string[];
  table: string;
} {
  if (!existsSync('/usr/bin/time')) {
    const note = 'memory budget not measured: /usr/bin/time is missing (apt-get install time)';
    return { rows: [], figures: [], notes: [note], table: note };
  }
  if (!existsSync(resolve(root, 'dist'))) throw new Error('run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'kompass-memory-'));
  const rows: MemoryRow[] = [];
  try {
    const tiny = join(dir, 'tiny.kompass');
    writeFileSync(
      tiny,
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 score 5\n}\n',
    );
    const baseline = Object.fromEntries(
      Object.entries(commands).map(([name, args]) => [name, peakRss(args(tiny))]),
    );
    for (const c of cases(quick)) {
      const file = join(dir, 'document.kompass');
      const text = c.text();
      writeFileSync(file, text);
      const sizeMB = Buffer.byteLength(text) / megabyte;
      for (const [command, args] of Object.entries(commands)) {
        process.stderr.write(`  memory: ${command} ${c.name} ...\n`);
        const peakMB = peakRss(args(file));
        const baselineMB = baseline[command]!;
        const budgetMB = baselineMB + rssPerByte * sizeMB;
        rows.push({
          case: c.name,
          command,
          sizeMB,
          baselineMB,
          peakMB,
          budgetMB,
          perByte: (peakMB - baselineMB) / sizeMB,
          ok: peakMB <= budgetMB,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = formatMemoryTable(rows);
  return {
    rows,
    figures: rows.map((r) => ({
      name: `memory/${r.command}/${r.case}`,
      unit: 'MB' as const,
      value: r.peakMB,
    })),
    notes: rows
      .filter((r) => !r.ok)
      .map((r) => `memory budget MISSED: ${r.command} ${r.case}: ${r.peakMB.toFixed(0)} MB`),
    table,
  };
}

/** The rows as a Markdown table with PASS or FAIL on each. */
export function formatMemoryTable(rows: readonly MemoryRow[]): string {
  const head =
    `Memory budget: peak RSS of the whole CLI process ≤ baseline + ${rssPerByte} × file size ` +
    '(baseline: the same command on a tiny file)\n\n' +
    '| file | command | size | baseline | peak RSS | budget | (peak − baseline) ÷ size | |\n' +
    '|---|---|---|---|---|---|---|---|\n';
  const mb = (v: number) => `${v.toFixed(v >= 100 ? 0 : 1)} MB`;
  return (
    head +
    rows
      .map(
        (r) =>
          `| ${r.case} | ${r.command} | ${mb(r.sizeMB)} | ${mb(r.baselineMB)} | ${mb(r.peakMB)} | ` +
          `${mb(r.budgetMB)} | ${r.perByte.toFixed(1)}× | ${r.ok ? 'PASS' : 'FAIL'} |`,
      )
      .join('\n')
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/memoryBudget.ts')) {
  const r = measureMemoryBudget(process.argv.includes('--quick'));
  process.stdout.write(`${r.table}\n`);
  process.exit(r.rows.every((x) => x.ok) ? 0 : 1);
}
