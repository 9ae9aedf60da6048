import { builtinSource, severityCounts } from '../../grammar/src/index';
import { analysisOf, type ServerState } from './state';

/** `kompass/builtinSource`: the text of a built-in framework by its `kompass-builtin:` URI. */
export const builtinSourceRequest = 'kompass/builtinSource';

/** `kompass/analysis`: a small JSON summary of an open document's analysis. */
export const analysisRequest = 'kompass/analysis';

/** The text of a built-in framework, or null. */
export function onBuiltinSource(params: { uri?: unknown } | undefined): string | null {
  return typeof params?.uri === 'string' ? (builtinSource(params.uri) ?? null) : null;
}

/** A JSON-safe summary of an analysis: names, totals and per-area scores. */
export interface AnalysisSummary {
  uri: string;
  version: number;
  messageLanguage: string;
  diagnostics: { errors: number; warnings: number; codes: string[] };
  evaluations: {
    name: string;
    framework: string | null;
    total: number;
    max: number;
    percent: number;
    statedTotal: number | null;
    areas: {
      number: number;
      title: string;
      score: number | null;
      max: number;
      percent: number | null;
    }[];
    comparisons: {
      path: string;
      name: string | null;
      total: number | null;
      problem: string | null;
    }[];
  }[];
  frameworks: { id: string; title: string; max: number; areas: number }[];
}

/** The summary of an open document, or null when it is not open. */
export function onAnalysis(
  state: ServerState,
  params: { uri?: unknown } | undefined,
): AnalysisSummary | null {
  if (typeof params?.uri !== 'string') return null;
  const current = analysisOf(state, params.uri);
  if (!current) return null;
  const a = current.analysis;
  const counts = severityCounts(a);
  return {
    uri: a.uri,
    version: a.version,
    messageLanguage: a.messageLanguage,
    diagnostics: {
      errors: counts.errors,
      warnings: counts.warnings,
      codes: [...new Set(a.diagnostics.map((d) => d.code))].sort(),
    },
    evaluations: a.evaluations.map((e) => ({
      name: e.name,
      framework: e.frameworkId ?? null,
      total: e.total,
      max: e.max,
      percent: e.percent,
      statedTotal: e.statedTotal ?? null,
      areas: e.areas.map((x) => ({
        number: x.number,
        title: x.title,
        score: x.score ?? null,
        max: x.max,
        percent: x.percent ?? null,
      })),
      comparisons: e.comparisons.map((c) => ({
        path: c.path,
        name: c.target?.name ?? null,
        total: c.target?.total ?? null,
        problem: c.problem ?? null,
      })),
    })),
    frameworks: a.frameworks.map((f) => ({
      id: f.id,
      title: f.title,
      max: f.max,
      areas: f.areas.length,
    })),
  };
}
