/**
 * The report as JSON: the documented, versioned model (docs/model-json.md). Absent values are
 * `null` rather than missing keys, so every object of a kind has the same keys.
 */

import type { Analysis, AreaResult, EvaluationResult } from '../../grammar/src/index';
import type { ReportOptions } from './options';
import { problems } from './view';

/** The version of the JSON model; raised on any change that is not a pure addition. */
export const jsonSchemaVersion = 1;

/** A question in the JSON model. */
export interface JsonQuestion {
  id: string;
  title: string;
  points: number | null;
  max: number | null;
  percent: number | null;
}

/** An area in the JSON model. */
export interface JsonArea {
  number: number;
  title: string;
  score: number | null;
  statedScore: number | null;
  computedScore: number | null;
  max: number;
  percent: number | null;
  headings: string[];
  intro: string | null;
  sections: { heading: string; text: string }[];
  strengths: string[];
  improvements: string[];
  examples: { municipality: string; note: string | null }[];
  questions: JsonQuestion[];
  missingQuestions: { id: string; title: string; max: number }[];
}

/** A compared evaluation, reduced to its scores. */
export interface JsonComparison {
  path: string;
  /** The series label legends and tables use (see the model's `Comparison.label`). */
  label: string | null;
  uri: string | null;
  problem: string | null;
  evaluation: {
    name: string;
    dateFrom: string | null;
    dateTo: string | null;
    round: number | null;
    total: number;
    max: number;
    percent: number;
    areas: {
      number: number;
      title: string;
      score: number | null;
      max: number;
      percent: number | null;
    }[];
  } | null;
}

/** An evaluation in the JSON model. */
export interface JsonEvaluation {
  name: string;
  framework: { id: string; title: string; max: number; builtin: boolean } | null;
  frameworkId: string | null;
  language: string;
  dateFrom: string | null;
  dateTo: string | null;
  evaluators: string[];
  organisation: string | null;
  round: number | null;
  summary: string | null;
  about: string | null;
  facts: { label: string; value: string | number }[];
  total: number;
  statedTotal: number | null;
  max: number;
  percent: number;
  summaryOnly: boolean;
  areas: JsonArea[];
  missingAreas: { number: number; title: string; max: number }[];
  comparisons: JsonComparison[];
}

/** The whole JSON report. */
export interface JsonReport {
  schemaVersion: typeof jsonSchemaVersion;
  generator: 'kompass';
  generatedAt: string | null;
  uri: string;
  diagnostics: {
    severity: string;
    code: string;
    message: string;
    start: number;
    end: number;
    line: number | null;
  }[];
  evaluations: JsonEvaluation[];
}

/** The report as a plain object following the versioned JSON model; `JSON.stringify` it to write. */
export function renderJson(analysis: Analysis, options: ReportOptions = {}): JsonReport {
  return {
    schemaVersion: jsonSchemaVersion,
    generator: 'kompass',
    generatedAt: options.generatedAt ? options.generatedAt.toISOString() : null,
    uri: analysis.uri,
    diagnostics: problems(analysis, options.sourceText).map((p) => ({
      severity: p.severity,
      code: p.code,
      message: p.message,
      start: p.start,
      end: p.end,
      line: p.line ?? null,
    })),
    evaluations: analysis.evaluations.map(evaluationJson),
  };
}

function evaluationJson(e: EvaluationResult): JsonEvaluation {
  return {
    name: e.name,
    framework: e.framework
      ? {
          id: e.framework.id,
          title: e.framework.title,
          max: e.framework.max,
          builtin: e.framework.builtin,
        }
      : null,
    frameworkId: e.frameworkId ?? null,
    language: e.language,
    dateFrom: e.dateFrom ?? null,
    dateTo: e.dateTo ?? null,
    evaluators: [...e.evaluators],
    organisation: e.organisation ?? null,
    round: e.round ?? null,
    summary: e.summary ?? null,
    about: e.about ?? null,
    facts: e.facts.map((f) => ({ label: f.label, value: f.value })),
    total: e.total,
    statedTotal: e.statedTotal ?? null,
    max: e.max,
    percent: e.percent,
    summaryOnly: e.summaryOnly,
    areas: e.areas.map(areaJson),
    missingAreas: e.missingAreas.map((a) => ({ number: a.number, title: a.title, max: a.max })),
    comparisons: e.comparisons.map((c) => ({
      path: c.path,
      label: c.label ?? null,
      uri: c.uri ?? null,
      problem: c.problem ?? null,
      evaluation: c.target
        ? {
            name: c.target.name,
            dateFrom: c.target.dateFrom ?? null,
            dateTo: c.target.dateTo ?? null,
            round: c.target.round ?? null,
            total: c.target.total,
            max: c.target.max,
            percent: c.target.percent,
            areas: c.target.areas.map((a) => ({
              number: a.number,
              title: a.title,
              score: a.score ?? null,
              max: a.max,
              percent: a.percent ?? null,
            })),
          }
        : null,
    })),
  };
}

function areaJson(a: AreaResult): JsonArea {
  return {
    number: a.number,
    title: a.title,
    score: a.score ?? null,
    statedScore: a.statedScore ?? null,
    computedScore: a.computedScore ?? null,
    max: a.max,
    percent: a.percent ?? null,
    headings: [...a.headings],
    intro: a.intro ?? null,
    sections: a.sections.map((s) => ({ heading: s.heading, text: s.text })),
    strengths: [...a.strengths],
    improvements: [...a.improvements],
    examples: a.examples.map((x) => ({ municipality: x.municipality, note: x.note ?? null })),
    questions: a.questions.map((q) => ({
      id: q.id,
      title: q.title,
      points: q.points ?? null,
      max: q.max ?? null,
      percent: q.percent ?? null,
    })),
    missingQuestions: a.missingQuestions.map((q) => ({ id: q.id, title: q.title, max: q.max })),
  };
}
