/**
 * The whole pipeline a document goes through, for the fuzz tests: parse → analyze → every editor
 * feature (grammar/src/features) → every report format; and the properties that must hold for
 * any input whatsoever.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeActions,
  complete,
  definition,
  documentSymbols,
  foldingRanges,
  format,
  hover,
  inlayHints,
  locate,
  semanticTokens,
} from '../../grammar/src/features/index';
import {
  type Analysis,
  analyzeText,
  parse,
  Workspace,
  type WorkspaceHost,
} from '../../grammar/src/index';
import { type ReportFormat, renderReport } from '../../report/src/index';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every sample document, by file name. */
export const samples: ReadonlyMap<string, string> = new Map(
  readdirSync(resolve(root, 'samples'))
    .filter((f) => f.endsWith('.kompass'))
    .sort()
    .map((f) => [f, readFileSync(resolve(root, 'samples', f), 'utf8')]),
);

/** The URI fuzzed documents get: inside the samples folder, so `compare` finds the other samples. */
export const fuzzUri = 'file:///fuzz/samples/fuzzed.kompass';

/** Serves the samples from memory; anything else is missing. */
export const sampleHost: WorkspaceHost = {
  resolve: (fromUri, path) => {
    try {
      return new URL(path, fromUri).href;
    } catch {
      return `${fromUri}#invalid`;
    }
  },
  readFile: (uri) => {
    const name = uri.startsWith('file:///fuzz/samples/') ? uri.slice(21) : undefined;
    const text = name === undefined ? undefined : samples.get(name);
    return text === undefined ? { error: 'missing' } : { text };
  },
};

/**
 * A case may take at most this long, end to end (PDF aside). The bound catches runaway cases
 * (hangs, quadratic blow-ups), not slowness: speed is the bench's job, and 2 s tripped on a
 * loaded 2-core machine.
 */
export const caseBoundMs = 10_000;

/** The PDF of a case may take this long: the first one loads the fonts, and PDF has its own budget. */
export const pdfBoundMs = 10_000;

/** A case that ran past its time bound: a cost to find, not a crash to shrink. */
export class BoundExceeded extends Error {}

/** Which renderers to run on a case. */
export type Renderers = 'none' | 'text' | 'all';

/** The text report formats (PDF is slow: run it on a few cases only, with its own bound). */
const textFormats: ReportFormat[] = ['html', 'md', 'json', 'csv'];

function fail(stage: string, err: unknown): never {
  const e = err instanceof Error ? err : new Error(String(err));
  const top = e.stack?.split('\n').find((l) => l.includes('/src/')) ?? '';
  throw new Error(`${stage} threw ${e.name}: ${e.message} ${top.trim()}`, { cause: e });
}

async function stage<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    fail(name, err);
  }
}

/** Offsets worth asking features about: the ends, the middle, and a spread depending on the text. */
export function probeOffsets(text: string): number[] {
  const n = text.length;
  const out = new Set<number>([0, n, n >> 1]);
  let h = 2166136261;
  for (let i = 0; i < Math.min(n, 256); i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  for (let k = 0; k < 5 && n > 0; k++) {
    h = Math.imul(h ^ k, 16777619);
    out.add((h >>> 0) % (n + 1));
  }
  return [...out];
}

/** Checks that every `{start, end}` inside a feature result lies within the document. */
function spansInside(what: string, value: unknown, length: number, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) spansInside(what, v, length, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    if (!(o.start >= 0 && o.start <= o.end && o.end <= length)) {
      throw new Error(
        `${what}: range ${o.start}..${o.end} outside the document (length ${length})`,
      );
    }
  }
  if (typeof o.offset === 'number' && !(o.offset >= 0 && o.offset <= length)) {
    throw new Error(`${what}: offset ${o.offset} outside the document (length ${length})`);
  }
  for (const [k, v] of Object.entries(o)) {
    // Diagnostics carried by code actions are checked as diagnostics; the AST is not a result.
    if (k !== 'diagnostics' && k !== 'node') spansInside(what, v, length, depth + 1);
  }
}

function finite(what: string, v: number | undefined): void {
  if (v !== undefined && !Number.isFinite(v))
    throw new Error(`${what} is ${v}, not a finite number`);
}

