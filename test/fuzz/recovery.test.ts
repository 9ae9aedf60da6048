import assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index';
import { type GrammarMutation, mutateGrammar, mutationBases } from './arbitraries';

const base = mutationBases.get('egen-ramverk.kompass')!;
const apply = (ms: GrammarMutation[]) => ms.reduce((t, m) => mutateGrammar(t, m), base);

/** Least time of `runs` parses, in milliseconds. */
function parseMs(text: string, runs = 3): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parse(text);
    least = Math.min(least, performance.now() - t0);
  }
  return least;
}

describe('fuzz regressions: rule-level recovery', () => {
  it('resyncs in time linear in what it skips, however deep the unclosed nesting (fuzz case)', () => {
    // A long unterminated text block, then 25 unclosed areas: each failing rule on the way up
    // looked for a resync point by testing every token ahead against the whole stack's follow
    // set. The case the fuzzer found (34 kB) took 3.6 s to parse, this one 8.5 s; both now take
    // about as long as the same text without the nesting, which is what is compared here (one
    // process, moments apart, so the machine's load weighs on both).
    const flat: GrammarMutation[] = [
      { kind: 'nest', at: 1277377545, depth: 34, closed: true },
      { kind: 'longToken', at: 690881163, token: 'textBlock', length: 140_000 },
    ];
    const deep = apply([...flat, { kind: 'nest', at: 60872616, depth: 25, closed: false }]);
    const r = parse(deep);
    assert.ok(r.tokenCount > 60_000, `${r.tokenCount} tokens`);
    assert.ok(r.errors.length > 0);
    const ratio = parseMs(deep) / parseMs(apply(flat));
    assert.ok(ratio < 20, `the nested text took ${ratio.toFixed(1)}× the flat one`);
  });
});
