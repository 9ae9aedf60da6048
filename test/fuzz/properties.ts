/** The fuzz properties, shared by the bounded CI run (mocha) and the long run (`npm run fuzz`). */

import fc from 'fast-check';
import {
  evaluationLike,
  type GrammarMutatedSample,
  grammarMutatedSample,
  type MutatedSample,
  mutatedSample,
  randomText,
  tokenText,
} from './arbitraries';
import { runPipeline } from './pipeline';

/** One kind of input and what to do with it. */
export interface FuzzProperty<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Share of the runs this property gets in the long run. */
  weight: number;
  /** Cases in the bounded CI run. */
  ciRuns: number;
  run(value: T, options: { pdf: boolean }): Promise<unknown>;
}

/** Shows a counterexample so it can be pasted into a regression test. */
export function show(value: unknown): string {
  // A mutated sample is shown by its base and mutations; the texts are long and follow from them.
  const shown =
    value !== null && typeof value === 'object' && 'mutations' in value
      ? { ...value, original: undefined, text: undefined }
      : value;
  return JSON.stringify(shown).slice(0, 2000);
}

const textProperty = (
  name: string,
  arbitrary: fc.Arbitrary<string>,
  weight: number,
  ciRuns: number,
): FuzzProperty<string> => ({
  name,
  arbitrary,
  weight,
  ciRuns,
  run: (text, { pdf }) => runPipeline(text, { renderers: pdf ? 'all' : 'text' }),
});

/** Every property. */
export const properties: readonly FuzzProperty<never>[] = [
  textProperty('random strings and bytes', randomText, 3, 1500),
  textProperty('random token sequences', tokenText, 3, 1200),
  textProperty('evaluation-like token sequences', evaluationLike, 2, 400),
  {
    name: 'mutations of the samples (as an edit in a workspace)',
    arbitrary: mutatedSample,
    weight: 2,
    ciRuns: 200,
    run: (m: MutatedSample, { pdf }) =>
      runPipeline(m.text, { renderers: pdf ? 'all' : 'text', previous: m.original }),
  } satisfies FuzzProperty<MutatedSample>,
  {
    name: 'grammar-aware mutations (deep nesting, repeated blocks, long tokens, cuts)',
    arbitrary: grammarMutatedSample,
    weight: 3,
    ciRuns: 150,
    run: (m: GrammarMutatedSample, { pdf }) =>
      runPipeline(m.text, { renderers: pdf ? 'all' : 'text', previous: m.original }),
  } satisfies FuzzProperty<GrammarMutatedSample>,
] as unknown as FuzzProperty<never>[];

/** An async fast-check property for `p`; PDF is rendered for one case in `pdfEvery`. */
export function asProperty<T>(p: FuzzProperty<T>, pdfEvery: number): fc.IAsyncProperty<[T]> {
  let n = 0;
  return fc.asyncProperty(p.arbitrary, async (value) => {
    n++;
    await p.run(value, { pdf: pdfEvery > 0 && n % pdfEvery === 0 });
  });
}