/** The properties of an analysis: diagnostics inside the document, totals finite. */
export function checkAnalysis(analysis: Analysis, text: string): void {
  const n = text.length;
  for (const d of analysis.diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= n)) {
      throw new Error(
        `diagnostic ${d.code} range ${d.start}..${d.end} outside 0..${n}: ${d.message}`,
      );
    }
    for (const r of d.related ?? []) {
      if (r.uri === analysis.uri && !(r.start >= 0 && r.start <= r.end && r.end <= n)) {
        throw new Error(`related location of ${d.code} ${r.start}..${r.end} outside 0..${n}`);
      }
    }
    if (
      d.fix?.kind === 'replace' &&
      !(d.fix.start >= 0 && d.fix.start <= d.fix.end && d.fix.end <= n)
    ) {
      throw new Error(`fix of ${d.code} ${d.fix.start}..${d.fix.end} outside 0..${n}`);
    }
  }
  for (const ev of analysis.evaluations) {
    finite(`total of "${ev.name}"`, ev.total);
    finite(`stated total of "${ev.name}"`, ev.statedTotal);
    finite(`max of "${ev.name}"`, ev.max);
    finite(`percent of "${ev.name}"`, ev.percent);
    for (const a of ev.areas) {
      finite(`score of area ${a.number}`, a.score);
      finite(`stated score of area ${a.number}`, a.statedScore);
      finite(`max of area ${a.number}`, a.max);
      finite(`percent of area ${a.number}`, a.percent);
      for (const q of a.questions) {
        finite(`points of question ${q.id}`, q.points);
        finite(`max of question ${q.id}`, q.max);
        finite(`percent of question ${q.id}`, q.percent);
      }
    }
  }
}

/** What running the pipeline on one text took. */
export interface PipelineResult {
  ms: number;
  analysis: Analysis;
}

/**
 * Runs everything on `text` and checks the properties; throws (naming the stage) on any
 * exception, any range outside the document, any total that is not finite, or a case slower
 * than `caseBoundMs`. With `previous`, the text replaces `previous` in a workspace first, as an
 * edit in the editor does.
 */
export async function runPipeline(
  text: string,
  options: { renderers?: Renderers; previous?: string } = {},
): Promise<PipelineResult> {
  const t0 = performance.now();
  await stage('parse', () => parse(text));
  let analysis: Analysis;
  if (options.previous !== undefined) {
    const ws = new Workspace(sampleHost);
    ws.set(fuzzUri, options.previous);
    await stage('analyze (before the edit)', () => ws.analyze(fuzzUri));
    ws.set(fuzzUri, text);
    analysis = await stage('analyze (after the edit)', () => ws.analyze(fuzzUri));
  } else {
    analysis = await stage('analyze', () => analyzeText(text, { uri: fuzzUri, host: sampleHost }));
  }
  checkAnalysis(analysis, text);

  const n = text.length;
  const all = { start: 0, end: n };
  for (const offset of probeOffsets(text)) {
    spansInside(
      `hover@${offset}`,
      await stage(`hover@${offset}`, () => hover(analysis, offset)),
      n,
    );
    spansInside(
      `complete@${offset}`,
      await stage(`complete@${offset}`, () => complete(analysis, text, offset)),
      n,
    );
    await stage(`definition@${offset}`, () => definition(analysis, offset));
    await stage(`locate@${offset}`, () => locate(analysis, offset));
  }
  spansInside('codeActions', await stage('codeActions', () => codeActions(analysis, text, all)), n);
  for (const d of analysis.diagnostics.slice(0, 20)) {
    spansInside(
      `codeActions@${d.code}`,
      await stage(`codeActions@${d.code}`, () => codeActions(analysis, text, d)),
      n,
    );
  }
  spansInside('format', await stage('format', () => format(analysis, text)), n);
  await stage('foldingRanges', () => foldingRanges(analysis, text));
  spansInside('inlayHints', await stage('inlayHints', () => inlayHints(analysis, all)), n);
  spansInside('semanticTokens', await stage('semanticTokens', () => semanticTokens(analysis)), n);
  spansInside(
    'documentSymbols',
    await stage('documentSymbols', () => documentSymbols(analysis)),
    n,
  );

  const renderers = options.renderers ?? 'text';
  if (renderers !== 'none') {
    for (const f of textFormats) {
      const out = await stage(`render ${f}`, () => renderReport(analysis, f, { sourceText: text }));
      if (f === 'json' && typeof out === 'string') {
        if (/\b(NaN|Infinity)\b/.test(out.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
          throw new Error('render json: a number is not finite');
        }
      }
    }
  }
  const ms = performance.now() - t0;
  if (ms > caseBoundMs)
    throw new BoundExceeded(`the case took ${ms.toFixed(0)} ms (bound ${caseBoundMs} ms)`);
  if (renderers === 'all') {
    const p0 = performance.now();
    await stage('render pdf', () => renderReport(analysis, 'pdf', { sourceText: text }));
    const pdfMs = performance.now() - p0;
    if (pdfMs > pdfBoundMs)
      throw new BoundExceeded(`the PDF took ${pdfMs.toFixed(0)} ms (bound ${pdfBoundMs} ms)`);
  }
  return { ms, analysis };
}
