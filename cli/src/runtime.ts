import { setFlagsFromString } from 'node:v8';
import type { ReportFormat } from '../../report/src/formats';

/**
 * Documents shorter than this in all (characters) are checked without V8's optimising compiler
 * (TurboFan): below it the compiler costs more than it saves. Measured on a 1 MB file: `check`
 * 0.13–0.19 s of CPU without it, 0.32 s with it; `export --format html` 0.88 s against 1.08 s;
 * and it adds 10–14 MB to the process's peak (its own code paged in, its working memory)
 * whatever the size. At 5 MB the optimised code pays (0.55 s against 0.71 s), so from here on
 * it runs.
 */
export const optimiseFrom = 3_000_000;

/**
 * A PDF of a document this long (characters) or longer is laid out with the optimising compiler,
 * whatever `optimiseFrom` says: a PDF's layout costs far more per character than a check (a
 * 10,000-line document, 0.58 MB, makes 765 pages), so the compiler pays much sooner. Measured as
 * whole `kompass export --format pdf` processes (2-core AMD EPYC, Node 20.20.2, load average
 * 1.5–1.8, 2026-12-02 01:30 UTC, wall and user + system time, three runs each way interleaved):
 * the 35 KB sample 0.46–0.65 s wall and 0.5–0.7 s CPU without it, 0.51–1.0 s and 0.75–0.97 s
 * with it; 2,000 generated lines (116 KB) 0.79–1.01 s against 0.84–1.00 s wall but 0.9–1.1 s
 * against 1.3–1.5 s CPU; 3,000 lines (181 KB) 1.12–1.50 s against 1.01–1.14 s wall; 10,000 lines
 * 3.98–4.14 s against 2.15–2.41 s wall and 4.0–4.3 s against 3.0–3.4 s of CPU (the compiler
 * works on the other core) and 148–152 MB against 156–161 MB of peak RSS. Only the layout runs optimised; the
 * analysis before it is a check, and checks pay from `optimiseFrom`.
 */
export const optimisePdfFrom = 150_000;

/** V8's flag for the young generation's growth: as tuned, and V8's default (Node 20 to 24). */
const youngGeneration = {
  tuned: '--semi-space-growth-factor=1',
  default: '--semi-space-growth-factor=2',
};

let tuning = false;
let read = 0;
let optimising = true;

/**
 * Fits the `kompass` process's JavaScript engine to its work. Called by the bin's entry only:
 * `main` also runs inside tests and the code-cache build, whose engine is not ours to set (a code
 * cache made under other flags is rejected).
 *
 * A command reads its documents, builds their structure and exits: what it allocates mostly lives
 * until the end, so a young generation grown to V8's full size (two 16 MB halves) only adds to
 * the peak (13 MB of a 1 MB file's `check`, 28 MB of a 10 MB file's) without saving time.
 */
export function tuneEngine(): void {
  tuning = true;
  setFlagsFromString(youngGeneration.tuned);
}

/** Counts a document read; the optimising compiler runs once the documents amount to enough. */
export function documentRead(characters: number): void {
  if (!tuning) return;
  read += characters;
  const wanted = read >= optimiseFrom;
  if (wanted === optimising) return;
  optimising = wanted;
  setFlagsFromString(wanted ? '--opt' : '--no-opt');
}

/**
 * Whether a report in `format` is rendered with the optimising compiler, the documents read
 * amounting to `characters`: a PDF from `optimisePdfFrom`, a Word document always. The Word
 * library builds an object per element of the document's XML and serialises each through
 * generic code, which unoptimised code does several times slower. Measured as whole `kompass
 * export --format docx` processes (2-core AMD EPYC, Node 20.20.2, two runs each way interleaved,
 * wall time): when the charts' pictures were still compressed in JavaScript (load average 4–5,
 * 2026-12-02 02:08 UTC) the sample took 2.10 s without it and 0.99–1.25 s with it, 10,000
 * generated lines 55–61 s against 10–16 s; with Node's zlib for them (load average 1–2, 02:45
 * UTC) the sample 0.82–0.86 s against 0.62–0.67 s, the 1.3 KB exempelby-2014 sample (one chart)
 * 0.55–0.62 s against 0.46–0.57 s, and 10,000 lines 14.7 s against 6.1 s. Peak RSS grows by
 * 10–85 MB (the 10,000 lines: 476 → 560 MB). HTML and the other formats stay as
 * `optimiseFrom` says: an HTML export of a 1 MB file is faster without it (see there).
 */
export function optimisesRender(format: ReportFormat, characters: number): boolean {
  if (format === 'docx') return true;
  return format === 'pdf' && characters >= optimisePdfFrom;
}

/**
 * Renders a report in `format` of the documents read so far: with the optimising compiler on when
 * `optimisesRender` wants it, off again afterwards as the documents read want it.
 */
export async function renderWithEngine<T>(
  format: ReportFormat,
  render: () => Promise<T>,
): Promise<T> {
  if (!tuning || optimising || !optimisesRender(format, read)) return render();
  setFlagsFromString('--opt');
  try {
    return await render();
  } finally {
    setFlagsFromString('--no-opt');
  }
}

/**
 * Loads a bundle that has a code cache (the PDF renderer's) under V8's default flags, as the cache
 * was made: V8 rejects a cache made under other flags, and the renderer would be compiled anew.
 * The engine is fitted again once it is loaded.
 */
export async function loadWithDefaultFlags<T>(load: () => Promise<T>): Promise<T> {
  if (!tuning) return load();
  setFlagsFromString(youngGeneration.default);
  if (!optimising) setFlagsFromString('--opt');
  try {
    return await load();
  } finally {
    setFlagsFromString(youngGeneration.tuned);
    if (!optimising) setFlagsFromString('--no-opt');
  }
}
