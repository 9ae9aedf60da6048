/**
 * Measures every layer on one document: lex, parse, checks, LSP diagnostics, hover, HTML and PDF
 * render, and the JSON.parse floor. Run as a child process per document (`tsx bench/layers.ts
 * SPEC`) so its peak RSS belongs to that document alone; prints one JSON line.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fastTokenize } from '../grammar/src/fastLex';
import {
  type Analysis,
  analyzeText,
  LineIndex,
  parse,
  Workspace,
  type WorkspaceHost,
} from '../grammar/src/index';
import { kompassLexer } from '../grammar/src/lexer';
import { generateDocument } from './generate';
import { loadHover, loadRender, renderedSize, root } from './optional';
import { type MeasureOptions, measure, type Stat, summarise } from './stats';

/** Which document to measure. */
export type DocumentSpec =
  | { kind: 'generated'; name: string; lines: number; errors: boolean }
  | { kind: 'sample'; name: string; path: string };

/** What one document's measurement gives. */
export interface LayerResult {
  name: string;
  bytes: number;
  lines: number;
  tokens: number;
  diagnostics: number;
  /** Timings by figure: lex, parse, check, analyze, lsp, hover, html, pdf, floor. */
  stages: Record<string, Stat>;
  /**
   * Peak resident set size in MB: at start, after the core's repeated figures, at the end, and
   * (`check`, filled in by the runner) of a fresh process that checks the document once, as
   * `kompass check` or the server's first analysis does: the figure the budget is about.
   */
  rss: { base: number; core: number; peak: number; check?: number };
  /**
   * Bytes of heap an analysis keeps (filled in by the runner): `heapUsed` after garbage
   * collection in a fresh process, after minus before analysing the document once, the source
   * text itself not counted.
   */
  heap?: number;
  /** Garbage collection in the analysis figure: milliseconds per analysis, pauses summed. */
  analyzeGcMs?: number;
  notes: string[];
}

/** The analysis figure alone, for the growth past 100,000 lines (`--analyze-only`). */
export interface AnalyzeOnly {
  analyze: Stat;
  analyzeGcMs: number;
}

/** Reads compare targets from disk, relative to the document, as the CLI does. */
export const fileHost: WorkspaceHost = {
  resolve: (fromUri, path) => new URL(path, fromUri).href,
  readFile: (uri) => {
    try {
      return { text: readFileSync(fileURLToPath(uri), 'utf8') };
    } catch {
      return { error: 'missing' };
    }
  },
};

/** The lexer as shipped (its validations skipped). */
const lexer = kompassLexer();

/** The diagnostics of an analysis as the server publishes them: LSP ranges via a LineIndex. */
export function toLspDiagnostics(analysis: Analysis, text: string): unknown[] {
  const index = new LineIndex(text);
  return analysis.diagnostics.map((d) => ({
    range: { start: index.position(d.start), end: index.position(d.end) },
    severity: d.severity === 'error' ? 1 : d.severity === 'warning' ? 2 : 3,
    code: d.code,
    source: 'kompass',
    message: d.message,
    ...(d.related
      ? {
          relatedInformation: d.related.map((r) => ({
            location: {
              uri: r.uri,
              range: { start: index.position(r.start), end: index.position(r.end) },
            },
            message: r.message,
          })),
        }
      : {}),
  }));
}

/** Keys of the model that point back into the AST or at the shared framework: serialised once. */
const backReferences = new Set(['node', 'nameNode', 'definition', 'framework', 'target']);

/**
 * The floor's input: the document's data (its evaluations without AST, offsets or links) as
 * compact JSON, about the size of the source, so the floor is what reading that much data
 * costs at the least; not the serialised AST, which is several times larger.
 */
export function dataJson(analysis: Analysis): string {
  return JSON.stringify(analysis.evaluations, (key, value: unknown) =>
    backReferences.has(key) || key === 'missingQuestions' || key === 'missingAreas'
      ? undefined
      : value,
  );
}

function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** An offset worth hovering: a question number in the middle of the document. */
function hoverOffset(analysis: Analysis): number {
  const evs = analysis.evaluations;
  const ev = evs[Math.floor(evs.length / 2)];
  const q = ev?.areas[Math.floor((ev.areas.length - 1) / 2)]?.questions[0];
  return q?.node.number?.start ?? ev?.node.start ?? 0;
}

