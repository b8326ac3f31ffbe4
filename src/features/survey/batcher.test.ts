// The group-commit batcher: batches form under load, each caller gets its own outcome, a failing
// batch fails only its own callers, and a lone item does not wait longer than the window.
import { describe, expect, it } from 'vitest';
import { createBatcher, type Settled } from './batcher.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('createBatcher', () => {
  it('collects concurrent items into batches and answers each', async () => {
    const sizes: number[] = [];
    const b = createBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        await tick(5);
        return items.map((i): Settled<number> =>
          i % 3 === 0 ? { ok: false, error: new Error(`no ${i}`) } : { ok: true, value: i * 2 },
        );
      },
      { maxBatch: 10, maxInFlight: 1, windowMs: 1 },
    );
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => b.submit(i + 1)));
    expect(sizes.reduce((a, n) => a + n, 0)).toBe(25);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(sizes.length).toBeLessThan(25);
    results.forEach((r, i) => {
      const n = i + 1;
      if (n % 3 === 0)
        expect(r).toMatchObject({ status: 'rejected', reason: { message: `no ${n}` } });
      else expect(r).toEqual({ status: 'fulfilled', value: n * 2 });
    });
    expect(b.pending).toBe(0);
  });

  it('a batch that throws fails its own items only', async () => {
    let calls = 0;
    const b = createBatcher<string, string>(
      async (items) => {
        calls++;
        if (items.includes('bad')) throw new Error('boom');
        return items.map((value) => ({ ok: true as const, value }));
      },
      { maxBatch: 1, maxInFlight: 2, windowMs: 0 },
    );
    const [bad, good] = await Promise.allSettled([b.submit('bad'), b.submit('good')]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
    expect(good).toEqual({ status: 'fulfilled', value: 'good' });
    expect(calls).toBe(2);
  });

  it('runs a lone item after the window', async () => {
    const b = createBatcher<number, number>(
      async (items) => items.map((value) => ({ ok: true as const, value })),
      { maxBatch: 100, maxInFlight: 1, windowMs: 2 },
    );
    const t0 = performance.now();
    expect(await b.submit(7)).toBe(7);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
