/**
 * `npm run bench:peer`: Kompass side by side with the Langium implementation of the same
 * language in ../shared/peers (read-only). The peer is copied to a temporary folder and built
 * there once (npm ci, build, bundle); then both check the same files as whole processes, and
 * both language servers answer the same edits, in interleaved runs. When the peer cannot be
 * found or built, this says so and measures Kompass alone.
 *
 * Flags: `--runs N` (default 5), `--quick` (3 runs, no 100,000-line file).
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureServerLatency } from '../server/bench/latency';
import { machine } from './machine';
import { root } from './optional';

/**
 * Where the peer and its generator live: the project's shared folder (read-only), beside the
 * repository (`../shared/peers`) or beside the folder of a worktree (`../../shared/peers`).
 */
export const peerSource = resolve(
  process.env.KOMPASS_PEER ??
    ['../shared/peers', '../../shared/peers']
      .map((p) => resolve(root, p))
      .find((p) => existsSync(p)) ??
    resolve(root, '../shared/peers'),
);

/** A built peer: how to run its CLI and its language server. */
export interface Peer {
  dir: string;
  cli: string[];
  server: string[];
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): string | undefined {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs });
  if (r.status === 0) return undefined;
  const tail = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
  return `${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${tail}`;
}

/**
 * Copies the peer to a temporary folder and builds it, once: a later run reuses the build while
 * the peer's package files are unchanged. Returns the peer, or why it could not be built.
 */
