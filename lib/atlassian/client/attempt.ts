/**
 * One attempt of a call: a single fetch (cancellable through the caller's signal) and reading
 * the answer, at most `maxBodyBytes` of it. What the answer means is decided by the caller's
 * reader, not here; what is refused before any reading is decided here: a redirect, or an
 * answer from another origin than the one asked.
 */
import { fetchFollowingRedirectWithoutCredentials, type FetchLike, type RedirectCapability } from '../download-redirect';
import { cancelledFailure, malformedFailure, offlineFailure, redirectedFailure, tooLargeFailure, truncatedFailure, type Failure } from '../failure';
import { describeBytes } from '../schemas/bounds';

/** What goes out; the same for every retry of a call. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** A file: its redirect is followed without credentials, and a 2xx body is read as bytes. */
  download: boolean;
  /**
   * For a download: when it redirected to another https host (the signed media URL), stop
   * there and answer that URL instead of the bytes, so a page can fetch them without us.
   */
  handOff?: boolean;
  /**
   * For a download on the site's own origin (Data Center's servlet): its redirect is refused like
   * any other call's, never followed, so whatever answers elsewhere is never saved as the file.
   */
  refuseRedirect?: boolean;
  /** The longest text answer read (schemas/bounds.ts); a longer 2xx is refused. */
  maxBodyBytes: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** When the answer's head arrived. */
  receivedAt: number;
  /**
   * Text: for a failure status longer than `maxBodyBytes`, only its start (enough to classify).
   */
  body: { kind: 'text'; text: string } | { kind: 'bytes'; blob: Blob } | { kind: 'signed-url'; url: string };
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

/**
 * Whether `response` is a redirect or came from elsewhere, and where to, if that can be seen.
 * Browsers give `redirect: 'manual'` an opaque redirect (type 'opaqueredirect', status 0, no
 * headers); Node's fetch gives the 3xx itself with its Location. `response.url` is checked too
 * (defence in depth: a fetch that followed anyway reports the final URL there).
 */
function redirectOf(response: Response, requested: URL): { target?: string } | undefined {
  if (response.type === 'opaqueredirect') return {};
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    if (location === null) return {};
    try {
      return { target: new URL(location, requested).host };
    } catch {
      return {};
    }
  }
  if (response.url) {
    try {
      const answered = new URL(response.url);
      if (answered.origin !== requested.origin) return { target: answered.host };
    } catch {
      return {};
    }
  }
  return undefined;
}

/** The final URL of a download that was redirected to another https origin, else undefined. */
function signedUrlOf(response: Response, requested: URL): string | undefined {
  if (!response.url) return undefined;
  try {
    const answered = new URL(response.url);
    return answered.protocol === 'https:' && answered.origin !== requested.origin ? answered.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a body up to `limit` bytes, then stops; `complete` is false when there was more. */
async function readTextBounded(response: Response, limit: number): Promise<{ text: string; complete: boolean }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { text: '', complete: false };
  }
  const reader = response.body?.getReader();
  if (!reader) return { text: '', complete: true };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = limit - size;
    if (value.byteLength > room) {
      if (room > 0) chunks.push(value.subarray(0, room));
      size = limit;
      complete = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), complete };
}

/** `site`: the site's host, for the sentences that name it (never the gateway). */
export async function attemptOnce(env: AttemptEnv, request: OutgoingRequest, signal: AbortSignal | undefined, site?: string): Promise<AttemptOutcome> {
  const { url } = request;
  const requested = new URL(url);
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    // The token alone must authenticate: a browser session cookie could hide a broken token.
    credentials: 'omit',
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(signal ? { signal } : {}),
  };
  const fail = (failure: Failure, status: number | null, transient: boolean): AttemptOutcome => ({ ok: false, failure, status, transient });

  const follows = request.download && request.refuseRedirect !== true;
  let response: Response;
  try {
    if (follows) {
      // The one redirect followed: to the signed media URL, without credentials (download-redirect.ts).
      const outcome = await fetchFollowingRedirectWithoutCredentials(env.fetch, url, init, env.redirects);
      if (outcome.kind === 'unsafe-redirect') return fail(malformedFailure('it redirected the download to an address that is not https'), null, false);
      response = outcome.response;
    } else {
      // Never followed: the browser would drop Authorization on the way and we would believe
      // whoever answered there. A redirect is refused below, before anything is read.
      response = await env.fetch(url, { ...init, redirect: 'manual' });
    }
  } catch (error) {
    if (isAbort(error, signal)) return fail(cancelledFailure(), null, false);
    return fail(offlineFailure(requested.host), null, true);
  }

  const status = response.status;
  if (!follows) {
    const redirect = redirectOf(response, requested);
    if (redirect !== undefined) {
      await response.body?.cancel().catch(() => undefined);
      return fail(redirectedFailure(site ?? requested.host, { status, target: redirect.target }), status === 0 ? null : status, false);
    }
  }
  const receivedAt = env.now();
  try {
    if (request.download && status >= 200 && status < 300) {
      const signed = request.handOff ? signedUrlOf(response, requested) : undefined;
      if (signed !== undefined) {
        // Only the head was needed: the page fetches the bytes from the signed URL itself.
        await response.body?.cancel().catch(() => undefined);
        return { ok: true, answer: { status, headers: response.headers, receivedAt, body: { kind: 'signed-url', url: signed } } };
      }
      return { ok: true, answer: { status, headers: response.headers, receivedAt, body: { kind: 'bytes', blob: await response.blob() } } };
    }
    const read = await readTextBounded(response, request.maxBodyBytes);
    if (!read.complete && status >= 200 && status < 300) return fail(tooLargeFailure(describeBytes(request.maxBodyBytes), status), status, false);
    return { ok: true, answer: { status, headers: response.headers, receivedAt, body: { kind: 'text', text: read.text } } };
  } catch (error) {
    if (isAbort(error, signal)) return fail(cancelledFailure(), status, false);
    return fail(truncatedFailure(status), status, true);
  }
}
