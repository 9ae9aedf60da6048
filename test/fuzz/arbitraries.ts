/**
 * The inputs the fuzz tests feed the pipeline: random strings and bytes, random token sequences of
 * the language, and mutations of the sample documents (and of a generated one).
 */

import fc from 'fast-check';
import { generateDocument } from '../../bench/generate';
import { keywordSpecs } from '../../grammar/src/index';
import { samples } from './pipeline';

/** Random text: arbitrary UTF-16 (lone surrogates too), graphemes, ASCII, and bytes read as UTF-8. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary-ascii', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder().decode(b)),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
);

const keywords = keywordSpecs.flatMap((k) => (k.en === k.sv ? [k.en] : [k.en, k.sv]));

const number = fc.oneof(
  fc.nat({ max: 200 }).map(String),
  fc.constantFrom('1.1', '1.5', '2.3', '8.6', '1.2.3', '9.9', '0', '-3', '14.5', '007'),
  fc.constantFrom('1e400', '9'.repeat(400), '-0', '4294967296', '9007199254740993'),
  fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })).map(([a, b]) => `${a}/${b}`),
);

const stringLiteral = fc.oneof(
  fc.constantFrom(
    '"kommunkompassen-2.0"',
    '"kommunkompassen-2020"',
    '"Västerås stad"',
    '"referensprofil-kk20.kompass"',
    '"../../etc/passwd"',
    '"vasteras-2012.kompass"',
    '"<script>alert(1)</script>"',
    '"a\\"b"',
    '"\\',
    '"',
    '""',
  ),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
);

const textBlock = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => `"""\n  ${s}\n"""`),
  fc.constantFrom('"""', '""""""', '"""\n# rubrik\n- punkt\n[l](javascript:alert(1))\n"""', '"""x'),
);

const punctuation = fc.constantFrom('{', '}', '{', '}', '/', ',', '//', '/*', '*/', '\\', '@', '#');

const other = fc.oneof(
  fc.constantFrom('sv', 'en', 'nb', 'da', 'fi', 'xx', '2012-12-12', '2012-13-45', '0000-00-00'),
  fc.constantFrom('// kommentar', '/* block */', '\uFEFF', '\u00A0', '\u2028', '\r', '\t'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
);

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...keywords) },
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: stringLiteral },
  { weight: 1, arbitrary: textBlock },
  { weight: 3, arbitrary: punctuation },
  { weight: 2, arbitrary: other },
);

const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n  ', '\r\n', '\t', '');

/** Random token sequences: keywords (English and Swedish), strings, numbers, braces, text blocks. */
export const tokenText: fc.Arbitrary<string> = fc
  .array(fc.tuple(token, separator), { maxLength: 120 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Token sequences that start like an evaluation, so the parser gets deeper than the top level. */
export const evaluationLike: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('evaluation "X" {', 'utvärdering "Y" {', 'framework "f" {', 'ramverk "g" {'),
    fc.constantFrom(' framework "kommunkompassen-2.0"', ' ramverk "kommunkompassen-2020"', ''),
    tokenText,
    fc.constantFrom('}', '', '}}'),
  )
  .map((p) => p.join('\n'));

/** One edit of a document, as data so fast-check can shrink it. */
export type Mutation =
  | { kind: 'deleteLine' | 'duplicateLine' | 'truncate'; at: number }
  | { kind: 'swapLines'; at: number; other: number }
  | { kind: 'number'; at: number; value: string }
  | { kind: 'quote'; at: number; insert: boolean }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteRange'; at: number; length: number }
  | { kind: 'crlf' | 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine', 'duplicateLine', 'truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines'), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('number'),
    at: fc.nat(),
    value: fc.oneof(
      fc.constantFrom('1e400', '9'.repeat(330), '-1', '-0', '99999999999', '0.5', '1.2.3', 'NaN'),
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
      number,
    ),
  }),
  fc.record({ kind: fc.constant('quote'), at: fc.nat(), insert: fc.boolean() }),
  fc.record({
    kind: fc.constant('insert'),
    at: fc.nat(),
    text: fc.oneof(token, fc.string({ maxLength: 10 })),
  }),
  fc.record({ kind: fc.constant('deleteRange'), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constantFrom('crlf', 'bom') }),
);

/** Applies one mutation. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'deleteLine':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = line(m.at);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const i = line(m.at);
      const j = line(m.other);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'number': {
      const numbers = [...text.matchAll(/\d+(?:[./]\d+)*/g)];
      if (numbers.length === 0) return text;
      const hit = numbers[m.at % numbers.length]!;
      return text.slice(0, hit.index) + m.value + text.slice(hit.index + hit[0].length);
    }
    case 'quote': {
      const quotes = [...text.matchAll(/"/g)];
      if (m.insert || quotes.length === 0) {
        const at = m.at % (text.length + 1);
        return `${text.slice(0, at)}"${text.slice(at)}`;
      }
      const q = quotes[m.at % quotes.length]!.index;
      return text.slice(0, q) + text.slice(q + 1);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'deleteRange': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
  }
}

/** The documents mutated: every sample, and a generated one with errors. */
export const mutationBases: ReadonlyMap<string, string> = new Map([
  ...samples,
  ['generated-100-errors', generateDocument({ lines: 100, errors: true })],
]);

const smallBases = [...mutationBases.keys()].filter((k) => k !== 'vasteras-2012.kompass');

/** A sample, mutated a few times: the original (for an edit in a workspace) and the result. */
export interface MutatedSample {
  base: string;
  mutations: Mutation[];
  original: string;
  text: string;
}

/** Mutations of the samples; the large Västerås sample only in a fraction of cases, it is slow. */
export const mutatedSample: fc.Arbitrary<MutatedSample> = fc
  .record({
    base: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...smallBases) },
      { weight: 1, arbitrary: fc.constant('vasteras-2012.kompass') },
    ),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  })
  .map(({ base, mutations }) => {
    const original = mutationBases.get(base)!;
    return { base, mutations, original, text: mutations.reduce(mutate, original) };
  });

