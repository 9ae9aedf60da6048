import assert from 'node:assert/strict';
import { createToken, Lexer } from 'chevrotain';
import { lexerConfig } from '../src/lexer';
import { KompassParser } from '../src/parser';
import { allTokens, Identifier } from '../src/tokens';

// The shipped lexer and parser skip Chevrotain's validations for a faster start; these run them.
describe('grammar validation', () => {
  it('the token definitions pass the lexer’s validations', () => {
    const lexer = new Lexer(allTokens, { ...lexerConfig, skipValidations: false });
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });

  it('the lexer’s validations do run: an unreachable token is rejected', () => {
    const shadowed = createToken({ name: 'Shadowed', pattern: /abc/ });
    assert.throws(
      () =>
        new Lexer([...allTokens.filter((t) => t !== Identifier), Identifier, shadowed], {
          ...lexerConfig,
          skipValidations: false,
        }),
      /unreachable|can never be matched/i,
    );
  });

  it('the grammar passes the parser’s validations (Chevrotain throws on any definition error)', () => {
    assert.doesNotThrow(() => new KompassParser({ validate: true }));
  });

  it('the shipped parser skips them and still parses', () => {
    const parser = new KompassParser();
    parser.input = new Lexer(allTokens, lexerConfig).tokenize('evaluation "A" { }').tokens;
    const block = parser.topBlock();
    assert.equal(parser.errors.length, 0);
    assert.equal(block?.kind, 'evaluation');
  });
});
