/**
 * Runs many exports with a bounded number in flight (runs in the export page), the bound adapted
 * to the 429s the work reports (adaptive-limit.ts). Never more than the current bound in flight:
 * after a halving, nothing new starts until enough running items have finished. Cancelling
 * resolves at once, without waiting for running work to notice its aborted signal.
 */
import { createAdaptiveLimit } from './adaptive-limit';

export const DEFAULT_INITIAL_CONCURRENCY = 2;
export const DEFAULT_MAX_CONCURRENCY = 6;

/** One finished item. A rejected `work` is that item's failure; the others go on. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Each item's fate, in item order. `cancelled`: it was running when the pool was cancelled. */
export type PoolItemResult<R> = ({ state: 'settled' } & PoolOutcome<R>) | { state: 'cancelled' } | { state: 'not-run' };

export interface PoolOptions<T, R> {
  initial?: number;
  max?: number;
  /** Aborting it starts nothing more, aborts the running work's signal and resolves at once. */
  signal?: AbortSignal;
  /** Called as each item settles (not after cancellation); a throwing callback is ignored. */
  onSettled?: (item: T, outcome: PoolOutcome<R>) => void;
}

export interface PoolRun<R> {
  cancelled: boolean;
  results: Array<PoolItemResult<R>>;
  /** The most items that were ever in flight at once. */
  peakConcurrency: number;
  /** 429s the work reported having ridden out, all together. */
  rateLimited: number;
}

function whole(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

export function runPool<T, R>(
  items: readonly T[],
  work: (item: T, signal: AbortSignal) => Promise<{ value: R; rateLimited: number }>,
  options: PoolOptions<T, R> = {},
): Promise<PoolRun<R>> {
  const max = whole(options.max, DEFAULT_MAX_CONCURRENCY);
  const limit = createAdaptiveLimit(whole(options.initial, DEFAULT_INITIAL_CONCURRENCY), max);
  const results: Array<PoolItemResult<R>> = items.map(() => ({ state: 'not-run' }));
  const running = new Set<number>();
  // The work's signal: aborted with the caller's, never by one item's failure.
  const controller = new AbortController();
  let next = 0;
  let peak = 0;
  let rateLimited = 0;
  let finished = false;

  return new Promise<PoolRun<R>>((resolve) => {
    const finish = (cancelled: boolean) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ cancelled, results, peakConcurrency: peak, rateLimited });
    };

    const settle = (index: number, outcome: PoolOutcome<R>, itemRateLimited: number) => {
      if (finished) return; // Settled after cancellation: the run is already reported.
      running.delete(index);
      rateLimited += itemRateLimited;
      results[index] = { state: 'settled', ...outcome };
      // A rejection tells nothing about the rate limit: the limit stays as it is.
      if (outcome.ok) limit.completed(itemRateLimited);
      try {
        options.onSettled?.(items[index] as T, outcome);
      } catch {
        // Progress display must not stop an export.
      }
      pump();
    };

    const start = (index: number) => {
      running.add(index);
      peak = Math.max(peak, running.size);
      let pending: Promise<{ value: R; rateLimited: number }>;
      try {
        pending = work(items[index] as T, controller.signal);
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (done) => settle(index, { ok: true, value: done.value }, Math.max(0, done.rateLimited || 0)),
        (error: unknown) => settle(index, { ok: false, error }, 0),
      );
    };

    function pump() {
      if (finished) return;
      while (next < items.length && running.size < limit.current) start(next++);
      if (running.size === 0 && next >= items.length) finish(false);
    }

    function onAbort() {
      if (finished) return;
      for (const index of running) results[index] = { state: 'cancelled' };
      finish(true);
      controller.abort(options.signal?.reason);
    }

    if (options.signal?.aborted) {
      finish(true);
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    pump();
  });
}
