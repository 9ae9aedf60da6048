import { resolve } from 'node:path';
import {
  type Analysis,
  type EvaluationResult,
  formatDelta,
  formatNumber,
  formatPercent,
  type MessageLanguage,
  messageLanguage,
  severityCounts,
  Workspace,
} from '../../grammar/src/index';
import { UsageError } from './errors';
import { collectFiles, readDocument } from './files';
import { fsHost } from './host';
import { cliTexts } from './texts';

/** Analyses one document for `kompass summary` and `kompass export`; its text comes along. */
export function loadEvaluations(path: string, lang?: MessageLanguage): Analysis & { text: string } {
  const text = readDocument(path);
  const ws = new Workspace(fsHost, {
    maxDocumentSize: Number.POSITIVE_INFINITY,
    ...(lang ? { messageLanguage: lang } : {}),
  });
  const uri = resolve(path);
  ws.set(uri, text);
  return { ...ws.analyze(uri), text };
}

/** Evaluations of a set of files, and their error count, for `kompass summary` and `--compare`. */
export interface EvaluationSet {
  files: string[];
  evaluations: EvaluationResult[];
  /** For each evaluation, the file it came from as the user named it. */
  sources: string[];
  /** Errors per file that has any. */
  errors: Map<string, number>;
}

/**
 * Analyses every .kompass file under the paths in one workspace, so compare targets and frameworks
 * defined in the set resolve, and collects their evaluations.
 */
export function loadEvaluationSet(paths: readonly string[]): EvaluationSet {
  const files = collectFiles(paths);
  const ws = new Workspace(fsHost, { maxDocumentSize: Number.POSITIVE_INFINITY });
  for (const f of files) ws.set(resolve(f), readDocument(f));
  const set: EvaluationSet = { files, evaluations: [], sources: [], errors: new Map() };
  for (const f of files) {
    const analysis = ws.analyze(resolve(f));
    for (const ev of analysis.evaluations) {
      set.evaluations.push(ev);
      set.sources.push(f);
    }
    const errors = severityCounts(analysis).errors;
    if (errors > 0) set.errors.set(f, errors);
  }
  return set;
}

/** The language of a set's labels: English only when every evaluation is written in English. */
export function setLanguage(evs: readonly EvaluationResult[]): MessageLanguage {
  return evs.length > 0 && evs.every((e) => messageLanguage(e.language) === 'en') ? 'en' : 'sv';
}

/**
 * A plain-text table of one evaluation's areas and its total, e.g. `Totalt 561/800 (70 %)`, in
 * `lang` (`--lang`), else the evaluation's own language.
 */
export function formatSummary(ev: EvaluationResult, lang = messageLanguage(ev.language)): string {
  const L = cliTexts[lang].summary;
  const n = (x: number) => formatNumber(x, lang);
  const rows: string[][] = [['', L.area, L.score, L.max, L.percent, '']];
  for (const a of ev.areas) {
    const note =
      a.statedScore !== undefined &&
      a.computedScore !== undefined &&
      a.statedScore !== a.computedScore
        ? `(${L.stated} ${n(a.statedScore)})`
        : '';
    rows.push([
      String(a.number),
      a.title,
      a.score === undefined ? L.missing : n(a.score),
      n(a.max),
      a.percent === undefined ? '' : formatPercent(a.percent, lang),
      note,
    ]);
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    [
      r[0]!.padStart(widths[0]!),
      r[1]!.padEnd(widths[1]!),
      r[2]!.padStart(widths[2]!),
      r[3]!.padStart(widths[3]!),
      r[4]!.padStart(widths[4]!),
      r[5]!,
    ]
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  const framework = ev.framework ? `${ev.framework.title}` : (ev.frameworkId ?? '');
  const dates = ev.dateFrom ? `, ${ev.dateFrom}${ev.dateTo ? ` – ${ev.dateTo}` : ''}` : '';
  out.push(`${ev.name}${framework ? ` — ${framework}` : ''}${dates}`, '');
  out.push(line(rows[0]!));
  for (const r of rows.slice(1)) out.push(line(r));
  out.push('');
  out.push(`${L.total} ${n(ev.total)}/${n(ev.max)} (${formatPercent(ev.percent, lang)})`);
  if (ev.statedTotal !== undefined && ev.statedTotal !== ev.total) {
    out.push(L.statedTotal(n(ev.statedTotal), n(ev.total)));
  }
  for (const c of ev.comparisons) {
    if (!c.target || c.problem) continue;
    out.push(
      `${L.compared} ${c.label ?? c.target.name}: ${n(c.target.total)}/${n(c.target.max)}, ${L.difference} ${formatDelta(ev.total - c.target.total, lang)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The summary as JSON: totals and areas of each evaluation. */
export function summaryJson(evs: readonly EvaluationResult[]): string {
  return `${JSON.stringify(
    evs.map((ev) => ({
      name: ev.name,
      framework: ev.frameworkId ?? null,
      total: ev.total,
      max: ev.max,
      percent: ev.percent,
      statedTotal: ev.statedTotal ?? null,
      areas: ev.areas.map((a) => ({
        number: a.number,
        title: a.title,
        score: a.score ?? null,
        statedScore: a.statedScore ?? null,
        max: a.max,
        percent: a.percent ?? null,
      })),
      comparisons: ev.comparisons.map((c) => ({
        path: c.path,
        name: c.target?.name ?? null,
        label: c.label ?? null,
        total: c.target?.total ?? null,
        problem: c.problem ?? null,
      })),
    })),
    null,
    2,
  )}\n`;
}

/** Fails with exit code 2 when a document holds no evaluation. */
export function requireEvaluations(path: string, evs: readonly EvaluationResult[]): void {
  if (evs.length === 0) throw new UsageError((t) => t.holdsNoEvaluation(path));
}
