/**
 * What a person sees after `code-server --install-extension kompass.vsix`: opens a .kompass file
 * with known problems in code-server, through headless Chromium, and checks that the Problems
 * panel lists them and that Open Preview to the Side shows the report beside the editor.
 * Screenshots go to the output folder. Uses the code-server install of
 * scripts/vscode-test/install.sh (docs/testing-in-vscode.md).
 *
 *   npx tsx client/test/ui/vsixSmoke.ts [kompass.vsix] [--out DIR]
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  installVsix,
  openSession,
  outputFolder,
  runCommand,
  runScript,
  sleep,
  waitFor,
} from './session';

const args = process.argv.slice(2);
const outDir = outputFolder(args);
const vsix = path.resolve(
  args.find((a, i) => a.endsWith('.vsix') && args[i - 1] !== '--out') ?? 'kompass.vsix',
);
const log = (m: string) => console.log(`[vsix-smoke] ${m}`);

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const session = await openSession('kompass-vsix-', installVsix(vsix));
  const p: Page = session.page;
  try {
    // Open the document with a problem of every kind from the Explorer.
    await p
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'alla-diagnostiker.kompass' })
      .dblclick({ timeout: 30_000 });
    await p.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });

    await runCommand(p, 'View: Focus Problems');
    const problems = await waitFor('problems in the Problems panel', 60_000, async () => {
      const rows = await p.$$eval('.markers-panel .monaco-list-row', (els) =>
        els.map((e) => e.textContent ?? ''),
      );
      return rows.some((r) => /KK0\d\d/.test(r)) ? rows : undefined;
    });
    log(
      `Problems panel: ${problems.length} rows, e.g. ${problems.find((r) => /KK010/.test(r)) ?? problems[0]}`,
    );
    await p.screenshot({ path: path.join(outDir, 'problems.png') });

    // Back to the editor, then the preview beside it.
    await p.keyboard.press('Control+1');
    await runCommand(p, 'Kompass: Open Preview to the Side');
    const frame = await waitFor('the report in the preview webview', 60_000, async () => {
      for (const f of p.frames()) {
        const n = await f
          .locator('.kk-report')
          .count()
          .catch(() => 0);
        if (n > 0) return f as Frame;
      }
      return undefined;
    });
    const title = await frame.locator('.kk-municipality').first().textContent();
    const groups = await p.locator('.editor-group-container').count();
    log(`preview shows "${title}"; editor groups: ${groups}`);
    await sleep(1000);
    await p.screenshot({ path: path.join(outDir, 'preview.png') });
    if (groups < 2) throw new Error('the preview did not open beside the editor');
    log(`screenshots in ${outDir}`);
  } catch (err) {
    await p.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => undefined);
    throw err;
  } finally {
    await session.close();
  }
}

runScript('vsix-smoke', main);
