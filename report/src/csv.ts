/** The report as CSV: one row per question (area, question, title, points, max, percent). */

import type { Analysis } from '../../grammar/src/index';
import { csvField } from './escape';
import type { ReportOptions } from './options';
import { questionRows } from './view';

/**
 * One row per question of every evaluation, framework questions the area lacks included with empty
 * points. With several evaluations in the file, a leading `evaluation` column names each row's.
 */
export function renderCsv(analysis: Analysis, options: ReportOptions = {}): string {
  const sep = options.csvSeparator ?? ',';
  const several = analysis.evaluations.length > 1;
  const header = ['area', 'question', 'title', 'points', 'max', 'percent'];
  const lines: string[] = [(several ? ['evaluation', ...header] : header).join(sep)];
  for (const ev of analysis.evaluations) {
    for (const a of ev.areas) {
      for (const q of questionRows(a)) {
        const cells: (string | number | undefined)[] = [
          a.number,
          q.id,
          q.title,
          q.points,
          q.max,
          q.percent,
        ];
        if (several) cells.unshift(ev.name);
        lines.push(cells.map((c) => csvField(c, sep)).join(sep));
      }
    }
  }
  // RFC 4180 lines end in CRLF, which Excel and every CSV reader accept.
  return `${options.csvBom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
