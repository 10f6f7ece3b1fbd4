/**
 * A fake `fetch` that answers from a script and records what it was asked, so client tests can
 * assert exact URLs and headers without a network. Test-only.
 */

export interface RecordedCall {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
  credentials: RequestCredentials | undefined;
}

export type ScriptStep = Response | Error | ((call: RecordedCall, init: RequestInit | undefined) => Response | Promise<Response>);

export interface ScriptedFetch {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  calls: RecordedCall[];
}

function record(input: string, init: RequestInit | undefined): RecordedCall {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return {
    url: input,
    method: init?.method ?? 'GET',
    headers,
    body: typeof init?.body === 'string' ? init.body : undefined,
    redirect: init?.redirect,
    credentials: init?.credentials,
  };
}

/** Answers the n-th call with the n-th step; a missing step is a test failure. Honours abort like fetch. */
export function scriptedFetch(steps: ScriptStep[]): ScriptedFetch {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const call = record(input, init);
    calls.push(call);
    if (init?.signal?.aborted) throw init.signal.reason ?? new DOMException('aborted', 'AbortError');
    const step = steps[calls.length - 1];
    if (step === undefined) throw new Error(`unexpected fetch #${calls.length}: ${call.method} ${call.url}`);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(call, init);
    return step;
  };
  return { fetch, calls };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

/** What undici throws when the network is down. */
export function networkError(): Error {
  return new TypeError('fetch failed');
}
