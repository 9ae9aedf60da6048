/**
 * The comparison figures: `kompass summary` over 300 generated evaluations of about 250 lines each
 * (150 municipalities, two rounds each) as a whole process, the comparison model in process, and
 * the comparison webview's first draw in Chromium.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareView } from '../client/src/compare/view';
import { drawComparison, swedishLabels } from '../client/test/unit/compareBrowser';
import { compareEvaluations, type EvaluationResult, Workspace } from '../grammar/src/index';
import { hasChromium, launchChromium } from '../test/chromium';
import { generateDocument } from './generate';
import { root } from './optional';
import type { ExtraFigure } from './results';
import { summarise } from './stats';

const files = 300;

/** The 300 documents: each its own municipality's round, 2012 or 2016. */
function documents(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < files; i++) {
    const municipality = Math.floor(i / 2);
    const year = i % 2 === 0 ? 2012 : 2016;
    const text = generateDocument({ lines: 250, seed: 1000 + i })
      .replace(/evaluation "Kommun \d+"/, `evaluation "Kommun ${municipality}"`)
      .replace(/date 2014-05-01 to 2014-05-03/, `date ${year}-05-01 to ${year}-05-03`);
    out.push({ name: `kommun-${municipality}-${year}.kompass`, text });
  }
  return out;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** Measures the comparison; `quick` takes fewer samples. */
export async function measureComparison(
  quick: boolean,
): Promise<{ figures: ExtraFigure[]; notes: string[] }> {
  const notes: string[] = [];
  const figures: ExtraFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kompass-bench-compare-'));
  try {
    const docs = documents();
    const folder = join(dir, 'set');
    mkdirSync(folder);
    for (const d of docs) writeFileSync(join(folder, d.name), d.text);
    const lines = docs.reduce((n, d) => n + d.text.split('\n').length, 0);
    notes.push(
      `comparison set: ${files} files, ${Math.round(lines / files)} lines each on average`,
    );

    const runs = quick ? 3 : 7;
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [resolve(root, 'bin/kompass.js'), 'summary', folder], {
        encoding: 'utf8',
      });
      whole.push(performance.now() - t);
      if (r.status !== 0 || r.stdout.split('\n').length < files) {
        throw new Error(`kompass summary failed (exit ${r.status}): ${r.stderr}`);
      }
    }
    const w = summarise(whole);
    figures.push({ name: 'compare/summary-300', unit: 'ms', value: w.median, p95: w.p95 });

    // In process: analysis of the set, then the comparison model alone.
    const ws = new Workspace();
    for (const d of docs) ws.set(`mem:/${d.name}`, d.text);
    const [evs, analysisMs] = time(() =>
      docs.flatMap((d): EvaluationResult[] => ws.analyze(`mem:/${d.name}`).evaluations),
    );
    const modelMs: number[] = [];
    for (let i = 0; i < runs * 3; i++) modelMs.push(time(() => compareEvaluations(evs, 'sv'))[1]);
    figures.push({ name: 'compare/analyze-300', unit: 'ms', value: analysisMs });
    figures.push({ name: 'compare/model-300', unit: 'ms', value: summarise(modelMs).median });

    if (!hasChromium()) {
      notes.push('comparison webview not measured: /usr/bin/chromium is absent');
    } else {
      const browser = await launchChromium();
      try {
        const model = compareEvaluations(evs, 'sv');
        const draws: number[] = [];
        for (let i = 0; i < runs; i++) {
          const { page, posted } = await drawComparison(
            browser,
            compareView(model, 'sv', swedishLabels),
          );
          const drawn = (await posted()).find((m) => m.type === 'rendered');
          if (drawn?.type === 'rendered') draws.push(drawn.ms);
          await page.close();
        }
        const d = summarise(draws);
        figures.push({ name: 'compare/webview-300', unit: 'ms', value: d.median, p95: d.p95 });
      } finally {
        await browser.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, notes };
}
