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
    // Fields added one by one: spreads take V8's slow generic path, per diagnostic.
    const d: Diagnostic = {
      code,
      severity: severityOf[code],
      message,
      start: span.start,
      end: span.end,
    };
    if (extra.related) d.related = extra.related;
    if (extra.fix) d.fix = extra.fix;
    this.items.push(d);
  }
}
