/**
 * The editor features of the language, as plain offset-based functions over an `Analysis`: no LSP
 * types, so the language server, tests and any other editor integration share them.
 */

export {
  type CodeAction,
  codeActions,
  type TextEdit,
} from './codeActions';
export {
  type CompletionEntry,
  type CompletionKind,
  type CompletionOptions,
  complete,
  relativePath,
} from './completion';
export { type DefinitionTarget, definition } from './definition';
export { fixAll, fixAllOfKind } from './fixAll';
export { type FoldingRange, foldingRanges } from './folding';
export { type FormatOptions, format, formatText } from './format';
export { type HoverResult, hover } from './hover';
export { type InlayHint, type InlayHintOptions, inlayHints } from './inlayHints';
export { type Location, locate, prefersSwedishKeywords, within } from './locate';
export {
  type SemanticToken,
  type SemanticTokenType,
  semanticTokenModifiers,
  semanticTokens,
  semanticTokenTypes,
} from './semanticTokens';
export { type DocumentSymbol, documentSymbols, type SymbolKind } from './symbols';
