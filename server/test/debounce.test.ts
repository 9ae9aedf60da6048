import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { adaptiveDelay, after, cheapMs, nextCost } from '../src/debounce';
import { defaultSettings, parseSettings } from '../src/settings';
import { buildServer, root } from './build';
import { TestClient, uriOf } from './client';

describe('server: adaptive debounce', () => {
  it('waits nothing for a cheap check, about its cost for a costly one, never past the ceiling', () => {
    assert.equal(adaptiveDelay(undefined), 0);
    assert.equal(adaptiveDelay(2), 0);
    assert.equal(adaptiveDelay(cheapMs), 0);
    assert.equal(adaptiveDelay(80), 80);
    assert.equal(adaptiveDelay(3000), 500);
    assert.equal(adaptiveDelay(3000, 150), 150);
  });

  it('follows the recent cost of checks', () => {
    let cost = nextCost(undefined, 400);
    assert.equal(cost, 400);
    for (let i = 0; i < 6; i++) cost = nextCost(cost, 3);
    assert.ok(cost < 10, `after six cheap checks the estimate is ${cost}`);
  });

  it('runs an undelayed check on the next turn of the event loop, not through a timer', async () => {
    // Node's setTimeout(fn, 0) waits a millisecond: count the timers `after` asks for.
    const timer = globalThis.setTimeout;
    let timers = 0;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      timers++;
      return timer(...args);
    }) as typeof setTimeout;
    const ran: string[] = [];
    try {
      after(0, () => ran.push('undelayed'));
      assert.equal(timers, 0, 'no timer for an undelayed check');
      // Cancelled at once: a loaded machine could let its timer come due before the immediate.
      after(5, () => ran.push('delayed'))();
      assert.equal(timers, 1, 'a timer for a delayed one');
    } finally {
      globalThis.setTimeout = timer;
    }
    assert.deepEqual(ran, [], 'not at once: the edit that scheduled it finishes first');
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(ran, ['undelayed']);
  });

  it('cancels a pending check, undelayed or delayed', async () => {
    const ran: number[] = [];
    after(0, () => ran.push(0))();
    after(1, () => ran.push(1))();
    after(2, () => ran.push(2));
    // Timers come due in order: the 20 ms one set last runs after the others' time.
    await new Promise((done) => setTimeout(done, 20));
    assert.deepEqual(ran, [2], 'only the check left pending ran');
  });

  it('adapts by default; a number fixes the delay; null goes back to adapting', () => {
    assert.equal(defaultSettings.diagnostics.debounceMs, undefined);
    const fixed = parseSettings({ diagnostics: { debounceMs: 150 } });
    assert.equal(fixed.diagnostics.debounceMs, 150);
    assert.equal(
      parseSettings({ diagnostics: { debounceMs: null } }, fixed).diagnostics.debounceMs,
      undefined,
    );
    assert.equal(parseSettings({}, fixed).diagnostics.debounceMs, 150);
    assert.equal(parseSettings({ diagnostics: { debounceMs: -5 } }).diagnostics.debounceMs, 0);
  });

  describe('over stdio', function () {
    this.timeout(30_000);
    const edits = async (client: TestClient, name: string, gapMs: number): Promise<number[]> => {
      const uri = uriOf(join(root, 'samples', name));
      const head =
        'evaluation "D" {\n  framework "kommunkompassen-2.0"\n  area 1 {\n    question 1.1 ';
      await client.open(uri, `${head}1/15\n  }\n}\n`);
      await client.waitForDiagnostics(uri);
      const versions: number[] = [];
      for (const points of ['2', '3', '16']) {
        versions.push(
          await client.change(uri, [
            {
              range: { start: { line: 3, character: 17 }, end: { line: 3, character: 18 } },
              text: points,
            },
          ]),
        );
        await new Promise((r) => setTimeout(r, gapMs));
      }
      await client.waitForDiagnostics(uri, (p) => p.version === versions.at(-1), 15_000);
      return client.diagnostics.get(uri)!.map((p) => p.version ?? 0);
    };

    it('with the default setting, checks a small document after every edit', async () => {
      await buildServer();
      const client = await TestClient.start({ settings: { diagnostics: { debounceMs: null } } });
      try {
        // Gaps past the adaptive ceiling (500 ms): every edit is checked, however loaded the
        // machine makes one check.
        const published = await edits(client, 'tmp-adaptive.kompass', 700);
        for (const v of [2, 3, 4]) assert.ok(published.includes(v), `version ${v}: ${published}`);
      } finally {
        await client.stop();
      }
    });

    it('with a fixed delay, edits quicker than it are checked once', async () => {
      // A delay far above the 200 ms gaps, so a slow machine cannot open a gap that long.
      const client = await TestClient.start({ settings: { diagnostics: { debounceMs: 4000 } } });
      try {
        const published = await edits(client, 'tmp-fixed.kompass', 200);
        assert.deepEqual(
          published.filter((v) => v > 1),
          [4],
        );
      } finally {
        await client.stop();
      }
    });
  });
});
