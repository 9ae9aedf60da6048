/**
 * The web worker server's edit → diagnostics latency: dist/web/server.js started as a `Worker`
 * in Debian's Chromium (the page of server/test/webWorkerPage.ts), timed inside the page.
 *
 *   npx tsx server/bench/webLatency.ts        prints the figures for the Västerås sample
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '../../test/chromium';
import { workerPage } from '../test/webWorkerPage';
import { type Stats, stats } from './latency';

const root = join(import.meta.dirname, '..', '..');

/** What `measureWebServerLatency` found. */
export interface WebLatencyResult {
  /** From posting a didChange to the worker to receiving the diagnostics for that version. */
  editToDiagnostics: Stats;
  /** From creating the worker to the first diagnostics of the document. */
  startup: number;
}

type Lsp = {
  start(url: string): void;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  diagnostics(uri: string, min: number, ms: number): Promise<unknown>;
  timeEdits(uri: string, text: string, firstVersion: number, iterations: number): Promise<number[]>;
};

/**
 * Starts the built web server in Chromium, opens `text` and times `iterations` edits (the
 * server's diagnostics debounce set to 0, so the figure is its own work plus the messaging).
 */
export async function measureWebServerLatency(opts: {
  text: string;
  iterations?: number;
  bundle?: string;
}): Promise<WebLatencyResult> {
  if (!hasChromium()) throw new Error('/usr/bin/chromium is absent (apt-get install chromium)');
  const bundle = readFileSync(opts.bundle ?? join(root, 'dist', 'web', 'server.js'));
  const http = createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(workerPage);
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    const uri = 'file:///bench/sample.kompass';
    return await page
      .evaluate(
        async ({ uri, text, iterations }) => {
          const lsp = (window as unknown as { lsp: Lsp }).lsp;
          const started = performance.now();
          lsp.start('/server.js');
          await lsp.request('initialize', {
            processId: null,
            rootUri: null,
            capabilities: {},
            initializationOptions: { trusted: true, settings: { diagnostics: { debounceMs: 0 } } },
          });
          lsp.notify('initialized', {});
          lsp.notify('textDocument/didOpen', {
            textDocument: { uri, languageId: 'kompass', version: 1, text },
          });
          await lsp.diagnostics(uri, 0, 20_000);
          const startup = performance.now() - started;
          const times = await lsp.timeEdits(uri, text, 2, iterations);
          return { times, startup };
        },
        { uri, text: opts.text, iterations: opts.iterations ?? 50 },
      )
      .then(({ times, startup }) => ({ editToDiagnostics: stats(times), startup }));
  } finally {
    await browser.close();
    http.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = readFileSync(join(root, 'samples', 'vasteras-2012.kompass'), 'utf8');
  const r = await measureWebServerLatency({ text, iterations: 50 });
  console.log(
    `web worker: edit → diagnostics median ${r.editToDiagnostics.median.toFixed(1)} ms, p95 ${r.editToDiagnostics.p95.toFixed(1)} ms (${r.editToDiagnostics.samples} edits); startup ${r.startup.toFixed(0)} ms`,
  );
}
