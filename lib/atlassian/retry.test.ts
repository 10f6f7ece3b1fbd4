import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  INTERACTIVE_RETRY_POLICY,
  abortableSleep,
  backoffDelayMs,
  decideRetry,
  mayRetry,
  runWithRetries,
  type AttemptVerdict,
} from './retry';

const P = DEFAULT_RETRY_POLICY;

describe('retry policy', () => {
  it("defaults follow Atlassian's example", () => {
    expect(P).toMatchObject({
      maxRetries: 4,
      initialDelayMs: 5000,
      maxDelayMs: 30_000,
      jitterMin: 0.7,
      jitterMax: 1.3,
    });
  });

  it('backs off exponentially, with jitter, capped', () => {
    const mid = () => 0.5; // jitter ×1.0
    expect([0, 1, 2, 3, 4].map((i) => backoffDelayMs(P, i, mid))).toEqual([5000, 10_000, 20_000, 30_000, 30_000]);
    expect(backoffDelayMs(P, 0, () => 0)).toBe(3500); // ×0.7
    expect(backoffDelayMs(P, 0, () => 1)).toBe(6500); // ×1.3
    expect(backoffDelayMs(P, 3, () => 1)).toBe(30_000); // jitter never exceeds the cap
    expect(backoffDelayMs(P, 60, () => 0.5)).toBe(30_000);
  });

  it('retries only idempotent methods (and operations marked idempotent)', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map((m) => mayRetry(P, m, false))).toEqual([true, true, true]);
    expect(['POST', 'PUT', 'DELETE', 'PATCH'].map((m) => mayRetry(P, m, false))).toEqual([false, false, false, false]);
    expect(mayRetry(P, 'DELETE', true)).toBe(true);
  });

  it('decides: Retry-After honoured, too-long waits not slept through, bounded retries', () => {
    const r = () => 0.5;
    const t = (v: Partial<AttemptVerdict> = {}): AttemptVerdict => ({ transient: true, ...v });
    expect(decideRetry(P, t({ retryAfterMs: 7000 }), 0, true, r)).toEqual({ retry: true, delayMs: 7000 });
    expect(decideRetry(P, t({ retryAfterMs: 0 }), 0, true, r)).toEqual({ retry: true, delayMs: 0 });
    expect(decideRetry(P, t({ retryAfterMs: Number.MAX_SAFE_INTEGER }), 0, true, r)).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(decideRetry(P, t(), 1, true, r)).toEqual({ retry: true, delayMs: 10_000 });
    expect(decideRetry(P, t(), 4, true, r)).toEqual({ retry: false, reason: 'out-of-retries' });
    expect(decideRetry(P, t(), 0, false, r)).toEqual({ retry: false, reason: 'not-idempotent' });
    expect(decideRetry(P, { transient: false }, 0, true, r)).toEqual({ retry: false, reason: 'not-transient' });
  });
});

describe('interactive retry policy', () => {
  const I = INTERACTIVE_RETRY_POLICY;
  it('gives up on a dead connection within seconds, not a minute', () => {
    const worst = () => 1; // jitter ×1.3, capped
    const total = Array.from({ length: I.maxRetries }, (_, i) => backoffDelayMs(I, i, worst)).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(10_000);
  });

  it('honours a short Retry-After in full, but never sleeps through a long one (Retry-After: 60 held a check for minutes)', () => {
    const r = () => 0.5;
    expect(decideRetry(I, { transient: true, retryAfterMs: 5_000 }, 0, true, r)).toEqual({ retry: true, delayMs: 5_000 });
    expect(decideRetry(I, { transient: true, retryAfterMs: 10_000 }, 0, true, r)).toEqual({ retry: true, delayMs: 10_000 });
    expect(decideRetry(I, { transient: true, retryAfterMs: 60_000 }, 0, true, r)).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(decideRetry(I, { transient: true, retryAfterMs: 30_000 }, 0, true, r)).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(I.retryStatuses).toEqual(DEFAULT_RETRY_POLICY.retryStatuses);
  });

  it('bounds what one call waits in all at 10 s: waits that fit one by one still stop when they add up', () => {
    const r = () => 0.5;
    expect(I.maxCallWaitMs).toBe(10_000);
    expect(decideRetry(I, { transient: true, retryAfterMs: 6_000 }, 0, true, r, 0)).toEqual({ retry: true, delayMs: 6_000 });
    expect(decideRetry(I, { transient: true, retryAfterMs: 6_000 }, 1, true, r, 6_000)).toEqual({ retry: false, reason: 'wait-too-long' });
    // Backoff that would pass the bound stops too (it does not on its own: 1 + 2 + 4 s).
    expect(decideRetry(I, { transient: true }, 1, true, r, 9_000)).toEqual({ retry: false, reason: 'out-of-time' });
  });

  it('leaves background jobs (the default policy) with Atlassian’s numbers', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ maxRetries: 4, initialDelayMs: 5_000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 });
    expect(DEFAULT_RETRY_POLICY.maxCallWaitMs).toBeUndefined();
    expect(decideRetry(DEFAULT_RETRY_POLICY, { transient: true, retryAfterMs: 60_000 }, 0, true, () => 0.5)).toEqual({ retry: true, delayMs: 60_000 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, { transient: true, retryAfterMs: 60_000 }, 3, true, () => 0.5, 180_000)).toEqual({ retry: true, delayMs: 60_000 });
  });
});

describe('abortableSleep and runWithRetries (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sleep resolves after the delay and rejects at once on abort', async () => {
    let done = false;
    void abortableSleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);

    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
    await expect(abortableSleep(10, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('waits the Retry-After, then the backoff, and stops after maxRetries', async () => {
    const times: number[] = [];
    const start = Date.now();
    const run = runWithRetries({
      policy: P,
      idempotent: true,
      sleep: abortableSleep,
      random: () => 0.5,
      attempt: async (i) => {
        times.push(Date.now() - start);
        return { value: i, verdict: { transient: true, ...(i === 0 ? { retryAfterMs: 2000 } : {}) } };
      },
    });
    await vi.advanceTimersByTimeAsync(200_000);
    await expect(run).resolves.toEqual({ value: 4, retries: 4, stopped: 'out-of-retries' });
    // 2 s (Retry-After), then backoff 10 s, 20 s, 30 s (retry index 1, 2, 3).
    expect(times).toEqual([0, 2000, 12_000, 32_000, 62_000]);
  });

  it('returns as soon as an attempt is not transient', async () => {
    const attempt = vi.fn(async (i: number) => ({ value: i, verdict: { transient: i < 1 } }));
    const run = runWithRetries({ policy: P, idempotent: true, sleep: abortableSleep, random: () => 0.5, attempt });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(run).resolves.toEqual({ value: 1, retries: 1, stopped: 'not-transient' });
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('abort during a wait rejects promptly, with no further attempt', async () => {
    const controller = new AbortController();
    const attempt = vi.fn(async () => ({ value: 0, verdict: { transient: true, retryAfterMs: 30_000 } }));
    const run = runWithRetries({ policy: P, idempotent: true, sleep: abortableSleep, random: () => 0.5, signal: controller.signal, attempt });
    const outcome = run.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(await outcome).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
