/**
 * `npm run fuzz`: the fuzz properties for a long time. FUZZ_RUNS cases in all (default 100,000),
 * shared between the properties by weight, in chunks of FUZZ_CHUNK with seeds FUZZ_SEED,
 * FUZZ_SEED+1, …; a failing chunk is shrunk to a minimal input and the run goes on. Prints the
 * cases run, the failures (deduplicated by message) and the seed; exits 1 on any failure.
 * FUZZ_PDF_EVERY (default 500) renders a PDF for one case in so many.
 */

import fc from 'fast-check';
import { properties, show } from './properties';

const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const chunk = Number(process.env.FUZZ_CHUNK ?? 1_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const pdfEvery = Number(process.env.FUZZ_PDF_EVERY ?? 500);

interface Failure {
  property: string;
  message: string;
  counterexample: string;
  seed: number;
  path?: string;
  count: number;
}

const weights = properties.reduce((s, p) => s + p.weight, 0);
const failures = new Map<string, Failure>();
const started = performance.now();
let ran = 0;
let slowest = 0;

process.stdout.write(`fuzzing ${total} cases, seed ${seed}, chunks of ${chunk}\n`);
for (const p of properties) {
  const share = Math.round((total * p.weight) / weights);
  let done = 0;
  let k = 0;
  while (done < share) {
    const numRuns = Math.min(chunk, share - done);
    const chunkSeed = seed + k++;
    let n = 0;
    const property = fc.asyncProperty(p.arbitrary, async (value) => {
      n++;
      const t0 = performance.now();
      await p.run(value, { pdf: pdfEvery > 0 && (ran + n) % pdfEvery === 0 });
      slowest = Math.max(slowest, performance.now() - t0);
    });
    const result = await fc.check(property, { numRuns, seed: chunkSeed });
    // A failing chunk stops at its failure; the cases it ran (shrinking aside) count.
    // At least one, so a chunk failing at its first case cannot keep the run from ending.
    const cases = result.failed ? Math.max(1, result.numRuns) : numRuns;
    done += cases;
    ran += cases;
    if (result.failed) {
      const err = result.errorInstance;
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      const key = `${p.name}: ${message.replace(/"[^"]*"/g, 'S').replace(/\d+/g, 'N')}`;
      const seen = failures.get(key);
      if (seen) seen.count++;
      else
        failures.set(key, {
          property: p.name,
          message,
          counterexample: show(result.counterexample?.[0]),
          seed: chunkSeed,
          ...(result.counterexamplePath ? { path: result.counterexamplePath } : {}),
          count: 1,
        });
    }
    if (k % 10 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stdout.write(`  ${ran} cases, ${failures.size} distinct failures, ${s} s\n`);
    }
  }
}

const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `\n${ran} cases run in ${seconds.toFixed(1)} s (slowest case ${slowest.toFixed(0)} ms); ` +
    `${failures.size} distinct failures; seed ${seed}\n`,
);
for (const f of failures.values()) {
  process.stdout.write(
    `\nFAILURE (${f.count}×) in "${f.property}": ${f.message}\n  reproduce: FUZZ_SEED=${f.seed}` +
      `${f.path ? ` path ${f.path}` : ''}\n  minimal input: ${f.counterexample}\n`,
  );
}
process.exit(failures.size > 0 ? 1 : 0);