export function preparePeer(log: (s: string) => void): Peer | { problem: string } {
  const src = join(peerSource, 'langium-kompass');
  if (!existsSync(join(src, 'package.json'))) return { problem: `no peer at ${src}` };
  const stamp = createHash('sha256')
    .update(readFileSync(join(src, 'package.json')))
    .update(readFileSync(join(src, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `kompass-bench-peer-${stamp}`);
  const bundle = join(dir, 'out/bundle/cli.mjs');
  const peer: Peer = {
    dir,
    cli: [process.execPath, bundle],
    server: [process.execPath, join(dir, 'out/language/main.js'), '--stdio'],
  };
  if (existsSync(join(dir, '.built'))) return peer;
  log(`building the peer in ${dir} (npm ci, build, bundle) ...\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(src, dir, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', dir]);
  for (const args of [
    ['ci', '--no-audit', '--no-fund'],
    ['run', 'build'],
    ['run', 'bundle'],
  ]) {
    const problem = run('npm', args, dir, 5 * 60_000);
    if (problem) return { problem };
  }
  if (!existsSync(bundle)) return { problem: `the peer's build wrote no ${bundle}` };
  writeFileSync(join(dir, '.built'), `${new Date().toISOString()}\n`);
  return peer;
}

/** One input of the comparison, and the same data as JSON for the floor. */
interface Input {
  name: string;
  file: string;
  json: string;
  lines: number;
  bytes: number;
}

/** The inputs: the peer's Västerås-like file and the generator's 10,000 and 100,000 lines. */
function inputs(quick: boolean, log: (s: string) => void): Input[] | { problem: string } {
  const gen = join(peerSource, 'gen-kompass.py');
  const sample = join(peerSource, 'vasteras-like.kompass');
  if (!existsSync(gen) || !existsSync(sample)) return { problem: `no generator at ${gen}` };
  const dir = join(tmpdir(), 'kompass-bench-peer-data');
  mkdirSync(dir, { recursive: true });
  const make = (out: string, args: string[]): string | undefined => {
    if (existsSync(out)) return undefined;
    const r = spawnSync('python3', [gen, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) return `gen-kompass.py ${args.join(' ')} failed: ${r.stderr}`;
    writeFileSync(out, r.stdout);
    return undefined;
  };
  const list: Input[] = [];
  // The floor for the sample: one generated evaluation as JSON is about its size.
  const sizes: [string, string, number][] = [
    ['vasteras-like', sample, 167],
    ['gen-10k', join(dir, 'gen-10000.kompass'), 10_000],
    ...(quick
      ? []
      : [['gen-100k', join(dir, 'gen-100000.kompass'), 100_000] as [string, string, number]]),
  ];
  for (const [name, file, lines] of sizes) {
    log(`generating ${name} ...\n`);
    const json = join(dir, `gen-${lines}.json`);
    const problem =
      (file === sample ? undefined : make(file, [String(lines)])) ??
      make(json, [String(lines), '--json']);
    if (problem) return { problem };
    const text = readFileSync(file, 'utf8');
    list.push({ name, file, json, lines: text.split('\n').length, bytes: Buffer.byteLength(text) });
  }
  return list;
}

/** Wall time and peak RSS of one whole process. */
interface ProcessRun {
  ms: number;
  rssMB?: number;
}

const hasTime = existsSync('/usr/bin/time');

function timed(cmd: string[], cwd: string): ProcessRun {
  const args = hasTime ? ['-f', '%M', ...cmd] : cmd.slice(1);
  const t0 = performance.now();
  const r = spawnSync(hasTime ? '/usr/bin/time' : cmd[0]!, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  const ms = performance.now() - t0;
  if (r.error || (r.status !== 0 && r.status !== 1)) {
    throw new Error(`${cmd.join(' ')}: ${r.error?.message ?? `exit ${r.status}`} ${r.stderr}`);
  }
  const kb = hasTime ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : Number.NaN;
  return { ms, ...(Number.isFinite(kb) ? { rssMB: kb / 1024 } : {}) };
}

/** Median, min and max of a series. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

/** One row of the whole-process table. */
export interface CheckRow {
  input: string;
  lines: number;
  bytes: number;
  who: 'kompass' | 'peer' | 'floor';
  wall: Spread;
  rss?: Spread;
}

/** One row of the server table. */
export interface ServerRow {
  input: string;
  who: 'kompass' | 'peer';
  editToDiagnostics: Spread;
}

/** Everything the comparison measured. */
export interface PeerRun {
  date: string;
  machine: ReturnType<typeof machine>;
  runs: number;
  peer?: string;
  notes: string[];
  checks: CheckRow[];
  server: ServerRow[];
}

/** Runs the comparison: whole-process checks interleaved, then the servers on the same edits. */
export async function runPeerBench(options: {
  runs: number;
  quick: boolean;
  log?: (s: string) => void;
}): Promise<PeerRun> {
  const log = options.log ?? ((s: string) => process.stderr.write(s));
  const notes: string[] = [];
  const result: PeerRun = {
    date: new Date().toISOString(),
    machine: machine(),
    runs: options.runs,
    notes,
    checks: [],
    server: [],
  };
  const prepared = preparePeer(log);
  const peer = 'problem' in prepared ? undefined : prepared;
  if ('problem' in prepared) notes.push(`peer not measured: ${prepared.problem}`);
  else result.peer = prepared.dir;
  const list = inputs(options.quick, log);
  if ('problem' in list) {
    notes.push(`no inputs: ${list.problem}`);
    return result;
  }
  if (!existsSync(resolve(root, 'dist/cli.js'))) {
    notes.push('dist/cli.js missing: run npm run build');
    return result;
  }
  if (!hasTime) notes.push('peak RSS not measured: /usr/bin/time is missing');

  const ours = [process.execPath, resolve(root, 'bin/kompass.js'), 'check'];
  for (const input of list) {
    log(`whole process: ${input.name} ...\n`);
    const who: [CheckRow['who'], string[]][] = [
      ['kompass', [...ours, input.file]],
      ...(peer
        ? [['peer', [...peer.cli, 'check', input.file]] as [CheckRow['who'], string[]]]
        : []),
      [
        'floor',
        [
          process.execPath,
          '-e',
          `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(input.json)}, 'utf8'))`,
        ],
      ],
    ];
    const runs = new Map<string, ProcessRun[]>();
    // Interleaved: each round runs every contender once, so load spikes hit all alike.
    for (let i = 0; i < options.runs; i++) {
      for (const [name, cmd] of who) {
        const list = runs.get(name) ?? [];
        list.push(timed(cmd, root));
        runs.set(name, list);
      }
    }
    for (const [name] of who) {
      const r = runs.get(name)!;
      const rss = r.flatMap((x) => (x.rssMB === undefined ? [] : [x.rssMB]));
      result.checks.push({
        input: input.name,
        lines: input.lines,
        bytes: name === 'floor' ? readFileSync(input.json).length : input.bytes,
        who: name,
        wall: spread(r.map((x) => x.ms)),
        ...(rss.length ? { rss: spread(rss) } : {}),
      });
    }
  }

  const serverPath = resolve(root, 'dist/server.js');
  for (const input of list.filter((x) => x.lines <= 20_000)) {
    log(`server edit → diagnostics: ${input.name} ...\n`);
    const text = readFileSync(input.file, 'utf8');
    const iterations = options.quick ? 10 : 20;
    const edits = new Map<string, number[]>();
    // Interleaved by rounds: each round starts both servers afresh on the same edits.
    const rounds = Math.max(2, Math.min(3, options.runs));
    for (let i = 0; i < rounds; i++) {
      const contenders: [ServerRow['who'], () => Promise<number[]>][] = [
        [
          'kompass',
          async () => (await measureServerLatency({ text, iterations, serverPath })).editSamples,
        ],
      ];
      if (peer) {
        contenders.push([
          'peer',
          async () =>
            (
              await measureServerLatency({
                text,
                iterations,
                command: { executable: peer.server[0]!, args: peer.server.slice(1), cwd: peer.dir },
              })
            ).editSamples,
        ]);
      }
      for (const [name, measure] of contenders) {
        try {
          const got = await measure();
          edits.set(name, [...(edits.get(name) ?? []), ...got]);
        } catch (err) {
          notes.push(`server ${name} on ${input.name} failed: ${(err as Error).message}`);
        }
      }
    }
    for (const [name, xs] of edits) {
      result.server.push({
        input: input.name,
        who: name as ServerRow['who'],
        editToDiagnostics: spread(xs),
      });
    }
  }
  return result;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (x: number) => x.toFixed(0);

/** The comparison as Markdown: whole-process check, server edit → diagnostics, goals. */
export function formatPeerRun(r: PeerRun): string {
  const m = r.machine;
  const out: string[] = [
    `Machine: ${m.nproc} cores, ${m.cpu}, node ${m.node}, ${m.platform}; load average ${m.load} at start; ${r.date.slice(0, 16)}Z. ${r.runs} interleaved runs per row; median (min–max).`,
    '',
    'Whole process, `check FILE` (Kompass `bin/kompass.js`, the peer its esbuild bundle `out/bundle/cli.mjs`), wall time and peak RSS; the floor is `node -e` reading and `JSON.parse`-ing the same data as compact JSON (the generator’s `--json`, one evaluation for the Västerås-size row):',
    '',
    '| input | lines | KiB | who | wall ms | peak RSS MiB | × peer |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const c of r.checks) {
    const peer = r.checks.find((x) => x.input === c.input && x.who === 'peer');
    const ratio =
      peer && c.who !== 'peer' ? `${(c.wall.median / peer.wall.median).toFixed(2)}×` : '';
    out.push(
      `| ${c.input} | ${c.who === 'floor' ? '–' : c.lines} | ${Math.round(c.bytes / 1024)} | ${c.who} | ${ms(c.wall.median)} (${ms(c.wall.min)}–${ms(c.wall.max)}) | ${c.rss ? `${mb(c.rss.median)} (${mb(c.rss.min)}–${mb(c.rss.max)})` : '–'} | ${ratio} |`,
    );
  }
  if (r.server.length) {
    out.push(
      '',
      'Server, edit → published diagnostics over stdio with default settings (Kompass `dist/server.js`, the peer `out/language/main.js`), the same client and edits (a comment added and removed at the end), pooled over rounds that start each server afresh:',
      '',
      '| input | who | ms | × peer |',
      '| --- | --- | ---: | ---: |',
    );
    for (const s of r.server) {
      const peer = r.server.find((x) => x.input === s.input && x.who === 'peer');
      const ratio =
        peer && s.who !== 'peer'
          ? `${(s.editToDiagnostics.median / peer.editToDiagnostics.median).toFixed(2)}×`
          : '';
      const e = s.editToDiagnostics;
      out.push(
        `| ${s.input} | ${s.who} | ${ms(e.median)} (${ms(e.min)}–${ms(e.max)}) | ${ratio} |`,
      );
    }
  }
  const goals = peerGoals(r);
  if (goals.length) {
    out.push(
      '',
      'Goals (Kompass ÷ peer, medians):',
      '',
      '| goal | measured | result |',
      '| --- | ---: | --- |',
    );
    for (const g of goals)
      out.push(`| ${g.goal} | ${g.measured.toFixed(2)}× | ${g.ok ? 'OK' : 'missed'} |`);
  }
  for (const n of r.notes) out.push('', `- ${n}`);
  return out.join('\n');
}

/** The goals against the peer, where both were measured. */
export function peerGoals(r: PeerRun): { goal: string; measured: number; ok: boolean }[] {
  const out: { goal: string; measured: number; ok: boolean }[] = [];
  const check = (input: string, key: 'wall' | 'rss', limit: number, goal: string) => {
    const a = r.checks.find((c) => c.input === input && c.who === 'kompass')?.[key];
    const b = r.checks.find((c) => c.input === input && c.who === 'peer')?.[key];
    if (a && b) out.push({ goal, measured: a.median / b.median, ok: a.median / b.median <= limit });
  };
  check('vasteras-like', 'wall', 0.6, 'check, whole process, Västerås size ≤ 0.6×');
  check('gen-10k', 'wall', 0.33, 'check, whole process, 10k lines ≤ 0.33×');
  check('gen-100k', 'wall', 0.25, 'check, whole process, 100k lines ≤ 0.25×');
  check('gen-100k', 'rss', 0.5, 'check, peak RSS, 100k lines ≤ 0.5×');
  const server = (input: string, limit: number, goal: string) => {
    const a = r.server.find((c) => c.input === input && c.who === 'kompass')?.editToDiagnostics;
    const b = r.server.find((c) => c.input === input && c.who === 'peer')?.editToDiagnostics;
    if (a && b) out.push({ goal, measured: a.median / b.median, ok: a.median / b.median <= limit });
  };
  server('vasteras-like', 0.5, 'server edit → diagnostics, Västerås size ≤ 0.5×');
  server('gen-10k', 0.2, 'server edit → diagnostics, 10k lines ≤ 0.2×');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/peer.ts')) {
  const i = process.argv.indexOf('--runs');
  const quick = process.argv.includes('--quick');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : quick ? 3 : 5;
  const r = await runPeerBench({ runs, quick });
  const text = formatPeerRun(r);
  process.stdout.write(`${text}\n`);
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/peer.json'), `${JSON.stringify(r, null, 2)}\n`);
  if (process.argv.includes('--docs')) {
    writePeerDocs(text);
    process.stdout.write('updated docs/performance.md\n');
  }
}

/** Replaces the side-by-side part of docs/performance.md with this run's tables. */
export function writePeerDocs(text: string): void {
  const file = resolve(root, 'docs/performance.md');
  const doc = readFileSync(file, 'utf8');
  const begin = '<!-- peer:begin -->';
  const end = '<!-- peer:end -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${begin} … ${end}`);
  writeFileSync(file, `${doc.slice(0, a + begin.length)}\n${text}\n${doc.slice(b)}`);
}
