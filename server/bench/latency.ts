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
  /** The debounce the server is given, in ms (default 0, so the latency is the server's own). */
  debounceMs?: number;
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
  const child = spawn(process.execPath, [serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const waiting = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.version !== undefined) waiting.get(p.version)?.();
  });
  connection.onRequest('workspace/configuration', () => [
    { diagnostics: { debounceMs: opts.debounceMs ?? 0 } },
  ]);
  connection.listen();
  const uri = pathToFileURL(join(process.cwd(), '.kompass-bench.kompass')).toString();
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
    return { editToDiagnostics: stats(edits), hover: stats(hovers), startup };
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
