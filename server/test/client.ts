import { type ChildProcess, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type {
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { root, serverBundle } from './build';

/** Options for starting a server under test. */
export interface StartOptions {
  /** Workspace folder (a path); defaults to the samples folder. */
  folder?: string;
  /** What `workspace/configuration` answers for `kompass`. */
  settings?: Record<string, unknown>;
  trusted?: boolean;
  /** Extra arguments for the server process (a transport flag, for instance). */
  args?: string[];
  /** Start through bin/kompass-language-server.js instead of dist/server.js. */
  viaBin?: boolean;
}

/** A file URI for a path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

/** Splits `<|>` out of a text: the text without it and the marker's position. */
export function cursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> in text');
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return {
    text,
    offset,
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}

/** Waits for `promise`, failing after `ms` with `what` in the message. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/** A language client talking LSP over stdio to a spawned server process. */
export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
  ) {}

  /** Spawns the built server, initializes it and waits until it is ready. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const folder = options.folder ?? `${root}/samples`;
    const entry = options.viaBin ? `${root}/bin/kompass-language-server.js` : serverBundle;
    const child = spawn(process.execPath, [entry, ...(options.args ?? ['--stdio'])], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const settings = { diagnostics: { debounceMs: 20 }, ...(options.settings ?? {}) };
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
      p.items.map(() => settings),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    let client: TestClient | undefined;
    const early: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (client) client.record(p);
      else early.push(p);
    });
    const logs: string[] = [];
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
    connection.listen();
    const result = await within(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(folder),
        workspaceFolders: [{ uri: uriOf(folder), name: 'test' }],
        capabilities: {
          workspace: {
            configuration: true,
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
          },
        },
        initializationOptions: { trusted: options.trusted ?? true },
      }) as Promise<InitializeResult>,
      10_000,
      `initialize (stderr: ${stderr.join('')})`,
    );
    client = new TestClient(child, connection, result);
    client.logs.push(...logs);
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client!.logs.push(p.message);
    });
    for (const p of early) client.record(p);
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record(p: PublishDiagnosticsParams): void {
    const list = this.diagnostics.get(p.uri) ?? [];
    list.push(p);
    this.diagnostics.set(p.uri, list);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Sends a request, failing after a timeout. */
  request<R>(method: string, params: unknown, ms = 5000): Promise<R> {
    return within(this.connection.sendRequest(method, params) as Promise<R>, ms, method);
  }

  /** Opens a document. */
  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'kompass', version, text },
    });
  }

  /** Sends changes (incremental when ranged); returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /** Closes a document. */
  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The latest diagnostics published for a document. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri)?.at(-1);
  }

  /** Waits until diagnostics matching `test` are published for `uri` (checking those already in). */
  async waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
    ms = 5000,
  ): Promise<Diagnostic[]> {
    const found = () => {
      const last = this.latest(uri);
      return last && test(last) ? last : undefined;
    };
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = found();
      if (hit) return hit.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.latest(uri))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down and waits for the process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await within(this.connection.sendRequest('shutdown') as Promise<unknown>, 2000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // A server that does not answer is killed below.
    }
    await within(exited, 2000, 'exit').catch(() => this.process.kill('SIGKILL'));
    this.connection.dispose();
  }
}
