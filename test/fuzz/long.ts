/**
 * `npm run fuzz`: the fuzz properties for a long time. FUZZ_RUNS cases in all (default 100,000),
 * shared between the properties by weight, in chunks of FUZZ_CHUNK with seeds FUZZ_SEED,
 * FUZZ_SEED+1, … (FUZZ_ONLY=text keeps the properties whose name holds it). Prints the cases run,
 * the failures (deduplicated by message), the slowest case and the seed; exits 1 on any failure.
 * FUZZ_PDF_EVERY (default 500) renders a PDF for one case in so many of each chunk.
 *
 * Every case is named by its property, its chunk's seed and its index in the chunk, and
 * `FUZZ_REPLAY=property:seed:index npm run fuzz` runs that one case alone. A case that throws is
 * shrunk to a minimal input. A case over its time bound is a failure too, but is not shrunk
 * (shrinking would run hundreds of slow variants) and the chunk goes on. A case still running
 * after FUZZ_STALL_S seconds (default 120) is a hang: a watchdog thread prints it and ends the run.
 */

import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { BoundExceeded } from './pipeline';
import { type FuzzProperty, properties, show } from './properties';

const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const chunk = Number(process.env.FUZZ_CHUNK ?? 1_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const pdfEvery = Number(process.env.FUZZ_PDF_EVERY ?? 500);
const stallMs = Number(process.env.FUZZ_STALL_S ?? 120) * 1000;
const only = process.env.FUZZ_ONLY;

/** Where a case comes from: enough to generate it again. */
interface CaseId {
  property: number;
  seed: number;
  index: number;
}

const reproduce = (c: CaseId) => `FUZZ_REPLAY=${c.property}:${c.seed}:${c.index} npm run fuzz`;
const pdfFor = (index: number) => pdfEvery > 0 && (index + 1) % pdfEvery === 0;
const out = (s: string) => process.stdout.write(s);

/** Runs one case alone, as `FUZZ_REPLAY` names it, and says what it did and how long it took. */
async function replay(spec: string): Promise<never> {
  const [property, caseSeed, index] = spec.split(':').map(Number) as [number, number, number];
  const p = properties[property] as FuzzProperty<unknown> | undefined;
  if (!p || !Number.isInteger(caseSeed) || !Number.isInteger(index)) {
    out(`FUZZ_REPLAY must be property:seed:index, property 0 to ${properties.length - 1}\n`);
    process.exit(2);
  }
  let value: unknown;
  // Running from the path `index` generates the index-th value of that seed first.
  await fc.check(
    fc.asyncProperty(p.arbitrary, async (v) => {
      value ??= v;
    }),
    { seed: caseSeed, path: String(index), numRuns: 1 },
  );
  out(`"${p.name}", seed ${caseSeed}, case ${index}:\n${show(value)}\n`);
  const t0 = performance.now();
  try {
    await p.run(value, { pdf: pdfFor(index) });
    out(`passed in ${(performance.now() - t0).toFixed(0)} ms\n`);
    process.exit(0);
  } catch (err) {
    out(`FAILED after ${(performance.now() - t0).toFixed(0)} ms: ${String(err)}\n`);
    process.exit(1);
  }
}

if (process.env.FUZZ_REPLAY) await replay(process.env.FUZZ_REPLAY);

// A thread of its own watches the case in progress: a case that never ends blocks this one.
const watchdog = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
   const { writeSync } = require('node:fs');
   let current;
   parentPort.on('message', (m) => { current = m === null ? undefined : { ...m, at: Date.now() }; });
   setInterval(() => {
     if (current && Date.now() - current.at > workerData.stallMs) {
       writeSync(1, '\\nHANG: ' + current.label + ' has run for ' + Math.round((Date.now() - current.at) / 1000) +
         ' s\\n  reproduce: ' + current.reproduce + '\\n  input: ' + current.input + '\\n');
       process.kill(process.pid, 'SIGKILL');
     }
   }, 1000);`,
  { eval: true, workerData: { stallMs } },
);
watchdog.unref();

interface Failure {
  property: string;
  message: string;
  counterexample: string;
  reproduce: string;
  count: number;
}

const chosen = properties
  .map((p, i) => ({ p: p as FuzzProperty<unknown>, i }))
  .filter(({ p }) => only === undefined || p.name.includes(only));
const weights = chosen.reduce((s, { p }) => s + p.weight, 0);
const failures = new Map<string, Failure>();
const started = performance.now();
let ran = 0;
let slowest = { ms: 0, reproduce: '', input: '' };
let overSecond = 0;

function record(name: string, message: string, counterexample: string, how: string): void {
  const key = `${name}: ${message.replace(/"[^"]*"/g, 'S').replace(/\d+/g, 'N')}`;
  const seen = failures.get(key);
  if (seen) seen.count++;
  else failures.set(key, { property: name, message, counterexample, reproduce: how, count: 1 });
}

out(`fuzzing ${total} cases, seed ${seed}, chunks of ${chunk}\n`);
for (const { p, i: property } of chosen) {
  const share = Math.round((total * p.weight) / weights);
  let done = 0;
  let k = 0;
  while (done < share) {
    const numRuns = Math.min(chunk, share - done);
    const chunkSeed = seed + k++;
    let n = 0;
    const check = fc.asyncProperty(p.arbitrary, async (value) => {
      const id = { property, seed: chunkSeed, index: n++ };
      const input = show(value);
      watchdog.postMessage({ label: `"${p.name}" case`, reproduce: reproduce(id), input });
      const t0 = performance.now();
      try {
        await p.run(value, { pdf: pdfFor(id.index) });
      } catch (err) {
        // Shrinking re-runs the input's variants: worth it for a crash, hours for a slow case.
        if (!(err instanceof BoundExceeded)) throw err;
        record(p.name, err.message, input, reproduce(id));
      } finally {
        watchdog.postMessage(null);
      }
      const ms = performance.now() - t0;
      if (ms > 1000) overSecond++;
      if (ms > slowest.ms) slowest = { ms, reproduce: reproduce(id), input };
    });
    const result = await fc.check(check, { numRuns, seed: chunkSeed });
    // A failing chunk stops at its failure; the cases it ran (shrinking aside) count.
    // At least one, so a chunk failing at its first case cannot keep the run from ending.
    const cases = result.failed ? Math.max(1, result.numRuns) : numRuns;
    done += cases;
    ran += cases;
    if (result.failed) {
      const err = result.errorInstance;
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      record(
        p.name,
        message,
        show(result.counterexample?.[0]),
        `FUZZ_SEED=${chunkSeed}${result.counterexamplePath ? ` path ${result.counterexamplePath}` : ''}`,
      );
    }
    if (k % 10 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      out(`  ${ran} cases, ${failures.size} distinct failures, ${s} s\n`);
    }
  }
}

const seconds = (performance.now() - started) / 1000;
out(
  `\n${ran} cases run in ${seconds.toFixed(1)} s; ${failures.size} distinct failures; seed ${seed}\n` +
    `${overSecond} cases over 1 s; the slowest, ${slowest.ms.toFixed(0)} ms: ${slowest.reproduce}\n` +
    `  input: ${slowest.input}\n`,
);
for (const f of failures.values()) {
  out(
    `\nFAILURE (${f.count}×) in "${f.property}": ${f.message}\n  reproduce: ${f.reproduce}\n` +
      `  input: ${f.counterexample}\n`,
  );
}
process.exit(failures.size > 0 ? 1 : 0);
