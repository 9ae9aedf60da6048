import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { launchChromium, requireChromium } from '../../test/chromium';
import { buildServer, buildWebServer, root, webServerBundle } from './build';
import { TestClient, uriOf } from './client';
import { workerPage } from './webWorkerPage';

const samples = join(root, 'samples');
const sampleNames = [
  'vasteras-2012.kompass',
  'exempelby-2010.kompass',
  'alla-diagnostiker.kompass',
  'egen-ramverk.kompass',
  'egen-utvardering.kompass',
  'exempelby-2014.kompass',
];
const files = Object.fromEntries(
  sampleNames.map((n) => [uriOf(join(samples, n)), readFileSync(join(samples, n), 'utf8')]),
);
const vasteras = uriOf(join(samples, 'vasteras-2012.kompass'));
const exempelby = uriOf(join(samples, 'exempelby-2014.kompass'));
const withErrors = uriOf(join(samples, 'alla-diagnostiker.kompass'));

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `no ${needle} in the sample`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** Serves the test page and the web server bundle from 127.0.0.1. */
async function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(webServerBundle));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(workerPage);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('web server: dist/web/server.js as a Worker in Chromium, answering as the Node server', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let page: Page;
  let http: Server | undefined;
  let node: TestClient | undefined;
  let webInit: InitializeResult;

  const web = <R>(method: string, params: unknown): Promise<R> =>
    page.evaluate(
      ([m, p]) =>
        (
          window as unknown as { lsp: { request(m: string, p: unknown): Promise<unknown> } }
        ).lsp.request(m, p),
      [method, params] as const,
    ) as Promise<R>;
  const webNotify = (method: string, params: unknown): Promise<void> =>
    page.evaluate(
      ([m, p]) =>
        (window as unknown as { lsp: { notify(m: string, p: unknown): void } }).lsp.notify(m, p),
      [method, params] as const,
    );
  const webDiagnostics = (uri: string, min: number): Promise<PublishDiagnosticsParams> =>
    page.evaluate(
      ([u, n]) =>
        (
          window as unknown as {
            lsp: {
              diagnostics(u: string, n: number, ms: number): Promise<PublishDiagnosticsParams>;
            };
          }
        ).lsp.diagnostics(u, n, 20_000),
      [uri, min] as const,
    );

  before(async function () {
    requireChromium(this, 'the web server test');
    await Promise.all([buildServer(), buildWebServer()]);
    const served = await serve();
    http = served.server;
    browser = await launchChromium();
    page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(served.url);
    await page.evaluate((f) => {
      (window as unknown as { kompassFiles: unknown }).kompassFiles = f;
    }, files);
    await page.evaluate(() =>
      (window as unknown as { lsp: { start(u: string): void } }).lsp.start('/server.js'),
    );
    webInit = await web<InitializeResult>('initialize', {
      processId: null,
      rootUri: uriOf(samples),
      workspaceFolders: [{ uri: uriOf(samples), name: 'test' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      initializationOptions: { trusted: true },
    });
    await webNotify('initialized', {});
    assert.deepEqual(pageErrors, []);
    node = await TestClient.start();
    for (const uri of [vasteras, exempelby, withErrors]) {
      const open = { textDocument: { uri, languageId: 'kompass', version: 1, text: files[uri] } };
      await webNotify('textDocument/didOpen', open);
      await node.open(uri, files[uri]!);
    }
  });

  after(async () => {
    await node?.stop();
    await browser?.close();
    http?.close();
  });

  it('initializes with the same capabilities and server info', async () => {
    assert.ok(webInit.capabilities.hoverProvider);
    assert.deepEqual(webInit, node!.initializeResult);
  });

  async function sameDiagnostics(uri: string, min: number): Promise<Diagnostic[]> {
    // Each server publishes again once it has read what the checks read beside the document:
    // the workspace's framework files (KK030 lists the frameworks known) and compare targets
    // (KK031), from disk for the Node server and through the client for the web one. So both
    // newest publishes are compared until they agree, and the last ones when they never do.
    const enough = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.length >= min;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const fromWeb = await webDiagnostics(uri, min);
      const fromNode = await node!.waitForDiagnostics(uri, enough);
      if (isDeepStrictEqual(fromWeb.diagnostics, fromNode) || Date.now() > deadline) {
        assert.deepEqual(fromWeb.diagnostics, fromNode);
        return fromNode;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  it('publishes the sample diagnostics the Node server publishes (compare target read through the client)', async () => {
    const diags = await sameDiagnostics(vasteras, 0);
    assert.equal(diags.filter((d) => d.severity === 1).length, 0);
    // The 2014 Exempelby round compares with the 2010 one; the hover shows it, read via the relay.
    const text = files[exempelby]!;
    const hover = await web<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: exempelby },
      position: positionOf(text, 'evaluation "', 3),
    });
    assert.match(hover?.contents.value ?? '', /Compared with:\n- Exempelby kommun 2010/);
  });

  it('publishes the same errors for a document with errors', async () => {
    const diags = await sameDiagnostics(withErrors, 10);
    const codes = new Set(diags.map((d) => d.code));
    for (const code of ['KK001', 'KK010', 'KK020', 'KK030']) assert.ok(codes.has(code), code);
  });

  const vasterasText = () => files[vasteras]!;
  const requests: [string, () => unknown][] = [
    [
      'hover on a question',
      () => ({
        textDocument: { uri: vasteras },
        position: positionOf(vasterasText(), 'question 1.1', 3),
      }),
    ],
    [
      'hover on an area',
      () => ({
        textDocument: { uri: vasteras },
        position: positionOf(vasterasText(), 'area 1', 2),
      }),
    ],
    [
      'hover on the evaluation, with the compare target',
      () => ({
        textDocument: { uri: vasteras },
        position: positionOf(vasterasText(), 'evaluation "', 3),
      }),
    ],
    [
      'completion at the start of a question line',
      () => ({
        textDocument: { uri: vasteras },
        position: positionOf(vasterasText(), 'question 1.2'),
      }),
    ],
    [
      'completion of a framework name',
      () => ({
        textDocument: { uri: vasteras },
        position: positionOf(vasterasText(), 'framework "', 11),
      }),
    ],
  ];
  const methods: Record<string, string> = {
    hover: 'textDocument/hover',
    completion: 'textDocument/completion',
  };

  for (const [title, params] of requests) {
    it(`answers ${title} as the Node server does`, async () => {
      const method = methods[title.split(' ')[0]!]!;
      const fromWeb = await web<unknown>(method, params());
      const fromNode = await node!.request<unknown>(method, params());
      assert.ok(fromNode !== null && JSON.stringify(fromNode) !== '[]', `${title}: empty answer`);
      assert.deepEqual(fromWeb, fromNode);
    });
  }

  for (const method of [
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/semanticTokens/full',
    'textDocument/formatting',
    'textDocument/inlayHint',
  ]) {
    it(`answers ${method} for the document with errors as the Node server does`, async () => {
      const params: Record<string, unknown> = { textDocument: { uri: withErrors } };
      if (method.endsWith('formatting')) params.options = { tabSize: 2, insertSpaces: true };
      if (method.endsWith('inlayHint'))
        params.range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
      const fromWeb = await web<unknown>(method, params);
      const fromNode = await node!.request<unknown>(method, params);
      assert.deepEqual(fromWeb, fromNode);
    });
  }

  it('answers definition into a built-in framework and quick fixes as the Node server does', async () => {
    const text = vasterasText();
    const def = {
      textDocument: { uri: vasteras },
      position: positionOf(text, 'question 1.1', 10),
    };
    const webDef = await web<{ uri: string } | null>('textDocument/definition', def);
    assert.match(webDef?.uri ?? '', /^kompass-builtin:/);
    assert.deepEqual(webDef, await node!.request('textDocument/definition', def));
    const diags = (await webDiagnostics(withErrors, 10)).diagnostics;
    const actions = {
      textDocument: { uri: withErrors },
      range: diags[0]!.range,
      context: { diagnostics: diags },
    };
    assert.deepEqual(
      await web('textDocument/codeAction', actions),
      await node!.request('textDocument/codeAction', actions),
    );
  });
});
