/**
 * The Kompass language core: lexer, parser, AST, model and checks. A plain library with no
 * editor, LSP or file-system dependency; the server, client, report and CLI all go through it.
 */

export { analyzeText } from './analyze';
export type * from './ast';
export { keywordSpan } from './ast';
export {
  type CompareArea,
  type CompareAverage,
  type CompareGroup,
  type CompareModel,
  type CompareNote,
  type CompareRow,
  compareEvaluations,
  type QuestionDelta,
} from './compare';
export { municipalityKey } from './compareName';
export {
  Code,
  type Diagnostic,
  type DiagnosticCode,
  type FixData,
  type RelatedLocation,
  type Severity,
  severityOf,
} from './diagnostics';
export { compareIds } from './evaluation';
export {
  decodeDocument,
  describeReadProblem,
  type FileAccess,
  type FileProblem,
  formatSize,
  judgeOutput,
  type OutputFacts,
  type ReadResult,
  skippedFolders,
  tooLarge,
  uriInside,
  type WalkLimits,
  type WriteProblem,
  walksInto,
} from './fileAccess';
export {
  builtinFrameworks,
  builtinScheme,
  builtinSource,
  isAreaNumber,
  isQuestionNumber,
} from './framework';
export {
  isLanguageCode,
  type LanguageCode,
  languageCodes,
  languageNames,
  type MessageLanguage,
  messageLanguage,
} from './language';
export { LineIndex, type Position } from './lines';
export type * from './model';
export {
  formatDelta,
  formatNumber,
  formatPercent,
  formatPercentDelta,
  formatScore,
  type NumberLanguage,
  type NumberOptions,
} from './numbers';
export { type ParseResult, parse, type SyntaxIssue } from './parse';
export { percent, sum } from './percent';
export { severityCounts } from './severityCounts';
export {
  isKeyword,
  type KeywordName,
  type KeywordSpec,
  keywordSpecs,
  keywordText,
} from './tokens';
export { encodeSegment, resolveUri } from './uri';
export {
  defaultMaxDocumentSize,
  documentLanguage,
  maxCompareFiles,
  maxDiagnostics,
  Workspace,
  type WorkspaceHost,
  type WorkspaceOptions,
} from './workspace';
export { type EvaluationDraft, KompassWriter, quote, type WriterOptions } from './writer';
