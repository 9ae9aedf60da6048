import type { Span } from './ast';

/** Stable diagnostic codes: part of the interface (the CLI prints them, users filter on them). */
export const Code = {
  Syntax: 'KK001',
  Misplaced: 'KK002',
  Repeated: 'KK003',
  UnknownWord: 'KK004',
  StringForNumber: 'KK005',
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
  TitleDiffers: 'KK024',
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
  [Code.Syntax]: 'error',
  [Code.Misplaced]: 'error',
  [Code.Repeated]: 'warning',
  [Code.UnknownWord]: 'error',
  [Code.StringForNumber]: 'error',
  [Code.OverMax]: 'error',
  [Code.MaxMismatch]: 'error',
  [Code.UnknownNumber]: 'error',
  [Code.WrongArea]: 'error',
  [Code.Duplicate]: 'error',
  [Code.MissingQuestion]: 'warning',
  [Code.MissingArea]: 'warning',
  [Code.Negative]: 'error',
  [Code.NoScore]: 'warning',
  [Code.AreaSum]: 'error',
  [Code.TotalSum]: 'error',
  [Code.AreaOverMax]: 'error',
  [Code.FrameworkAreaMax]: 'error',
  [Code.TitleDiffers]: 'warning',
  [Code.Framework]: 'error',
  [Code.Compare]: 'warning',
  [Code.FrameworkTwice]: 'warning',
  [Code.DateRange]: 'error',
  [Code.Language]: 'error',
  [Code.BadDate]: 'error',
  [Code.TooLarge]: 'warning',
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
