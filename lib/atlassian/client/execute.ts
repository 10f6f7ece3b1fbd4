/**
 * One call, however many attempts it takes: retries per retry.ts, the reader's verdict on each
 * answer, one activity entry, and the secret scrubbed from everything reported. Calls refused
 * before the network are logged here too, so every call leaves exactly one entry.
 */
import type { ActivityEntry, ActivityOutcome } from '../activity-log';
import { cancelledFailure, rateLimitedAsLoginFailure, rateLimitedUntil, type Failure } from '../failure';
import { readRateLimitInfo } from '../rate-limit-headers';
import { MIN_SERVER_WAIT_MS, waitRequestedMs } from '../retry-after';
import { runWithRetries, type AttemptVerdict, type RetryPolicy, type RetryStopReason, type Sleep } from '../retry';
import { attemptOnce, type Answer, type AttemptEnv, type OutgoingRequest } from './attempt';
import { createRateLimitMemory, type RateLimitMemory } from './rate-limit-memory';
import { scrubFailure, scrubText } from './scrub';
import type { ApiResult, ResponseMeta } from './types';

/** What a reader made of one answer: data (and the next-page link), or a failure and whether to retry. */
export type Reading<T> = { ok: true; data: T; next?: string } | { ok: false; failure: Failure; verdict: AttemptVerdict };

/** How the activity log names a call. */
export interface CallLabel {
  tokenLabel: string;
  /** The site's host, never the gateway. */
  site: string;
  operation: string;
  method: string;
}

export interface Call<T> {
  label: CallLabel;
  request: OutgoingRequest;
  signal?: AbortSignal | undefined;
  /** Whether a repeat is allowed (Atlassian: idempotent requests only). */
  idempotent: boolean;
  /** Scrubbed from the failure and the log entry. */
  secrets: readonly string[];
  /** `failures`: a successful call leaves no activity entry (its caller logs a summary). */
  activity?: 'each' | 'failures';
  /**
   * Data Center calls: the server's origin. A 401 from it right after a 429 (in this call, or in
   * this client's memory of that origin) is taken as rate limiting and retried once first.
   */
  dcOrigin?: string | undefined;
  read(answer: Answer): Reading<T>;
}

export interface ExecuteEnv extends AttemptEnv {
  sleep: Sleep;
  random: () => number;
  policy: RetryPolicy;
  onActivity: (entry: ActivityEntry) => void;
  /** Where 429s are remembered across calls; one per client (made here when not given). */
  rateLimits?: RateLimitMemory;
}

export interface Executor {
  execute<T>(call: Call<T>): Promise<ApiResult<T>>;
  /** Logs a call refused before the network (asked for at `startedAt`); returns the scrubbed failure. */
  refuse(label: CallLabel & { path: string }, failure: Failure, secrets: readonly string[], startedAt: number): Failure;
}

const STOP_WORDS: Partial<Record<RetryStopReason, string>> = {
  'wait-too-long': 'the wait asked for was too long',
  'out-of-retries': 'no retries were left',
  'out-of-time': 'the call had waited long enough',
};

/** The activity note of a call whose 401 was taken as rate limiting, so a person sees why it was repeated. */
function loginRetryNote(retried: boolean, result: ApiResult<unknown>, stopped: RetryStopReason | undefined): string {
  const base = 'Data Center answered 401 right after a 429 (it does so under load), so it was taken as rate limiting';
  if (!retried) {
    const why = (stopped && STOP_WORDS[stopped]) ?? 'the call was stopped';
    return `${base}; it was not retried (${why}), so it is reported as rate limiting.`;
  }
  if (result.ok) return `${base} and retried once: the retry succeeded.`;
  if (result.failure.class === 'invalid-token') return `${base} and retried once: the retry was refused too, so the token was refused.`;
  return `${base} and retried once: the retry failed too (${result.failure.class}).`;
}