/**
 * A change that knows the language's structure: where blocks open and close, what a token is.
 * Aimed at the costs and depths the random mutations rarely reach.
 */
export type GrammarMutation =
  /** Wraps a line in `depth` nested areas (closed or not). */
  | { kind: 'nest'; at: number; depth: number; closed: boolean }
  /** Repeats a brace-balanced block (an area, a question) `times` times in place. */
  | { kind: 'repeatBlock'; at: number; times: number }
  /** Inserts one very long token: a string, a text block, an identifier, a number, a comment. */
  | {
      kind: 'longToken';
      at: number;
      token: 'string' | 'unterminated' | 'textBlock' | 'word' | 'number' | 'comment';
      length: number;
    }
  /** Cuts the document at a brace, as a save in mid-edit does. */
  | { kind: 'cutAtBrace'; at: number }
  /** Removes every closing brace after a point. */
  | { kind: 'dropClosers'; at: number };

const grammarMutation: fc.Arbitrary<GrammarMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('nest'),
    at: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 3000 })),
    closed: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('repeatBlock'),
    at: fc.nat(),
    times: fc.integer({ min: 2, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('longToken'),
    at: fc.nat(),
    token: fc.constantFrom('string', 'unterminated', 'textBlock', 'word', 'number', 'comment'),
    length: fc.integer({ min: 1000, max: 60_000 }),
  }),
  fc.record({ kind: fc.constant('cutAtBrace'), at: fc.nat() }),
  fc.record({ kind: fc.constant('dropClosers'), at: fc.nat() }),
);

function longToken(
  token: Extract<GrammarMutation, { kind: 'longToken' }>['token'],
  n: number,
): string {
  switch (token) {
    case 'string':
      return ` summary "${'å'.repeat(n)}" `;
    case 'unterminated':
      return ` summary "${'a\\"'.repeat(Math.ceil(n / 3))}`;
    case 'textBlock':
      return ` summary """${'x\n'.repeat(Math.ceil(n / 2))}""" `;
    case 'word':
      return ` ${'ö'.repeat(n)} `;
    case 'number':
      return ` score ${'1.'.repeat(Math.ceil(n / 2))}1 `;
    case 'comment':
      return ` /*${'*'.repeat(n)}`;
  }
}

/** Finds the brace-balanced block that starts at the n-th `{` (modulo their count). */
function blockAt(text: string, at: number): { start: number; end: number } | undefined {
  const opens = [...text.matchAll(/\{/g)].map((m) => m.index);
  if (opens.length === 0) return undefined;
  const open = opens[at % opens.length]!;
  // Back to the start of the line, so the block's keyword comes along.
  const start = text.lastIndexOf('\n', open) + 1;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { start, end: i + 1 };
  }
  return undefined;
}

/** Past this length no further mutation is applied: each case stays well under a second. */
const maxMutatedLength = 300_000;

/** Applies one grammar-aware mutation. */
export function mutateGrammar(text: string, m: GrammarMutation): string {
  switch (m.kind) {
    case 'nest': {
      const lines = text.split('\n');
      const i = m.at % Math.max(1, lines.length);
      lines[i] =
        `${'area 1 {\n'.repeat(m.depth)}${lines[i] ?? ''}${m.closed ? '\n}'.repeat(m.depth) : ''}`;
      return lines.join('\n');
    }
    case 'repeatBlock': {
      const b = blockAt(text, m.at);
      if (!b) return text;
      const block = text.slice(b.start, b.end);
      // Bounded, so mutations stacked on each other cannot make a case of many megabytes.
      const times = Math.max(
        1,
        Math.min(m.times, Math.floor(maxMutatedLength / 5 / (block.length + 1))),
      );
      return text.slice(0, b.start) + `${block}\n`.repeat(times) + text.slice(b.end);
    }
    case 'longToken': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + longToken(m.token, m.length) + text.slice(at);
    }
    case 'cutAtBrace': {
      const braces = [...text.matchAll(/[{}]/g)].map((x) => x.index);
      if (braces.length === 0) return text;
      return text.slice(0, braces[m.at % braces.length]! + 1);
    }
    case 'dropClosers': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at).replace(/\}/g, '');
    }
  }
}

/** A sample with one or two grammar-aware mutations (and maybe an ordinary one). */
export interface GrammarMutatedSample {
  base: string;
  mutations: (GrammarMutation | Mutation)[];
  original: string;
  text: string;
}

/** Grammar-aware mutations of the small samples: deep nesting, repetition, long tokens, cuts. */
export const grammarMutatedSample: fc.Arbitrary<GrammarMutatedSample> = fc
  .record({
    base: fc.constantFrom(...smallBases),
    mutations: fc.array(
      fc.oneof({ weight: 3, arbitrary: grammarMutation }, { weight: 1, arbitrary: mutation }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  })
  .map(({ base, mutations }) => {
    const original = mutationBases.get(base)!;
    const text = mutations.reduce(
      (t, m) =>
        t.length > maxMutatedLength
          ? t
          : 'depth' in m ||
              'times' in m ||
              'token' in m ||
              m.kind === 'cutAtBrace' ||
              m.kind === 'dropClosers'
            ? mutateGrammar(t, m as GrammarMutation)
            : mutate(t, m as Mutation),
      original,
    );
    return { base, mutations, original, text };
  });
