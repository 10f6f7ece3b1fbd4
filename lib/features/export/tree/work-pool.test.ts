// runPool with controllable work: each item's promise is settled by the test, so every step of
// the scheduling is observed, without timers.
import { describe, expect, it, vi } from 'vitest';
import { createAdaptiveLimit } from './adaptive-limit';
import { runPool, type PoolOutcome } from './work-pool';

interface Job {
  item: number;
  signal: AbortSignal;
  succeed(rateLimited?: number): void;
  fail(error: unknown): void;
}

/** Work whose items wait for the test, recording how many run at each start. */
function controllable() {
  const jobs: Job[] = [];
  let inFlight = 0;
  const inFlightAtStart: number[] = [];
  const work = (item: number, signal: AbortSignal) =>
    new Promise<{ value: string; rateLimited: number }>((resolve, reject) => {
      inFlight++;
      inFlightAtStart.push(inFlight);
      const settle = () => inFlight--;
      jobs.push({
        item,
        signal,
        succeed: (rateLimited = 0) => {
          settle();
          resolve({ value: `v${item}`, rateLimited });
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      });
    });
  const running = () => jobs.filter((j) => !finished.has(j));
  const finished = new Set<Job>();
  /** Settles the earliest running job. */
  const next = (how: (j: Job) => void = (j) => j.succeed()) => {
    const job = running()[0];
    if (!job) throw new Error('nothing running');
    finished.add(job);
    how(job);
  };
  return { work, jobs, running, next, inFlightAtStart, inFlight: () => inFlight };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('adaptive limit', () => {
  it('adds one after as many clean completions as it runs at once, up to max; one less on a 429, half on another in the same round, floor 1', () => {
    const limit = createAdaptiveLimit(2, 4);
    const seen: number[] = [];
    for (let i = 0; i < 9; i++) {
      limit.completed(0);
      seen.push(limit.current);
    }
    // 2 completions → 3, 3 more → 4, then stays at max.
    expect(seen).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 4]);
    limit.completed(1);
    expect(limit.current).toBe(3);
    // The next completion meets a 429 too: they keep coming at this pace.
    limit.completed(3);
    expect(limit.current).toBe(1);
    limit.completed(1);
    expect(limit.current).toBe(1);
    // The streak restarted at the 429: one clean completion at 1 → 2.
    limit.completed(0);
    expect(limit.current).toBe(2);
  });

  it('a 429 resets the streak', () => {
    const limit = createAdaptiveLimit(4, 6);
    limit.completed(0);
    limit.completed(0);
    limit.completed(0);
    limit.completed(2);
    expect(limit.current).toBe(3);
    limit.completed(0);
    limit.completed(0);
    expect(limit.current).toBe(3);
    limit.completed(0);
    expect(limit.current).toBe(4);
  });

  it('a 429 a round after the last one lowers by one again, not by half', () => {
    const limit = createAdaptiveLimit(6, 6);
    limit.completed(1);
    expect(limit.current).toBe(5);
    for (let i = 0; i < 6; i++) limit.completed(0);
    expect(limit.current).toBe(6);
    // Six clean completions (a whole round at 6) since the last 429.
    limit.completed(1);
    expect(limit.current).toBe(5);
  });

  it('initial is kept within 1 and max', () => {
    expect(createAdaptiveLimit(10, 3).current).toBe(3);
    expect(createAdaptiveLimit(0, 3).current).toBe(1);
  });
});