function load(spec: DocumentSpec): { uri: string; text: string } {
  const path =
    spec.kind === 'sample' ? resolve(root, spec.path) : resolve(root, `bench/${spec.name}.kompass`);
  const text =
    spec.kind === 'sample'
      ? readFileSync(path, 'utf8')
      : generateDocument({ lines: spec.lines, errors: spec.errors });
  return { uri: pathToFileURL(path).href, text };
}

/** Measures one document. */
export async function measureDocument(spec: DocumentSpec, quick = false): Promise<LayerResult> {
  const base = maxRssMb();
  const notes: string[] = [];
  const { uri, text } = load(spec);
  const bytes = Buffer.byteLength(text);
  const big = bytes > 2_000_000;
  const opts: MeasureOptions = quick
    ? { warmupRuns: 1, minRuns: 3, budgetMs: 300 }
    : big
      ? { warmupRuns: 1, minRuns: 5, budgetMs: 3000 }
      : { warmupRuns: 5, minRuns: 10, budgetMs: 1500 };
  const stages: Record<string, Stat> = {};

  // As `parse` lexes: the fast path, and Chevrotain where it gives up.
  stages.lex = await measure(() => fastTokenize(text) ?? lexer.tokenize(text), opts);
  stages.parse = await measure(() => parse(text), opts);
  stages.check = measureExcluding(uri, text, opts);
  const analyzed = await measureAnalyze(uri, text, opts);
  stages.analyze = analyzed.analyze;
  const analysis = analyzeText(text, { uri, host: fileHost });
  stages.lsp = await measure(() => toLspDiagnostics(analysis, text), opts);
  const json = dataJson(analysis);
  stages.floor = await measure(() => JSON.parse(json), opts);
  notes.push(`floor ${spec.name}: JSON of ${Buffer.byteLength(json)} bytes for ${bytes} of source`);
  const core = maxRssMb();

  const { hover, note: hoverNote } = await loadHover();
  if (hover) {
    const offset = hoverOffset(analysis);
    stages.hover = await measure(() => {
      // The server analyses once per version and hovers on the cached analysis.
      return hover(analysis, text, offset);
    }, opts);
  } else if (hoverNote) notes.push(hoverNote);

  const { render, note: renderNote } = await loadRender();
  if (render) {
    try {
      stages.html = await measure(
        () => render(analysis, 'html'),
        big ? { ...opts, minRuns: 3 } : opts,
      );
      const html = renderedSize(await render(analysis, 'html'));
      notes.push(`html ${(html / 1e6).toFixed(2)} MB`);
    } catch (err) {
      notes.push(`html render failed: ${(err as Error).message}`);
    }
    if (spec.kind === 'sample' || spec.lines <= 1_000) {
      try {
        stages.pdf = await measure(() => render(analysis, 'pdf'), {
          warmupRuns: 1,
          minRuns: 3,
          budgetMs: quick ? 500 : 4000,
        });
      } catch (err) {
        notes.push(`pdf render failed: ${(err as Error).message}`);
      }
      try {
        stages.docx = await measure(() => render(analysis, 'docx'), {
          warmupRuns: 1,
          minRuns: 3,
          budgetMs: quick ? 500 : 4000,
        });
      } catch (err) {
        notes.push(`docx render failed: ${(err as Error).message}`);
      }
    }
  } else if (renderNote) notes.push(renderNote);

  return {
    name: spec.name,
    bytes,
    lines: new LineIndex(text).lineCount,
    tokens: analysis.parse.tokenCount,
    diagnostics: analysis.diagnostics.length,
    stages,
    rss: { base, core, peak: maxRssMb() },
    analyzeGcMs: analyzed.analyzeGcMs,
    notes,
  };
}

/**
 * The analysis figure, with the garbage collector's pauses in it: the sum of those that started
 * during an analysis (warm-up or timed), per analysis. V8 reports each pause to a `gc`
 * performance observer.
 */
