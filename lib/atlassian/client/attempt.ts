/**
 * One attempt of a call: a single fetch (cancellable through the caller's signal) and reading
 * the whole answer. What the answer means is decided by the caller's reader, not here.
 */
import { fetchFollowingRedirectWithoutCredentials, type FetchLike, type RedirectCapability } from '../download-redirect';
import { cancelledFailure, malformedFailure, offlineFailure, truncatedFailure, type Failure } from '../failure';

/** What goes out; the same for every retry of a call. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** A file: its redirect is followed without credentials, and a 2xx body is read as bytes. */
  download: boolean;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** When the answer's head arrived. */
  receivedAt: number;
  body: { kind: 'text'; text: string } | { kind: 'bytes'; blob: Blob };
}

/** An answer, or why there is none (`transient`: repeating could help). */
export type AttemptOutcome =
  | { ok: true; answer: Answer }
  | { ok: false; failure: Failure; status: number | null; transient: boolean };

export interface AttemptEnv {
  fetch: FetchLike;
  now: () => number;
  /** Per client: whether this runtime lets us read redirects (see download-redirect.ts). */
  redirects: RedirectCapability;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export async function attemptOnce(env: AttemptEnv, request: OutgoingRequest, signal: AbortSignal | undefined): Promise<AttemptOutcome> {
  const { url } = request;
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    // The token alone must authenticate: a browser session cookie could hide a broken token.
    credentials: 'omit',
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(signal ? { signal } : {}),
  };
  const fail = (failure: Failure, status: number | null, transient: boolean): AttemptOutcome => ({ ok: false, failure, status, transient });

  let response: Response;
  try {
    if (request.download) {
      const outcome = await fetchFollowingRedirectWithoutCredentials(env.fetch, url, init, env.redirects);
      if (outcome.kind === 'unsafe-redirect') return fail(malformedFailure('it redirected the download to an address that is not https'), null, false);
      response = outcome.response;
    } else {
      response = await env.fetch(url, { ...init, redirect: 'follow' });
    }
  } catch (error) {
    if (isAbort(error, signal)) return fail(cancelledFailure(), null, false);
    return fail(offlineFailure(new URL(url).host), null, true);
  }

  const status = response.status;
  const receivedAt = env.now();
  try {
    const body: Answer['body'] =
      request.download && status >= 200 && status < 300
        ? { kind: 'bytes', blob: await response.blob() }
        : { kind: 'text', text: await response.text() };
    return { ok: true, answer: { status, headers: response.headers, receivedAt, body } };
  } catch (error) {
    if (isAbort(error, signal)) return fail(cancelledFailure(), status, false);
    return fail(truncatedFailure(status), status, true);
  }
}
