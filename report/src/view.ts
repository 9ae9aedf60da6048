/** What every format needs from the model, worked out once: rows with missing values marked, problems with lines. */

import {
  type Analysis,
  type AreaResult,
  compareIds,
  type Diagnostic,
  type EvaluationResult,
  LineIndex,
} from '../../grammar/src/index';
import type { Labels } from './labels';

/** A row of an area table: present areas and framework areas the evaluation lacks. */
export interface AreaRow {
  number: number;
  title: string;
  score?: number;
  max: number;
  percent?: number;
  /** The area as evaluated; undefined for a missing area. */
  area?: AreaResult;
}

/** A question row: answered, unanswered (no points) or missing from the area altogether. */
export interface QuestionRow {
  id: string;
  title: string;
  points?: number;
  max?: number;
  percent?: number;
  /** True when the framework has the question but the area does not. */
  missing: boolean;
}

/** Every area in number order, the missing ones included. */
export function areaRows(e: EvaluationResult): AreaRow[] {
  const rows: AreaRow[] = e.areas.map((a) => {
    const row: AreaRow = { number: a.number, title: a.title, max: a.max, area: a };
    if (a.score !== undefined) row.score = a.score;
    if (a.percent !== undefined) row.percent = a.percent;
    return row;
  });
  for (const m of e.missingAreas) rows.push({ number: m.number, title: m.title, max: m.max });
  return rows.sort((a, b) => a.number - b.number);
}

/** The questions of an area in number order, the framework's missing ones included. */
export function questionRows(a: AreaResult): QuestionRow[] {
  const rows: QuestionRow[] = a.questions.map((q) => {
    const row: QuestionRow = { id: q.id, title: q.title, missing: false };
    if (q.points !== undefined) row.points = q.points;
    if (q.max !== undefined) row.max = q.max;
    if (q.percent !== undefined) row.percent = q.percent;
    return row;
  });
  for (const m of a.missingQuestions)
    rows.push({ id: m.id, title: m.title, max: m.max, missing: true });
  return rows.sort((x, y) => compareIds(x.id, y.id));
}

/** A diagnostic as the report lists it. */
export interface Problem {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  /** Offsets into the document's text. */
  start: number;
  end: number;
  /** 1-based line, when the document's text was given. */
  line?: number;
}

/** The document's errors then warnings, in document order within each. */
export function problems(analysis: Analysis, sourceText?: string): Problem[] {
  const index = sourceText === undefined ? undefined : new LineIndex(sourceText);
  const rank = { error: 0, warning: 1, information: 2 } as const;
  return analysis.diagnostics
    .filter((d) => d.severity !== 'information')
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start)
    .map((d) => {
      const p: Problem = {
        severity: d.severity,
        code: d.code,
        message: d.message,
        start: d.start,
        end: d.end,
      };
      if (index) p.line = index.position(d.start).line + 1;
      return p;
    });
}

/** Whether the evaluation has anything to say about an area beyond its score. */
export function hasNarrative(a: AreaResult): boolean {
  return (
    a.headings.length > 0 ||
    a.intro !== undefined ||
    a.sections.length > 0 ||
    a.strengths.length > 0 ||
    a.improvements.length > 0 ||
    a.examples.length > 0 ||
    a.questions.length > 0
  );
}

/** An entry of the table of contents; `part` is also the suffix of the section's `id`. */
export interface ContentsEntry {
  part: string;
  number?: string;
  title: string;
  children: ContentsEntry[];
}

/** The report's sections in order, numbered as the printed reports number them. */
export function contents(e: EvaluationResult, labels: Labels): ContentsEntry[] {
  const entries: ContentsEntry[] = [
    { part: 'about', title: labels.about, children: [] },
    { part: 'summary', title: labels.summaryOf(e.name), children: [] },
  ];
  const rows = areaRows(e);
  if (rows.length > 0)
    entries.push({
      part: 'areas',
      title: labels.areas,
      children: rows.map((r) => ({
        part: `area-${r.number}`,
        title: `${labels.areaNumber(r.number)} ${r.title}`,
        children: [],
      })),
    });
  if (e.areas.some((a) => a.questions.length > 0))
    entries.push({ part: 'overview', title: labels.overview, children: [] });
  if (e.facts.length > 0)
    entries.push({ part: 'facts', title: labels.factsAbout(e.name), children: [] });
  entries.forEach((entry, i) => {
    entry.number = String(i + 1);
  });
  return entries;
}

/** The year of the evaluation, from its first date. */
export function yearOf(e: EvaluationResult): string | undefined {
  return /^\d{4}/.exec(e.dateFrom ?? '')?.[0];
}

/** The framework's title, else its id as written. */
export function frameworkTitle(e: EvaluationResult): string | undefined {
  return e.framework?.title ?? e.frameworkId;
}

/** The heading of the title page: the framework's family name, `Kommunkompassen` for both built-in ones. */
export function kicker(e: EvaluationResult): string {
  if (!e.framework || e.framework.builtin) return 'Kommunkompassen';
  return e.framework.title;
}
