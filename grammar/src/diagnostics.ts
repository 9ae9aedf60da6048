import type { Span } from './ast';

/** Stable diagnostic codes: part of the interface (the CLI prints them, users filter on them). */
export const Code = {
  Syntax: 'KK001',
  Misplaced: 'KK002',
  Repeated: 'KK003',
  OverMax: 'KK010',
  MaxMismatch: 'KK011',
  UnknownNumber: 'KK012',
  WrongArea: 'KK013',
  Duplicate: 'KK014',
  MissingQuestion: 'KK015',
  MissingArea: 'KK016',
  Negative: 'KK017',
  NoScore: 'KK018',
  AreaSum: 'KK020',
  TotalSum: 'KK021',
  AreaOverMax: 'KK022',
  FrameworkAreaMax: 'KK023',
  Framework: 'KK030',
  Compare: 'KK031',
  FrameworkTwice: 'KK032',
  DateRange: 'KK040',
  Language: 'KK041',
  BadDate: 'KK042',
  TooLarge: 'KK050',
} as const;

/** One of the codes above. */
export type DiagnosticCode = (typeof Code)[keyof typeof Code];

/** How bad a diagnostic is. */
export type Severity = 'error' | 'warning' | 'information';

/** The severity each code always has. */
export const severityOf: Readonly<Record<DiagnosticCode, Severity>> = {
  KK001: 'error',
  KK002: 'error',
  KK003: 'warning',
  KK010: 'error',
  KK011: 'error',
  KK012: 'error',
  KK013: 'error',
  KK014: 'error',
  KK015: 'warning',
  KK016: 'warning',
  KK017: 'error',
  KK018: 'warning',
  KK020: 'error',
  KK021: 'error',
  KK022: 'error',
  KK023: 'error',
  KK030: 'error',
  KK031: 'warning',
  KK032: 'warning',
  KK040: 'error',
  KK041: 'error',
  KK042: 'error',
  KK050: 'warning',
};

/** A place in another (or the same) document that explains a diagnostic. */
export interface RelatedLocation extends Span {
  uri: string;
  message: string;
}

/** What a quick fix needs to know, carried by the diagnostic. */
export type FixData =
  | { kind: 'replace'; start: number; end: number; text: string }
  | { kind: 'addQuestions'; area: number }
  | { kind: 'addAreas' };

/** A problem found in a document, with offsets into its text. */
export interface Diagnostic extends Span {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  related?: RelatedLocation[];
  fix?: FixData;
}
