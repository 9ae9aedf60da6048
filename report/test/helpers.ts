// Shared by the report tests: the samples analysed with stable URIs, so outputs do not depend on the checkout path.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Analysis,
  compareEvaluations,
  Workspace,
  type WorkspaceHost,
} from '../../grammar/src/index';
import { buildComparisonReport } from '../src/compareReport';

const samplesDir = fileURLToPath(new URL('../../samples/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** URIs as `file:///samples/<name>`, read from the checkout's samples/ and report/test/fixtures/. */
export const host: WorkspaceHost = {
  resolve: (from, path) => new URL(path, from).href,
  readFile: (uri) => {
    const file = diskPath(uri);
    return file && existsSync(file) ? { text: readFileSync(file, 'utf8') } : { error: 'missing' };
  },
};

function diskPath(uri: string): string | undefined {
  if (uri.startsWith('file:///samples/')) return samplesDir + uri.slice('file:///samples/'.length);
  if (uri.startsWith('file:///fixtures/'))
    return fixturesDir + uri.slice('file:///fixtures/'.length);
  return undefined;
}

/** Analyses a sample (`samples/<name>`) or fixture (`fixtures/<name>`) with its compare targets. */
export function analyse(path: string): { analysis: Analysis; text: string } {
  const uri = `file:///${path}`;
  const text = readFileSync(diskPath(uri)!, 'utf8');
  const ws = new Workspace(host);
  ws.set(uri, text);
  return { analysis: ws.analyze(uri), text };
}

/** Analyses a text given inline. */
export function analyseText(text: string, name = 'inline.kompass'): Analysis {
  const ws = new Workspace(host);
  const uri = `file:///fixtures/${name}`;
  ws.set(uri, text);
  return ws.analyze(uri);
}

/** The seed report's question scores (id, points, max, percent), as published. */
export const seedScores: readonly [string, number, number, number][] = (
  '1.1 14/15 93;1.2 14/20 70;1.3 9/25 36;1.4 17/30 57;1.5 4/10 40;2.1 12/15 80;2.2 14/25 56;' +
  '2.3 10/15 67;2.4 13/15 87;2.5 12/15 80;2.6 8/15 53;3.1 15/15 100;3.2 19/25 76;3.3 21/25 84;' +
  '3.4 17/20 85;3.5 10/15 67;4.1 9/15 60;4.2 7/10 70;4.3 8/20 40;4.4 11/15 73;4.5 15/20 75;' +
  '4.6 15/20 75;5.1 5/15 33;5.2 12/20 60;5.3 16/20 80;5.4 12/15 80;5.5 15/20 75;5.6 8/10 80;' +
  '6.1 6/15 40;6.2 15/20 75;6.3 15/25 60;6.4 10/15 67;6.5 13/15 87;6.6 5/10 50;7.1 12/15 80;' +
  '7.2 22/25 88;7.3 16/20 80;7.4 12/20 60;7.5 12/20 60;8.1 13/15 87;8.2 15/20 75;8.3 17/20 85;' +
  '8.4 12/15 80;8.5 7/10 70;8.6 17/20 85'
)
  .split(';')
  .map((row) => {
    const [id, score, percent] = row.split(' ') as [string, string, string];
    const [points, max] = score.split('/').map(Number) as [number, number];
    return [id, points, max, Number(percent)];
  });

/** The seed's area scores, 1 to 8. */
export const seedAreaScores = [58, 69, 82, 65, 68, 64, 74, 81];

/**
 * A comparison of samples (names without `.kompass`); by default Exempelby's two rounds and
 * Västerås: one municipality with a trend, one without.
 */
export function sampleComparison(
  lang: 'sv' | 'en' = 'sv',
  samples = ['exempelby-2010', 'exempelby-2014', 'vasteras-2012'],
) {
  const evaluations = samples.flatMap((s) => analyse(`samples/${s}.kompass`).analysis.evaluations);
  return buildComparisonReport(compareEvaluations(evaluations, lang), lang);
}

/** Collects what a pdfkit document writes from now on; `end()` ends it and gives its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): { end(): Promise<Buffer> } {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  return {
    end: async () => {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