async function measureAnalyze(
  uri: string,
  text: string,
  opts: MeasureOptions,
): Promise<AnalyzeOnly> {
  const pauses: { start: number; ms: number }[] = [];
  const windows: { from: number; to: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const analyze = await measure(() => {
    const from = performance.now();
    const analysis = analyzeText(text, {
      uri,
      host: fileHost,
      maxDocumentSize: Number.POSITIVE_INFINITY,
    });
    windows.push({ from, to: performance.now() });
    return analysis;
  }, opts);
  // Pauses not yet reported to the callback are taken from the observer's buffer.
  for (const e of observer.takeRecords()) pauses.push({ start: e.startTime, ms: e.duration });
  observer.disconnect();
  // Only pauses that started inside an analysis count: between runs the collector does work no
  // figure is timed by.
  let gcMs = 0;
  for (const p of pauses) {
    if (windows.some((w) => p.start >= w.from && p.start <= w.to)) gcMs += p.ms;
  }
  return { analyze, analyzeGcMs: gcMs / Math.max(1, windows.length) };
}

/** The checks alone: a fresh workspace per run whose parse is done before the clock starts. */
function measureExcluding(uri: string, text: string, opts: MeasureOptions): Stat {
  const samples: number[] = [];
  const warm = opts.warmupRuns ?? 3;
  const min = opts.minRuns ?? 5;
  const budget = opts.budgetMs ?? 1500;
  const max = opts.maxRuns ?? 200;
  let spent = 0;
  for (let i = 0; samples.length < max; i++) {
    const ws = new Workspace(fileHost);
    ws.set(uri, text);
    ws.parse(uri);
    const t0 = performance.now();
    ws.analyze(uri);
    const ms = performance.now() - t0;
    if (i >= warm) {
      samples.push(ms);
      spent += ms;
      if (samples.length >= min && spent > budget) break;
    }
  }
  return summarise(samples);
}

/** Peak RSS (MB) of this process after checking the document once and converting its diagnostics. */
export function measureCheckRss(spec: DocumentSpec): number {
  const { uri, text } = load(spec);
  const analysis = analyzeText(text, { uri, host: fileHost });
  toLspDiagnostics(analysis, text);
  return maxRssMb();
}

/**
 * Heap bytes kept by one analysis of the document (the mean over several kept at once when it is
 * small), in a process started with --expose-gc: the
 * sample and the document itself are analysed first, so what every analysis shares (the built-in
 * frameworks, the lexer) and the program's own code and type feedback, made as paths run for the
 * first time, are not counted (they made the figure vary by a tenth between runs); the text is
 * read before the first figure.
 */
export function measureHeapKept(spec: DocumentSpec): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--heap needs node --expose-gc');
  const { uri, text } = load(spec);
  const sample = readFileSync(resolve(root, 'samples/vasteras-2012.kompass'), 'utf8');
  analyzeText(sample, { uri: 'file:///warm-up.kompass', host: fileHost });
  analyzeText(text, { uri, host: fileHost });
  gc();
  gc();
  // A small document's analysis keeps less than the heap moves by itself (tens of KB): so as
  // many analyses as make about 4 MB of source are kept at once, and the figure is their mean.
  const copies = Math.min(200, Math.max(1, Math.round(4_000_000 / Math.max(1, text.length))));
  const before = process.memoryUsage().heapUsed;
  const analyses: Analysis[] = [];
  for (let i = 0; i < copies; i++) analyses.push(analyzeText(text, { uri, host: fileHost }));
  gc();
  gc();
  const kept = (process.memoryUsage().heapUsed - before) / copies;
  // Keeps the analyses alive up to the second figure.
  return analyses.length === copies ? kept : 0;
}

/** Measures the document given on the command line and prints the result as one JSON line. */
export async function main(argv: readonly string[]): Promise<void> {
  const spec = JSON.parse(argv[2] ?? '{}') as DocumentSpec;
  if (argv.includes('--heap')) {
    process.stdout.write(`${JSON.stringify({ heap: measureHeapKept(spec) })}\n`);
    return;
  }
  if (argv.includes('--analyze-only')) {
    const { uri, text } = load(spec);
    const result = await measureAnalyze(uri, text, { warmupRuns: 1, minRuns: 5, budgetMs: 3000 });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (argv.includes('--growth')) {
    if (spec.kind !== 'generated') throw new Error('--growth needs a generated document');
    const { measureGrowth } = await import('./growth');
    const result = await measureGrowth(spec.lines, spec.errors);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (argv.includes('--rss')) {
    process.stdout.write(`${JSON.stringify({ rss: measureCheckRss(spec) })}\n`);
    return;
  }
  const result = await measureDocument(spec, argv.includes('--quick'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/layers.ts')) {
  main(process.argv).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
