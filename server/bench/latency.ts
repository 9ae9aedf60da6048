import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../grammar/src/index';

/** What to measure. */
export interface LatencyOptions {
  /** The document text the edits and hovers run on. */
  text: string;
  /** How many edits and hovers to time (default 50 each). */
  iterations?: number;
  /** The built server (default dist/server.js in the repository). */
  serverPath?: string;
  /** The debounce the server is given, in ms; null or absent: the server's default. */
  debounceMs?: number | null;
  /**
   * The command that starts the server (default: node on `serverPath` with `--stdio`), for
   * measuring another implementation of the language with the same client.
   */
  command?: { executable: string; args: string[]; cwd?: string };
  /** Offset to hover at (default: the first evaluation's name, else the start). */
  hoverOffset?: number;
  /** Per-wait timeout in ms (default 10 000). */
  timeoutMs?: number;
}

/** Median and 95th percentile of a series, in milliseconds. */
export interface Stats {
  median: number;
  p95: number;
  samples: number;
}

/** What `measureServerLatency` found. */
export interface LatencyResult {
  /** From sending a didChange to receiving the diagnostics for that version. */
  editToDiagnostics: Stats;
  /** Every edit's time, in order, for pooling runs. */
  editSamples: number[];
  /** From sending a hover request to its answer. */
  hover: Stats;
  /** From spawning the process to the first diagnostics of the document. */
  startup: number;
}

/** Median and 95th percentile of a series. */
export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

/**
 * Spawns the built server over stdio, opens `text`, and times edit → published diagnostics and
 * hover answers. Each edit appends and removes a comment at the end, so the checks stay the same.
 */
export async function measureServerLatency(opts: LatencyOptions): Promise<LatencyResult> {
  const iterations = opts.iterations ?? 50;
  const timeout = opts.timeoutMs ?? 10_000;
  const serverPath = opts.serverPath ?? join(import.meta.dirname, '..', '..', 'dist', 'server.js');
  const started = performance.now();
  const command = opts.command ?? { executable: process.execPath, args: [serverPath, '--stdio'] };
  const child = spawn(command.executable, command.args, {
    stdio: ['pipe', 'pipe', 'ignore'],
    ...(command.cwd ? { cwd: command.cwd } : {}),
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const waiting = new Map<number, () => void>();
  let latest = 0;
  const uri = pathToFileURL(join(process.cwd(), '.kompass-bench.kompass')).toString();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    // Only this document's: a server may publish for its built-in files too. A server that
    // publishes without versions answers the latest edit.
    if (p.uri !== uri) return;
    const v = p.version ?? latest;
    waiting.get(v)?.();
  });
  connection.onRequest('workspace/configuration', (p: { items?: unknown[] }) =>
    (p.items ?? [{}]).map(() =>
      opts.debounceMs === undefined || opts.debounceMs === null
        ? {}
        : { diagnostics: { debounceMs: opts.debounceMs } },
    ),
  );
  // Requests a server may send while starting; one left unanswered can hold up its start.
  for (const method of [
    'client/registerCapability',
    'window/workDoneProgress/create',
    'workspace/semanticTokens/refresh',
    'workspace/inlayHint/refresh',
  ]) {
    connection.onRequest(method, () => null);
  }
  connection.listen();
  const wait = (version: number) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no diagnostics for version ${version}`)),
        timeout,
      );
      waiting.set(version, () => {
        clearTimeout(t);
        waiting.delete(version);
        resolve();
      });
    });
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted: true },
    });
    await connection.sendNotification('initialized', {});
    latest = 1;
    const first = wait(1);
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'kompass', version: 1, text: opts.text },
    });
    await first;
    const startup = performance.now() - started;

    const lines = new LineIndex(opts.text);
    const end = lines.position(opts.text.length);
    const edits: number[] = [];
    let version = 1;
    for (let i = 0; i < iterations; i++) {
      version++;
      latest = version;
      const adding = i % 2 === 0;
      const done = wait(version);
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          adding
            ? { range: { start: end, end }, text: '//x' }
            : {
                range: { start: end, end: { line: end.line, character: end.character + 3 } },
                text: '',
              },
        ],
      });
      await done;
      edits.push(performance.now() - t0);
    }

    const nameAt = /evaluation\s+"/.exec(opts.text);
    const position = lines.position(
      opts.hoverOffset ?? (nameAt ? nameAt.index + nameAt[0].length : 0),
    );
    const hovers: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hovers.push(performance.now() - t0);
    }
    return { editToDiagnostics: stats(edits), editSamples: edits, hover: stats(hovers), startup };
  } finally {
    try {
      await Promise.race([
        connection.sendRequest('shutdown'),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
      await connection.sendNotification('exit');
    } catch {
      // The process is killed below either way.
    }
    connection.dispose();
    child.kill();
  }
}
