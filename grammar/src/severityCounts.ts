import type { Analysis, SeverityCounts } from './model';

/**
 * How many errors, warnings and information an analysis found, those the cap left out included:
 * past `maxDiagnostics` its last diagnostic (a KK050) stands for them and is not counted itself.
 */
export function severityCounts(
  analysis: Pick<Analysis, 'diagnostics' | 'omitted'>,
): SeverityCounts {
  const counts: SeverityCounts = analysis.omitted
    ? { ...analysis.omitted }
    : { errors: 0, warnings: 0, information: 0 };
  const shown = analysis.diagnostics;
  const n = analysis.omitted ? shown.length - 1 : shown.length;
  for (let i = 0; i < n; i++) {
    const severity = shown[i]!.severity;
    if (severity === 'error') counts.errors++;
    else if (severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  return counts;
}
