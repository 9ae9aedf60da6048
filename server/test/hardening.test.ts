import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { buildServer, serverBundle } from './build';
import { TestClient, uriOf, within } from './client';

const evaluation = (extra: string) =>
  `evaluation "A" {\n  framework "kommunkompassen-2.0"\n  ${extra}\n  area 1 score 5\n}\n`;

describe('server against hostile files, over stdio', function () {
  this.timeout(60_000);
  let dir: string;
  before(buildServer);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-server-harden-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a request before initialize with ServerNotInitialized at once', async () => {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    try {
      const started = Date.now();
      const error = await within(
        connection
          .sendRequest('textDocument/hover', {
            textDocument: { uri: 'file:///x.kompass' },
            position: { line: 0, character: 0 },
          })
          .then(
            () => undefined,
            (e: { code?: number }) => e,
          ),
        3000,
        'hover before initialize',
      );
      assert.equal(error?.code, -32002);
      assert.ok(Date.now() - started < 3000);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('a closed document that became a link to /dev/zero is not read, and the server answers on', async () => {
    const path = join(dir, 'a.kompass');
    writeFileSync(path, evaluation(''));
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(path);
      await client.open(uri, evaluation(''));
      await client.waitForDiagnostics(uri);
      unlinkSync(path);
      symlinkSync('/dev/zero', path);
      await client.close(uri);
      const hover = await client.request<Hover | null>(
        'textDocument/hover',
        { textDocument: { uri }, position: { line: 0, character: 0 } },
        5000,
      );
      assert.equal(hover, null);
    } finally {
      await client.stop();
    }
  });

  it('in an untrusted workspace, a link inside the folder to a file outside is not read', async () => {
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(join(dir, 'secret.kompass'), evaluation('').replace('"A"', '"Hemlig"'));
    symlinkSync(join(dir, 'secret.kompass'), join(ws, 'link.kompass'));
    const client = await TestClient.start({ folder: ws, trusted: false });
    try {
      const uri = uriOf(join(ws, 'a.kompass'));
      await client.open(uri, evaluation('compare "link.kompass"'));
      const diags = await client.waitForDiagnostics(uri, (p) =>
        p.diagnostics.some((d) => d.code === 'KK031'),
      );
      assert.match(String(diags.find((d) => d.code === 'KK031')!.message), /utanför arbetsytan/);
    } finally {
      await client.stop();
    }
  });

  it('128 nested areas publish a KK001 instead of nothing', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(join(dir, 'deep.kompass'));
      await client.open(
        uri,
        `evaluation "x" {\n${'area 1 {\n'.repeat(128)}${'}'.repeat(128)}\n}\n`,
      );
      const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(
        diags.some(
          (d) => d.code === 'KK001' && /Nästlingen är djupare än 32/.test(String(d.message)),
        ),
      );
    } finally {
      await client.stop();
    }
  });

  it('a framework file with an 8.4-million-character string does not spoil the start-up scan', async () => {
    writeFileSync(join(dir, 'a-huge.kompass'), `framework "${'x'.repeat(8_400_000)}" { }\n`);
    writeFileSync(join(dir, 'ny.kompass'), 'framework "ny" {\n  area 1 "Ett" max 10\n}\n');
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(join(dir, 'e.kompass'));
      await client.open(uri, 'evaluation "E" {\n  framework "ny"\n  area 1 score 5\n}\n');
      const diags = await client.waitForDiagnostics(
        uri,
        (p) => !p.diagnostics.some((d) => d.code === 'KK030'),
        30_000,
      );
      assert.deepEqual(diags, []);
    } finally {
      await client.stop();
    }
  });

  it('a document with 5,000 errors publishes at most 1,000 diagnostics, the last saying how many more', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(join(dir, 'many.kompass'));
      await client.open(uri, `evaluation "x" {\n${'  @\n'.repeat(5000)}}\n`);
      const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 20_000);
      assert.equal(diags.length, 1000);
      assert.match(String(diags.at(-1)!.message), /problem till visas inte/);
    } finally {
      await client.stop();
    }
  });

  it('one null URI in a watched-files batch does not drop the rest of the batch', async () => {
    const client = await TestClient.start({ folder: dir });
    try {
      const uri = uriOf(join(dir, 'c.kompass'));
      await client.open(uri, 'evaluation "C" {\n  framework "ny"\n  area 1 score 5\n}\n');
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'KK030'));
      writeFileSync(join(dir, 'ny.kompass'), 'framework "ny" {\n  area 1 "Ett" max 10\n}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: null, type: 1 },
          { uri: uriOf(join(dir, 'ny.kompass')), type: 1 },
        ],
      });
      const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.deepEqual(after, []);
    } finally {
      await client.stop();
    }
  });
});
