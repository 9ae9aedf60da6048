import assert from 'node:assert/strict';
import { WriteQueue } from '../../src/writeQueue';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A write that records when it runs and how many writes of its key run at once. */
function recorder() {
  const running = new Map<string, number>();
  const most = new Map<string, number>();
  const order: string[] = [];
  const write =
    (key: string, label: string, ms: number, fail = false) =>
    async () => {
      const now = (running.get(key) ?? 0) + 1;
      running.set(key, now);
      most.set(key, Math.max(most.get(key) ?? 0, now));
      order.push(`${label} start`);
      await tick(ms);
      order.push(`${label} end`);
      running.set(key, (running.get(key) ?? 1) - 1);
      if (fail) throw new Error(`${label} failed`);
      return label;
    };
  return { write, most, order };
}

describe('writes to one name, one at a time', () => {
  it('runs writes to the same name in turn, in the order they were asked for', async () => {
    const q = new WriteQueue();
    const r = recorder();
    const results = await Promise.all([
      q.oneAtATime('a.md', r.write('a.md', 'first', 20)),
      q.oneAtATime('a.md', r.write('a.md', 'second', 5)),
      q.oneAtATime('a.md', r.write('a.md', 'third', 1)),
    ]);
    assert.deepEqual(results, ['first', 'second', 'third']);
    assert.equal(r.most.get('a.md'), 1);
    assert.deepEqual(r.order, [
      'first start',
      'first end',
      'second start',
      'second end',
      'third start',
      'third end',
    ]);
    assert.equal(q.busy, 0, 'nothing is kept once every write settled');
  });

  it('lets writes to other names go on side by side', async () => {
    const q = new WriteQueue();
    const r = recorder();
    await Promise.all([
      q.oneAtATime('a.md', r.write('a.md', 'a', 20)),
      q.oneAtATime('b.md', r.write('b.md', 'b', 5)),
    ]);
    assert.deepEqual(r.order, ['a start', 'b start', 'b end', 'a end']);
  });

  it('goes on after a write that failed, and passes the failure to its caller only', async () => {
    const q = new WriteQueue();
    const r = recorder();
    const [first, second] = await Promise.allSettled([
      q.oneAtATime('a.md', r.write('a.md', 'first', 5, true)),
      q.oneAtATime('a.md', r.write('a.md', 'second', 1)),
    ]);
    assert.equal(first.status, 'rejected');
    assert.match(String((first as PromiseRejectedResult).reason), /first failed/);
    assert.deepEqual(second, { status: 'fulfilled', value: 'second' });
    assert.deepEqual(r.order, ['first start', 'first end', 'second start', 'second end']);
    assert.equal(q.busy, 0);
  });
});