export function createExecutor(env: ExecuteEnv): Executor {
  const rateLimits = env.rateLimits ?? createRateLimitMemory();

  function emit(
    label: CallLabel,
    fields: { path: string; status: number | null; outcome: ActivityOutcome; retries: number; note?: string | undefined },
    secrets: readonly string[],
    startedAt: number,
  ) {
    const entry: ActivityEntry = {
      time: new Date(startedAt).toISOString(),
      tokenLabel: scrubText(label.tokenLabel, secrets),
      site: label.site,
      operation: label.operation,
      method: label.method,
      path: scrubText(fields.path, secrets),
      status: fields.status,
      durationMs: Math.max(0, env.now() - startedAt),
      outcome: fields.outcome,
      retries: fields.retries,
      ...(fields.note !== undefined ? { note: fields.note } : {}),
    };
    try {
      env.onActivity(entry);
    } catch {
      // A failing log sink must not turn a finished call into a failure.
    }
  }

  async function execute<T>(call: Call<T>): Promise<ApiResult<T>> {
    const startedAt = env.now();
    let attempts = 0;
    let rateLimited = 0;
    let lastStatus: number | null = null;
    // This call's last 429 from a DC origin, and the attempt whose 401 was taken as rate limiting.
    let dcRateLimited: { waitMs: number | undefined } | undefined;
    let loginRetryAt: number | undefined;
    /** A Data Center 401 right after a 429: rate limiting, retried once (API-FACTS: seen). */
    const asRateLimit = (answer: Answer, reading: Reading<T>): Reading<T> => {
      const origin = call.dcOrigin;
      if (origin === undefined || reading.ok) return reading;
      if (answer.status === 429) {
        dcRateLimited = { waitMs: reading.verdict.retryAfterMs };
        rateLimits.noteRateLimited(origin, answer.receivedAt, reading.verdict.retryAfterMs);
        return reading;
      }
      if (answer.status !== 401 || reading.failure.class !== 'invalid-token' || loginRetryAt !== undefined) return reading;
      const remembered = dcRateLimited === undefined ? rateLimits.recentRateLimit(origin, answer.receivedAt) : undefined;
      if (dcRateLimited === undefined && remembered === undefined) return reading;
      loginRetryAt = attempts;
      // The 401's own rate-limit headers if it has them (read as a 429's); else this call's 429's
      // wait again, or what is left of an earlier call's (floored like any server-given wait).
      const left = remembered?.waitMs === undefined ? undefined : Math.max(MIN_SERVER_WAIT_MS, remembered.at + remembered.waitMs - answer.receivedAt);
      const waitMs = waitRequestedMs(429, answer.headers, answer.receivedAt) ?? (dcRateLimited ? dcRateLimited.waitMs : left);
      return {
        ok: false,
        failure: rateLimitedAsLoginFailure(call.label.site, answer.status, waitMs),
        verdict: { transient: true, notProcessed: true, retryAfterMs: waitMs },
      };
    };
    const once = async (): Promise<{ value: ApiResult<T>; verdict: AttemptVerdict }> => {
      attempts++;
      const outcome = await attemptOnce(env, call.request, call.signal, call.label.site);
      if (!outcome.ok) {
        lastStatus = outcome.status ?? lastStatus;
        return { value: { ok: false, failure: outcome.failure }, verdict: { transient: outcome.transient } };
      }
      const { answer } = outcome;
      lastStatus = answer.status;
      if (answer.status === 429) rateLimited++;
      const reading = asRateLimit(answer, call.read(answer));
      if (!reading.ok) return { value: { ok: false, failure: reading.failure }, verdict: reading.verdict };
      const meta: ResponseMeta = {
        retries: 0,
        durationMs: 0,
        url: call.request.url,
        rateLimited: 0,
        ...(reading.next !== undefined ? { next: reading.next } : {}),
        rateLimit: readRateLimitInfo(answer.headers),
      };
      return { value: { ok: true, data: reading.data, status: answer.status, meta }, verdict: { transient: false } };
    };

    let result: ApiResult<T>;
    let stopped: RetryStopReason | undefined;
    try {
      const run = await runWithRetries({
        policy: env.policy,
        idempotent: call.idempotent,
        sleep: env.sleep,
        random: env.random,
        signal: call.signal,
        attempt: once,
      });
      result = run.value;
      stopped = run.stopped;
      // Asked to wait longer than this call may (an interactive check): say until when, instead.
      if (!result.ok && run.stopped === 'wait-too-long' && result.failure.class === 'rate-limited' && result.failure.retryAfterMs !== undefined) {
        const wait = result.failure.retryAfterMs;
        result = { ok: false, failure: rateLimitedUntil(call.label.site, { status: result.failure.status }, wait, env.now() + wait) };
      }
    } catch {
      // runWithRetries only rejects when the signal aborts (during a wait).
      result = { ok: false, failure: cancelledFailure() };
    }
    const retries = Math.max(0, attempts - 1);
    const note = loginRetryAt === undefined ? undefined : loginRetryNote(attempts > loginRetryAt, result, stopped);
    result = result.ok
      ? { ...result, meta: { ...result.meta, retries, rateLimited, durationMs: Math.max(0, env.now() - startedAt) } }
      : { ok: false, failure: scrubFailure(result.failure, call.secrets) };
    // A retried 401 is logged even in a quiet job: the note is the only trace of why.
    if (result.ok && call.activity === 'failures' && note === undefined) return result;
    emit(
      call.label,
      { path: new URL(call.request.url).pathname, status: lastStatus, outcome: result.ok ? 'ok' : result.failure.class, retries, note },
      call.secrets,
      startedAt,
    );
    return result;
  }

  function refuse(label: CallLabel & { path: string }, failure: Failure, secrets: readonly string[], startedAt: number): Failure {
    const scrubbed = scrubFailure(failure, secrets);
    emit(label, { path: label.path, status: null, outcome: scrubbed.class, retries: 0 }, secrets, startedAt);
    return scrubbed;
  }

  return { execute, refuse };
}
