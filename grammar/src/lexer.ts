import { type ILexerConfig, Lexer } from 'chevrotain';
import { allTokens } from './tokens';

/**
 * How the language is lexed. Chevrotain's validations of the token definitions are skipped: they
 * cost start-up on every process and can only fail when tokens.ts changes, so the tests run them
 * (grammar/test/grammar-validation.test.ts) instead of every user.
 */
export const lexerConfig: ILexerConfig = {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  recoveryEnabled: true,
  skipValidations: true,
};

let shared: Lexer | undefined;

/** The one lexer of the language, built on first use. */
export function kompassLexer(): Lexer {
  shared ??= new Lexer(allTokens, lexerConfig);
  return shared;
}
