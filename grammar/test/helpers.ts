import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, analyzeText, type Diagnostic, type WorkspaceHost } from '../src/index';

/** Analyses a text; `files` are other documents the host can read (for compare targets). */
export function analyze(text: string, files: Record<string, string> = {}): Analysis {
  const host: WorkspaceHost = {
    resolve: (_from, path) => `mem:/${path}`,
    readFile: (uri) => {
      const t = files[uri.slice('mem:/'.length)];
      return t === undefined ? { error: 'missing' } : { text: t };
    },
  };
  return analyzeText(text, { uri: 'mem:/main.kompass', host });
}

/** The codes of a text's diagnostics, in order. */
export function codes(text: string, files?: Record<string, string>): string[] {
  return analyze(text, files).diagnostics.map((d) => d.code);
}

/** The diagnostics with a code. */
export function withCode(text: string, code: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => d.code === code);
}

/** The source text a diagnostic covers. */
export function covered(text: string, d: { start: number; end: number }): string {
  return text.slice(d.start, d.end);
}

/** Area 1 of Kommunkompassen 2.0 with all five questions, the given points, in an evaluation. */
export function area1(
  points: [number, number, number, number, number] = [14, 14, 9, 17, 4],
  extra = '',
): string {
  const maxes = [15, 20, 25, 30, 10];
  const qs = points.map((p, i) => `    question 1.${i + 1} ${p}/${maxes[i]}`).join('\n');
  return `evaluation "Testby" {
  framework "kommunkompassen-2.0"
  area 1 "Offentlighet och demokrati" {
${qs}
${extra}
  }
}
`;
}

/** Codes other than the missing-area warnings, which most small tests do not care about. */
export function codesBut16(text: string): string[] {
  return codes(text).filter((c) => c !== 'KK016');
}

/** The paths of the sample documents and the snapshot inputs, the documents the tests parse. */
export function documentFiles(): string[] {
  const kompassIn = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.kompass'))
      .map((f) => join(dir, f));
  return [...kompassIn('samples'), ...kompassIn('grammar/test/snapshots')];
}
