import { strict as assert } from 'node:assert';
import { measureServerLatency } from '../bench/latency';
import { buildServer } from './build';

describe('server: latency benchmark hook', function () {
  this.timeout(20_000);
  before(() => buildServer());

  it('measures edit → diagnostics and hover over stdio', async () => {
    const text =
      'evaluation "Mät" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 3\n  }\n}\n';
    const r = await measureServerLatency({ text, iterations: 4, timeoutMs: 5000 });
    assert.equal(r.editToDiagnostics.samples, 4);
    assert.equal(r.hover.samples, 4);
    assert.ok(
      r.editToDiagnostics.median > 0 && r.editToDiagnostics.p95 >= r.editToDiagnostics.median,
    );
    assert.ok(r.startup > 0);
  });
});
