/**
 * The PDF figures (issue 13's goals): the sample's PDF in process (warm, the least of several
 * renders, which a loaded machine disturbs least), the sample's PDF as a whole command
 * (`kompass export … --format pdf`, a fresh process each run), and a 10,000-line document's PDF
 * as a whole command with its peak RSS; the files' sizes beside them.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Workspace } from '../grammar/src/index';
import { generateDocument } from './generate';
import { root } from './optional';
import type { ExtraFigure } from './results';
import { summarise } from './stats';

/**
 * Printed by the child at exit (preloaded with `-r`): its peak RSS in KiB and its CPU time (user +
 * system, all its threads) in microseconds; on a shared machine CPU time is the steadier figure.
 */
const rssProbe =
  "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nkompass-bench-maxrss ' + process.resourceUsage().maxRSS + ' cpu ' + (u.user + u.system) + '\\n'); });\n";

/** One run of a command: wall time, CPU time (user + system) and peak RSS. */
interface CommandRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/** Runs node with the probe and `args` in a fresh process; its wall time, CPU time and peak RSS. */
function runOnce(probe: string, args: readonly string[], what: string): CommandRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const probed = /kompass-bench-maxrss (\d+) cpu (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !probed) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr}`);
  return { ms, cpuMs: Number(probed[2]) / 1000, rssMb: Number(probed[1]) / 1024 };
}

/** Runs `kompass export FILE --format pdf` in a fresh process. */
function exportOnce(probe: string, source: string, out: string): CommandRun {
  const bin = resolve(root, 'bin/kompass.js');
  const args = [bin, 'export', source, '--format', 'pdf', '-o', out, '--force'];
  return runOnce(probe, args, 'kompass export --format pdf');
}

/**
 * A bare `node -e 0` with the same probe: the machine's own floor for a command, taken between
 * the command's runs. This machine's speed changes by half or more between days and within an
 * hour (`node -e 0` 50–70 ms one day, 130 ms another), so a command's time means little without
 * the floor taken beside it.
 */
function nodeStartOnce(probe: string): CommandRun {
  return runOnce(probe, ['-e', '0'], 'node -e 0');
}

/** Measures the PDF figures; `quick` takes fewer runs. */
export async function measurePdf(
  quick: boolean,
): Promise<{ figures: ExtraFigure[]; notes: string[] }> {
  const figures: ExtraFigure[] = [];
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kompass-bench-pdf-'));
  try {
    const probe = join(dir, 'rss.cjs');
    writeFileSync(probe, rssProbe);
    const sample = resolve(root, 'samples/vasteras-2012.kompass');
    const text = readFileSync(sample, 'utf8');

    // In process, warm: the renderer as the preview's export and the bench's layers call it.
    const { renderReport } = await import('../report/src/index');
    const ws = new Workspace();
    ws.set('file:///vasteras-2012.kompass', text);
    const analysis = ws.analyze('file:///vasteras-2012.kompass');
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (quick ? 4 : 10); i++) {
      const t = performance.now();
      const out = await renderReport(analysis, 'pdf', { sourceText: text });
      runs.push(performance.now() - t);
      bytes = out.length;
    }
    // The first render loads and parses the fonts and warms the code: not a warm figure.
    const warm = summarise(runs.slice(1));
    figures.push({ name: 'pdf/sample-in-process-min', unit: 'ms', value: warm.min });
    figures.push({ name: 'pdf/sample-in-process', unit: 'ms', value: warm.median, p95: warm.p95 });
    figures.push({ name: 'pdf/sample-first-in-process', unit: 'ms', value: runs[0]! });
    figures.push({ name: 'pdf/sample-size', unit: 'KB', value: bytes / 1024 });

    const whole: CommandRun[] = [];
    const floor: CommandRun[] = [];
    const out = join(dir, 'sample.pdf');
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      floor.push(nodeStartOnce(probe));
      whole.push(exportOnce(probe, sample, out));
    }
    const w = summarise(whole.map((r) => r.ms));
    const cpu = summarise(whole.map((r) => r.cpuMs));
    figures.push({ name: 'pdf/sample-command-min', unit: 'ms', value: w.min });
    figures.push({ name: 'pdf/sample-command', unit: 'ms', value: w.median, p95: w.p95 });
    figures.push({ name: 'pdf/sample-command-cpu-min', unit: 'ms', value: cpu.min });
    figures.push({ name: 'pdf/sample-command-cpu', unit: 'ms', value: cpu.median });
    figures.push({
      name: 'pdf/sample-command-rss',
      unit: 'MB',
      value: Math.max(...whole.map((r) => r.rssMb)),
    });

    const large = join(dir, 'gen-10k.kompass');
    writeFileSync(large, generateDocument({ lines: 10_000 }));
    const bigOut = join(dir, 'gen-10k.pdf');
    const big: CommandRun[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      floor.push(nodeStartOnce(probe));
      big.push(exportOnce(probe, large, bigOut));
    }
    figures.push({
      name: 'pdf/10k-command-min',
      unit: 'ms',
      value: Math.min(...big.map((b) => b.ms)),
    });
    figures.push({
      name: 'pdf/10k-command-cpu-min',
      unit: 'ms',
      value: Math.min(...big.map((b) => b.cpuMs)),
    });
    figures.push({
      name: 'pdf/10k-command-rss',
      unit: 'MB',
      value: Math.max(...big.map((b) => b.rssMb)),
    });
    figures.push({ name: 'pdf/10k-size', unit: 'KB', value: statSync(bigOut).size / 1024 });
    figures.push({
      name: 'pdf/node-start-min',
      unit: 'ms',
      value: Math.min(...floor.map((f) => f.ms)),
    });
    notes.push(
      `pdf: in-process figures are warm renders of the sample (the least and the median of ${runs.length - 1}); command figures spawn bin/kompass.js export --format pdf each run (wall time; -cpu rows: user + system time of the child); node-start-min is a bare node -e 0 spawned before each command run, the machine's floor in the same minutes`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, notes };
}

// `npm run bench:pdf [-- --quick]`: the PDF figures alone, with the load average around them.
if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/pdf.ts')) {
  const before = loadavg()[0]!;
  const started = new Date().toISOString().slice(0, 16);
  const { figures, notes } = await measurePdf(process.argv.includes('--quick'));
  for (const f of figures) {
    const p95 = f.p95 === undefined ? '' : ` (p95 ${f.p95.toFixed(0)})`;
    process.stdout.write(
      `${f.name.padEnd(28)} ${f.value.toFixed(0).padStart(7)} ${f.unit}${p95}\n`,
    );
  }
  for (const n of notes) process.stdout.write(`${n}\n`);
  process.stdout.write(
    `${started}Z, node ${process.version}, load average ${before.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end\n`,
  );
}
