// A fetch for Node tests that sends every https URL to the simulator (127.0.0.1:port, SNI and
// Host set to the URL's host), accepts its self-signed certificate, follows redirects like the
// Fetch standard (dropping Authorization when the origin changes) or returns them ('manual').
// The unreachable host (SIM_OTHER_HOSTS.unreachable) fails like a DNS failure, without connecting.
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { SIM_OTHER_HOSTS } from './fixtures';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Dropped on a cross-origin redirect, as browsers and undici do. */
const CROSS_ORIGIN_DROPPED = ['authorization', 'proxy-authorization', 'cookie'];
const MAX_REDIRECTS = 20;

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function send(port: number, agent: https.Agent, url: URL, method: string, headers: Headers, body: Buffer | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const h: Record<string, string> = {};
    headers.forEach((value, name) => {
      h[name] = value;
    });
    h.host = url.host;
    if (body) h['content-length'] = String(body.length);
    const req = https.request({
      host: '127.0.0.1',
      port,
      method,
      path: `${url.pathname}${url.search}`,
      headers: h,
      agent,
      servername: isIP(url.hostname) === 0 ? url.hostname : undefined,
      rejectUnauthorized: false,
      signal,
    });
    req.on('response', resolve);
    req.on('error', (err) => reject(signal.aborted ? abortError(signal) : new TypeError('fetch failed', { cause: err })));
    req.end(body);
  });
}

function toResponse(res: IncomingMessage, url: URL, method: string, redirected: boolean, signal: AbortSignal): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else headers.set(name, value);
  }
  let body: ReadableStream<Uint8Array> | null = null;
  if (NULL_BODY_STATUSES.has(status) || method === 'HEAD') {
    res.resume();
  } else {
    body = Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>;
    const onAbort = (): void => {
      res.destroy(abortError(signal) as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    res.once('close', () => signal.removeEventListener('abort', onAbort));
  }
  const response = new Response(body, { status, statusText: res.statusMessage ?? '', headers });
  Object.defineProperty(response, 'url', { value: url.toString() });
  Object.defineProperty(response, 'redirected', { value: redirected });
  return response;
}

const isUnreachable = (url: URL): boolean => url.hostname.toLowerCase() === SIM_OTHER_HOSTS.unreachable;

/** What Node's fetch throws for a name that does not resolve (UNREACHABLE_HOST_CONNECT_STATUS's note). */
function unreachable(url: URL): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: url.hostname });
  return new TypeError('fetch failed', { cause });
}

export function createSimFetch(port: number, agent: https.Agent): typeof fetch {
  const simFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    let url = new URL(request.url);
    if (url.protocol !== 'https:') throw new TypeError(`sim.fetch: only https URLs are simulated, got ${url.protocol}`);
    if (isUnreachable(url)) throw unreachable(url);
    let method = request.method;
    const headers = new Headers(request.headers);
    let body: Buffer | undefined = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const signal = request.signal;
    let redirected = false;
    for (let hops = 0; ; hops++) {
      const res = await send(port, agent, url, method, headers, body, signal);
      const location = res.headers.location;
      const status = res.statusCode ?? 0;
      if (!REDIRECT_STATUSES.has(status) || !location || request.redirect === 'manual') {
        return toResponse(res, url, method, redirected, signal);
      }
      res.resume();
      if (request.redirect === 'error') throw new TypeError('fetch failed: unexpected redirect');
      if (hops >= MAX_REDIRECTS) throw new TypeError('fetch failed: redirect count exceeded');
      const next = new URL(location, url);
      if ((status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(h);
      }
      if (next.origin !== url.origin) for (const h of CROSS_ORIGIN_DROPPED) headers.delete(h);
      url = next;
      if (isUnreachable(url)) throw unreachable(url);
      redirected = true;
    }
  };
  return simFetch as typeof fetch;
}
