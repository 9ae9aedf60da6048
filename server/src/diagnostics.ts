import {
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { Analysis, Diagnostic, LineIndex } from '../../grammar/src/index';
import { toRange } from './convert';
import { adaptiveDelay, after, nextCost } from './debounce';
import { describe } from './safe';
import { analysisOf, linesOf, type ServerState, textOf } from './state';

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
} as const;

/** A core diagnostic as an LSP one, its related locations pointing into their own documents. */
export function toLspDiagnostic(
  state: ServerState,
  lines: LineIndex,
  d: Diagnostic,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(lines, d),
    severity: severities[d.severity],
    code: d.code,
    source: 'kompass',
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => {
      const text = textOf(state, r.uri);
      const range = text
        ? toRange(linesOf(r.uri, text), r)
        : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return DiagnosticRelatedInformation.create({ uri: r.uri, range }, r.message);
    });
  }
  return out;
}

/**
 * Publishes diagnostics: debounced per document while typing, only for the version the client
 * has now (a newer edit never gets older diagnostics), and again for documents that depend on
 * one that changed (its frameworks or a compare target).
 */
export class DiagnosticsPublisher {
  /** What cancels each document's pending check. */
  private readonly timers = new Map<string, () => void>();
  private readonly published = new Map<string, Analysis>();
  /** What checking and publishing each document cost lately, in milliseconds. */
  private readonly costs = new Map<string, number>();

  constructor(private readonly state: ServerState) {}

  /** Checks a document after the debounce delay (at once when `immediate`). */
  schedule(uri: string, immediate = false): void {
    this.timers.get(uri)?.();
    const fixed = this.state.settings.diagnostics.debounceMs;
    const delay = immediate ? 0 : (fixed ?? adaptiveDelay(this.costs.get(uri)));
    this.timers.set(
      uri,
      after(delay, () => {
        this.timers.delete(uri);
        // The first check of a document is a whole one; edits are what the delay is about.
        this.publish(uri, !immediate);
        this.refreshOthers(uri);
      }),
    );
  }

  /** Re-checks every open document but `except`, publishing only where the analysis changed. */
  refreshOthers(except?: string): void {
    for (const uri of this.state.workspace.uris()) {
      if (uri !== except && this.state.document(uri) && !this.timers.has(uri)) this.publish(uri);
    }
  }

  /** Re-checks every open document, e.g. after settings or watched files changed. */
  refreshAll(): void {
    this.published.clear();
    this.refreshOthers();
  }

  /** Clears a closed document's diagnostics and forgets its pending check. */
  clear(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.published.delete(uri);
    this.costs.delete(uri);
    this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string, measure = false): void {
    try {
      const started = performance.now();
      const doc = this.state.document(uri);
      const current = analysisOf(this.state, uri);
      if (!doc || !current) return;
      const { analysis, lines } = current;
      if (analysis.version !== doc.version) return;
      if (this.published.get(uri) === analysis) return;
      this.published.set(uri, analysis);
      this.state.connection.sendDiagnostics({
        uri,
        version: doc.version,
        diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(this.state, lines, d)),
      });
      if (measure) this.costs.set(uri, nextCost(this.costs.get(uri), performance.now() - started));
    } catch (e) {
      this.state.connection.console.error(`kompass: diagnostics failed: ${describe(e)}`);
    }
  }
}