describe('runPool', () => {
  it('starts at initial, grows to max and never has more in flight than the limit', async () => {
    const c = controllable();
    const run = runPool(items(30), c.work, { initial: 2, max: 4 });
    await flush();
    expect(c.running()).toHaveLength(2);
    const inFlightAfterEach: number[] = [];
    while (c.running().length > 0) {
      c.next();
      await flush();
      inFlightAfterEach.push(c.inFlight());
    }
    const result = await run;
    expect(Math.max(...c.inFlightAtStart)).toBe(4);
    expect(result.peakConcurrency).toBe(4);
    // 2, then 3 after 2 completions, then 4 after 3 more.
    expect(inFlightAfterEach.slice(0, 6)).toEqual([2, 3, 3, 3, 4, 4]);
    expect(result).toMatchObject({ cancelled: false, rateLimited: 0 });
    expect(result.results).toEqual(items(30).map((i) => ({ state: 'settled', ok: true, value: `v${i}` })));
  });

  it('lowers the limit on a completion that met a 429, and starts nothing until in flight is below it', async () => {
    const c = controllable();
    const run = runPool(items(20), c.work, { initial: 4, max: 4 });
    await flush();
    expect(c.running()).toHaveLength(4);
    c.next((j) => j.succeed(2)); // limit 4 → 3; three still run: at the limit, nothing new
    await flush();
    expect(c.running()).toHaveLength(3);
    expect(c.jobs).toHaveLength(4);
    c.next((j) => j.succeed(1)); // another 429 in the same round: 3 → 1
    await flush();
    expect(c.running()).toHaveLength(2);
    expect(c.jobs).toHaveLength(4);
    c.next(); // one runs: still at the limit of 1… and one clean completion at 1 → 2
    await flush();
    expect(c.running()).toHaveLength(2);
    expect(c.jobs).toHaveLength(5);
    while (c.running().length > 0) {
      c.next();
      await flush();
    }
    const result = await run;
    expect(result.rateLimited).toBe(3);
    expect(c.inFlightAtStart[4]).toBe(2);
  });

  it('a rejected item is that item’s failure; the rest go on, in item order', async () => {
    const c = controllable();
    const settled: Array<[number, PoolOutcome<string>]> = [];
    const run = runPool(items(4), c.work, { initial: 1, max: 1, onSettled: (item, outcome) => settled.push([item, outcome]) });
    const boom = new Error('page 1 failed');
    for (const how of [(j: Job) => j.succeed(), (j: Job) => j.fail(boom), (j: Job) => j.succeed(), (j: Job) => j.succeed()]) {
      await flush();
      c.next(how);
    }
    const result = await run;
    expect(result.results).toEqual([
      { state: 'settled', ok: true, value: 'v0' },
      { state: 'settled', ok: false, error: boom },
      { state: 'settled', ok: true, value: 'v2' },
      { state: 'settled', ok: true, value: 'v3' },
    ]);
    expect(settled.map(([item, o]) => `${item}:${o.ok}`)).toEqual(['0:true', '1:false', '2:true', '3:true']);
  });

  it('a work that throws synchronously fails its item only', async () => {
    const result = await runPool(items(3), async (i) => {
      if (i === 1) throw new Error('sync');
      return { value: i, rateLimited: 0 };
    });
    expect(result.results.map((r) => r.state === 'settled' && r.ok)).toEqual([true, false, true]);
    const sync = await runPool([1], () => {
      throw new Error('thrown before any promise');
    });
    expect(sync.results).toEqual([{ state: 'settled', ok: false, error: new Error('thrown before any promise') }]);
  });

  it('a throwing onSettled does not stop the pool', async () => {
    const result = await runPool(items(3), async (i) => ({ value: i, rateLimited: 0 }), {
      onSettled: () => {
        throw new Error('display broke');
      },
    });
    expect(result.results).toHaveLength(3);
    expect(result.results.every((r) => r.state === 'settled' && r.ok)).toBe(true);
  });

  it('cancel: nothing new starts, running work sees its signal abort, and it resolves at once', async () => {
    const c = controllable();
    const controller = new AbortController();
    const onSettled = vi.fn();
    const run = runPool(items(6), c.work, { initial: 2, max: 2, signal: controller.signal, onSettled });
    await flush();
    c.next();
    await flush();
    expect(c.jobs).toHaveLength(3);
    controller.abort();
    // Resolves although the two running items never settle.
    const result = await run;
    expect(result.cancelled).toBe(true);
    expect(c.running().every((j) => j.signal.aborted)).toBe(true);
    expect(result.results.map((r) => r.state)).toEqual(['settled', 'cancelled', 'cancelled', 'not-run', 'not-run', 'not-run']);
    // Late settlements change nothing and start nothing.
    c.next();
    c.next((j) => j.fail(new Error('aborted')));
    await flush();
    expect(c.jobs).toHaveLength(3);
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(result.results[1]).toEqual({ state: 'cancelled' });
  });

  it('an already aborted signal runs nothing', async () => {
    const work = vi.fn(async () => ({ value: 1, rateLimited: 0 }));
    const result = await runPool(items(3), work, { signal: AbortSignal.abort() });
    expect(work).not.toHaveBeenCalled();
    expect(result).toEqual({ cancelled: true, results: [{ state: 'not-run' }, { state: 'not-run' }, { state: 'not-run' }], peakConcurrency: 0, rateLimited: 0 });
  });

  it('no items: resolves at once', async () => {
    expect(await runPool([], async () => ({ value: 1, rateLimited: 0 }))).toEqual({ cancelled: false, results: [], peakConcurrency: 0, rateLimited: 0 });
  });

  it('defaults: starts at 2, never above 6', async () => {
    const c = controllable();
    const run = runPool(items(60), c.work);
    await flush();
    expect(c.running()).toHaveLength(2);
    while (c.running().length > 0) {
      c.next();
      await flush();
    }
    expect((await run).peakConcurrency).toBe(6);
    expect(Math.max(...c.inFlightAtStart)).toBe(6);
  });
});
