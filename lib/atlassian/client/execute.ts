/**
 * One call, however many attempts it takes: retries per retry.ts, the reader's verdict on each
 * answer, one activity entry, and the secret scrubbed from everything reported. Calls refused
 * before the network are logged here too, so every call leaves exactly one entry.
 */
import type { ActivityEntry, ActivityOutcome } from '../activity-log';
import { cancelledFailure, rateLimitedUntil, type Failure } from '../failure';
import { readRateLimitInfo } from '../rate-limit-headers';
import { runWithRetries, type AttemptVerdict, type RetryPolicy, type Sleep } from '../retry';
import { attemptOnce, type Answer, type AttemptEnv, type OutgoingRequest } from './attempt';
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
  read(answer: Answer): Reading<T>;
}

export interface ExecuteEnv extends AttemptEnv {
  sleep: Sleep;
  random: () => number;
  policy: RetryPolicy;
  onActivity: (entry: ActivityEntry) => void;
}

export interface Executor {
  execute<T>(call: Call<T>): Promise<ApiResult<T>>;
  /** Logs a call refused before the network (asked for at `startedAt`); returns the scrubbed failure. */
  refuse(label: CallLabel & { path: string }, failure: Failure, secrets: readonly string[], startedAt: number): Failure;
}

export function createExecutor(env: ExecuteEnv): Executor {
  function emit(
    label: CallLabel,
    fields: { path: string; status: number | null; outcome: ActivityOutcome; retries: number },
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
      const reading = call.read(answer);
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
    result = result.ok
      ? { ...result, meta: { ...result.meta, retries, rateLimited, durationMs: Math.max(0, env.now() - startedAt) } }
      : { ok: false, failure: scrubFailure(result.failure, call.secrets) };
    if (result.ok && call.activity === 'failures') return result;
    emit(
      call.label,
      { path: new URL(call.request.url).pathname, status: lastStatus, outcome: result.ok ? 'ok' : result.failure.class, retries },
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
