import type { Span } from './ast';
import {
  type Diagnostic,
  type DiagnosticCode,
  type FixData,
  type RelatedLocation,
  severityOf,
} from './diagnostics';

/** Collects diagnostics for one document. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  /** Adds a diagnostic; the severity comes from the code. */
  add(
    code: DiagnosticCode,
    span: Span,
    message: string,
    extra: { related?: RelatedLocation[]; fix?: FixData } = {},
  ): void {
    // One object literal per shape: spreads take V8's slow generic path, and fields added later
    // go to a separate property array, per diagnostic.
    const severity = severityOf[code];
    const { start, end } = span;
    const { related, fix } = extra;
    this.items.push(
      related
        ? fix
          ? { code, severity, message, start, end, related, fix }
          : { code, severity, message, start, end, related }
        : fix
          ? { code, severity, message, start, end, fix }
          : { code, severity, message, start, end },
    );
  }
}
