/**
 * When and how long to wait before repeating a request. Atlassian asks clients to retry only
 * idempotent requests, honour `Retry-After`, and otherwise back off exponentially with jitter;
 * everything here is bounded and cancellable so a stuck server can't hold the worker.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (Atlassian's example: 4). */
  maxRetries: number;
  /** Backoff before the first retry (Atlassian's example: 5 s). */
  initialDelayMs: number;
  /** Growth of the backoff per retry. */
  multiplier: number;
  /** Ceiling of every computed backoff, jitter included (Atlassian's example: 30 s). */
  maxDelayMs: number;
  /** Jitter multiplies each backoff by a factor in [jitterMin, jitterMax] (example: 0.7 to 1.3). */
  jitterMin: number;
  jitterMax: number;
  /**
   * The longest server-requested wait (`Retry-After`) we sleep through. A longer one is not
   * cut short (that would only earn another 429): we stop and report the wait instead.
   */
  maxRetryAfterMs: number;
  /**
   * The longest a call may spend waiting between its attempts, all waits together (server-asked
   * and backoff). A wait that would go past it is not slept: the call stops and reports, which
   * for a rate limit means "try again at <time>". Absent: no bound beyond the per-wait ones.
   */
  maxCallWaitMs?: number;
  /**
   * Ceiling of a wait reported to people ("try again in ..."), so `Retry-After:
   * 9223372036854775807` reads as an hour, not as billions of years.
   */
  maxReportedWaitMs: number;
  /** Statuses worth repeating: rate limited and transient gateway/server trouble. 500 is not. */
  retryStatuses: readonly number[];
  /**
   * Methods repeated by default. PUT/POST are not; DELETE only when the operation is marked
   * idempotent (see operations.ts), because Atlassian's advice is "idempotent requests only".
   */
  idempotentMethods: readonly string[];
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 4,
  initialDelayMs: 5_000,
  multiplier: 2,
  maxDelayMs: 30_000,
  jitterMin: 0.7,
  jitterMax: 1.3,
  maxRetryAfterMs: 60_000,
  maxReportedWaitMs: 3_600_000,
  retryStatuses: Object.freeze([429, 502, 503, 504]),
  idempotentMethods: Object.freeze(['GET', 'HEAD', 'OPTIONS']),
});

/**
 * For calls a person is waiting on (a check, a popup action): the same rules, but a dead
 * connection is reported after seconds, not after Atlassian's minute of backoff, and the call
 * never waits more than 10 s in all. A `Retry-After` that fits is honoured in full; a longer
 * one (`Retry-After: 60` once held a check for 3 minutes per site, with no way to cancel) is
 * not slept and not cut short (that would only earn another 429): the call stops at once and
 * reports "Rate limited by <site>: try again at HH:MM". Backoff alone (1 + 2 + 4 s, jitter
 * ×1.3 at most) stays inside the 10 s.
 */
export const INTERACTIVE_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  ...DEFAULT_RETRY_POLICY,
  maxRetries: 3,
  initialDelayMs: 1_000,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
  maxCallWaitMs: 10_000,
});

/** Backoff before retry number `retryIndex` (0 = first retry), with jitter, capped. */
export function backoffDelayMs(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** retryIndex);
  const jitter = policy.jitterMin + random() * (policy.jitterMax - policy.jitterMin);
  return Math.round(Math.min(policy.maxDelayMs, base * jitter));
}

export function mayRetry(policy: RetryPolicy, method: string, operationIdempotent: boolean): boolean {
  return operationIdempotent || policy.idempotentMethods.includes(method.toUpperCase());
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: RetryStopReason };

/** Why a call stopped repeating; 'wait-too-long': the server asked for more than the policy waits. */
export type RetryStopReason = 'not-transient' | 'not-idempotent' | 'out-of-retries' | 'wait-too-long' | 'out-of-time';

export interface AttemptVerdict {
  /** A network error or a status in `retryStatuses`. */
  transient: boolean;
  /** What the server asked for, in ms (uncapped), if it did. */
  retryAfterMs?: number | undefined;
  /**
   * The server refused before acting (a 401), so even a non-idempotent request may be repeated:
   * only Data Center's 401 right after a 429 says this (client/execute.ts).
   */
  notProcessed?: boolean | undefined;
}

export function decideRetry(
  policy: RetryPolicy,
  verdict: AttemptVerdict,
  retriesSoFar: number,
  idempotent: boolean,
  random: () => number,
  /** What the call has waited between attempts so far. */
  waitedMs = 0,
): RetryDecision {
  if (!verdict.transient) return { retry: false, reason: 'not-transient' };
  if (!idempotent && verdict.notProcessed !== true) return { retry: false, reason: 'not-idempotent' };
  if (retriesSoFar >= policy.maxRetries) return { retry: false, reason: 'out-of-retries' };
  const budget = policy.maxCallWaitMs ?? Number.POSITIVE_INFINITY;
  if (verdict.retryAfterMs !== undefined) {
    if (verdict.retryAfterMs > policy.maxRetryAfterMs || waitedMs + verdict.retryAfterMs > budget) return { retry: false, reason: 'wait-too-long' };
    return { retry: true, delayMs: verdict.retryAfterMs };
  }
  const delayMs = backoffDelayMs(policy, retriesSoFar, random);
  if (waitedMs + delayMs > budget) return { retry: false, reason: 'out-of-time' };
  return { retry: true, delayMs };
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** setTimeout-based sleep that rejects (and clears its timer) as soon as `signal` aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface RetryRunOptions<T> {
  policy: RetryPolicy;
  idempotent: boolean;
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal | undefined;
  /** One attempt; its verdict says whether repeating could help. */
  attempt: (retryIndex: number) => Promise<{ value: T; verdict: AttemptVerdict }>;
}

/**
 * Runs `attempt` until it succeeds, is not worth repeating, or retries (or the call's waiting
 * time) run out; returns the last attempt's value and why it stopped. Rejects only when `signal`
 * aborts (during an attempt or a wait).
 */
export async function runWithRetries<T>(options: RetryRunOptions<T>): Promise<{ value: T; retries: number; stopped: RetryStopReason }> {
  let retries = 0;
  let waitedMs = 0;
  for (;;) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const { value, verdict } = await options.attempt(retries);
    const decision = decideRetry(options.policy, verdict, retries, options.idempotent, options.random, waitedMs);
    if (!decision.retry) return { value, retries, stopped: decision.reason };
    await options.sleep(decision.delayMs, options.signal);
    waitedMs += decision.delayMs;
    retries++;
  }
}
