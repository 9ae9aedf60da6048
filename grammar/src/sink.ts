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
    this.items.push({
      code,
      severity: severityOf[code],
      message,
      start: span.start,
      end: span.end,
      ...(extra.related ? { related: extra.related } : {}),
      ...(extra.fix ? { fix: extra.fix } : {}),
    });
  }
}
