import { defaultMaxDocumentSize } from '../../grammar/src/index';

/** The `kompass.*` settings the server reads. */
export interface Settings {
  inlayHints: { enabled: boolean; areas: boolean; totals: boolean };
  /** A fixed delay after an edit, or undefined: adapt to the cost of checking (server/src/debounce.ts). */
  diagnostics: { debounceMs: number | undefined };
  /** Files longer than this many characters are not checked (WorkspaceOptions.maxDocumentSize). */
  maxFileSize: number;
  /** What formatting may rewrite beyond layout: typographic quotes only when asked. */
  format: { straightQuotes: boolean };
}

/** The settings used until the client says otherwise. */
export const defaultSettings: Settings = {
  inlayHints: { enabled: true, areas: true, totals: true },
  diagnostics: { debounceMs: undefined },
  maxFileSize: defaultMaxDocumentSize,
  format: { straightQuotes: false },
};

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, v)) : fallback;
}

/** Reads settings sent by a client (any shape), keeping defaults for what is missing or wrong. */
export function parseSettings(raw: unknown, base: Settings = defaultSettings): Settings {
  const r = record(raw);
  const hints = record(r.inlayHints);
  const diags = record(r.diagnostics);
  const format = record(r.format);
  return {
    inlayHints: {
      enabled: bool(hints.enabled, base.inlayHints.enabled),
      areas: bool(hints.areas, base.inlayHints.areas),
      totals: bool(hints.totals, base.inlayHints.totals),
    },
    diagnostics: {
      // null (the default in VS Code's settings) asks for the adaptive delay.
      debounceMs:
        diags.debounceMs === null
          ? undefined
          : typeof diags.debounceMs === 'number'
            ? num(diags.debounceMs, 0, 0, 10_000)
            : base.diagnostics.debounceMs,
    },
    maxFileSize: num(r.maxFileSize, base.maxFileSize, 1, 1_000_000_000),
    format: { straightQuotes: bool(format.straightQuotes, base.format.straightQuotes) },
  };
}
