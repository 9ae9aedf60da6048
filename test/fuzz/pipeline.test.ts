import fc from 'fast-check';
import { asProperty, properties } from './properties';

// A few thousand cases in all, for CI; `npm run fuzz` runs the same properties for much longer.
const scale = Number(process.env.FUZZ_CI_SCALE ?? 1);
// A fixed seed keeps CI reproducible; FUZZ_SEED explores others, and `npm run fuzz` draws new ones.
const seed = Number(process.env.FUZZ_SEED ?? 20261201);

describe('fuzz: parse → analyze → features → reports', function () {
  this.timeout(120_000);
  for (const p of properties) {
    it(`survives ${p.name}`, async () => {
      await fc.assert(asProperty(p, 0), {
        numRuns: Math.max(1, Math.round(p.ciRuns * scale)),
        seed,
      });
    });
  }
});
