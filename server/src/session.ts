import {
  type ClientCapabilities,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { uriInside, Workspace } from '../../grammar/src/index';
import { fixAllKind, onCodeAction } from './codeActions';
import { onCompletion } from './completion';
import { analysisRequest, builtinSourceRequest, onAnalysis, onBuiltinSource } from './custom';
import { onDefinition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { onFoldingRanges } from './folding';
import { onFormatting } from './formatting';
import { onHover } from './hover';
import { onInlayHints } from './inlayHints';
import { scanFolders } from './loader';
import type { FileAccessFactory, WorkspaceView } from './platform';
import { describe, guarded, lifecycle } from './safe';
import { onSemanticTokens, semanticTokensLegend } from './semanticTokens';
import { defaultSettings, parseSettings, type Settings } from './settings';
import { forgetLines, type ServerState } from './state';
import { onDocumentSymbol } from './symbols';

/**
 * Runs the Kompass language server on `connection`: the same in Node and in a browser worker,
 * only the way files are reached (`fileAccess`) differs. Returns when it listens.
 */
export function startSession(connection: Connection, fileAccess: FileAccessFactory): void {
  const documents = new TextDocuments(TextDocument);

  let folders: string[] = [];
  let trusted = true;
  let capabilities: ClientCapabilities = {};

  const view: WorkspaceView = {
    folders: () => folders,
    trusted: () => trusted,
    maxFileSize: () => state.settings.maxFileSize,
  };
  // The one place the server chooses how files are read; everything else goes through `FileAccess`.
  const host = fileAccess(view);
  // A read that answered later (the web worker's) re-checks the documents.
  const workspaceOf = (maxDocumentSize: number) =>
    new Workspace(host, { maxDocumentSize, onRead: () => publisher.refreshAll() });

  const state: ServerState = {
    connection,
    document: (uri) => documents.get(uri),
    workspace: workspaceOf(defaultSettings.maxFileSize),
    settings: defaultSettings,
  };
  const publisher = new DiagnosticsPublisher(state);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    lifecycle.initialized = true;
    const options = (params.initializationOptions ?? {}) as {
      trusted?: unknown;
      settings?: unknown;
    };
    trusted = options.trusted !== false;
    applySettings(parseSettings(options.settings));
    folders =
      params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '"', '.', '/'] },
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        documentFormattingProvider: true,
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'kompass-language-server', version: '0.1.0' },
    };
  });

  // Settles when the start-up scan is done (or after a bounded wait), so requests see the workspace.
  let scanDone: () => void = () => undefined;
  const scanned = new Promise<void>((resolve) => {
    scanDone = resolve;
  });
  const ready = Promise.race([
    scanned,
    new Promise<void>((r) => {
      const t = setTimeout(r, 5000);
      // Node would otherwise wait for the timer before exiting; browsers have no unref.
      (t as { unref?: () => void }).unref?.();
    }),
  ]);

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.kompass' }],
        })
        .catch(() => undefined);
    }
    void (async () => {
      await pullSettings();
      try {
        const files = await scanFolders(host, folders, { maxFiles: 2000, maxDepth: 12 });
        for (const f of files) if (!documents.get(f.uri)) state.workspace.set(f.uri, f.text);
      } catch (e) {
        connection.console.error(`kompass: scanning the workspace failed: ${describe(e)}`);
      }
      scanDone();
      publisher.refreshAll();
    })();
  });

  function applySettings(next: Settings): void {
    const old = state.settings;
    state.settings = next;
    if (next.maxFileSize !== old.maxFileSize) {
      // The size limit is fixed per workspace; carry the documents over to a new one.
      const fresh = workspaceOf(next.maxFileSize);
      for (const uri of state.workspace.uris()) {
        fresh.set(uri, state.workspace.text(uri)!, state.workspace.version(uri));
      }
      state.workspace = fresh;
    }
  }

  async function pullSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'kompass' }]);
      applySettings(parseSettings(raw, state.settings));
    } catch (e) {
      connection.console.warn(`kompass: reading settings failed: ${describe(e)}`);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    void (async () => {
      const pushed = (change.settings as { kompass?: unknown } | undefined)?.kompass;
      if (capabilities.workspace?.configuration) await pullSettings();
      else if (pushed !== undefined) applySettings(parseSettings(pushed, state.settings));
      publisher.refreshAll();
      if (capabilities.workspace?.inlayHint?.refreshSupport) {
        void connection.languages.inlayHint.refresh().catch(() => undefined);
      }
    })();
  });

  const opened = new Set<string>();

  documents.onDidChangeContent((e) => {
    const { uri, version } = e.document;
    state.workspace.set(uri, e.document.getText(), version);
    const first = !opened.has(uri);
    opened.add(uri);
    publisher.schedule(uri, first);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    opened.delete(uri);
    forgetLines(uri);
    publisher.clear(uri);
    // A closed document goes back to what is on disk, if it is part of the workspace.
    void reload(uri).then(() => publisher.refreshOthers(uri));
  });

  /**
   * Reads a workspace file that is not open again, through the file-access layer like any other
   * file (bounded, regular files only); a file outside the folders is dropped.
   */
  async function reload(uri: string): Promise<void> {
    try {
      const read = uriInside(uri, folders) ? await host.readFile(uri) : undefined;
      // Opened again while it was read: the editor's text wins.
      if (documents.get(uri)) return;
      if (read && 'text' in read) state.workspace.set(uri, read.text);
      else state.workspace.delete(uri);
    } catch (e) {
      connection.console.error(`kompass: re-reading ${uri} failed: ${describe(e)}`);
    }
  }

  connection.onDidChangeWatchedFiles((params) => {
    void (async () => {
      for (const change of params?.changes ?? []) {
        // One malformed entry must not cost the rest of the batch.
        try {
          const uri = change?.uri;
          if (typeof uri !== 'string') continue;
          state.workspace.invalidate(uri);
          if (documents.get(uri)) continue;
          if (change.type === FileChangeType.Deleted) {
            state.workspace.delete(uri);
            continue;
          }
          if (uri.endsWith('.kompass')) await reload(uri);
        } catch (e) {
          connection.console.error(`kompass: watched file failed: ${describe(e)}`);
        }
      }
      publisher.refreshAll();
    })();
  });

  connection.onHover(guarded(connection, 'hover', null, (p) => onHover(state, p), ready));
  connection.onCompletion(
    guarded(connection, 'completion', [], (p) => onCompletion(state, p), ready),
  );
  connection.onCodeAction(
    guarded(connection, 'code actions', [], (p) => onCodeAction(state, p), ready),
  );
  connection.onDocumentSymbol(
    guarded(connection, 'document symbols', [], (p) => onDocumentSymbol(state, p), ready),
  );
  connection.onFoldingRanges(
    guarded(connection, 'folding', [], (p) => onFoldingRanges(state, p), ready),
  );
  connection.languages.inlayHint.on(
    guarded(connection, 'inlay hints', [], (p) => onInlayHints(state, p), ready),
  );
  connection.languages.semanticTokens.on(
    guarded(connection, 'semantic tokens', { data: [] }, (p) => onSemanticTokens(state, p), ready),
  );
  connection.onDocumentFormatting(
    guarded(connection, 'formatting', [], (p) => onFormatting(state, p), ready),
  );
  connection.onDefinition(
    guarded(connection, 'definition', null, (p) => onDefinition(state, p), ready),
  );
  connection.onRequest(
    builtinSourceRequest,
    guarded(
      connection,
      builtinSourceRequest,
      null,
      (p: { uri?: unknown }) => onBuiltinSource(p),
      ready,
    ),
  );
  connection.onRequest(
    analysisRequest,
    guarded(
      connection,
      analysisRequest,
      null,
      (p: { uri?: unknown }) => onAnalysis(state, p),
      ready,
    ),
  );

  documents.listen(connection);
  connection.listen();
}
