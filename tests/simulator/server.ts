// The HTTPS server: logs every request (secrets masked), applies latency, outages, rate limits
// (429s, and the budget headers of authenticated answers) and faults, dispatches on the Host
// header, and writes the handler's SimResponse.
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { readCredentials } from './auth';
import { dispatch } from './dispatch';
import { faultResponse, takeFault } from './faults';
import { text, type SimRequest, type SimResponse } from './http';
import type { SimEnv } from './site';
import { throttle, withRateLimitBudget } from './throttle';
import type { RequestLogEntry } from './types';

const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization']);
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/** Which credential-carrying headers a request has (names only). */
export function credentialHeaderNames(headers: IncomingHttpHeaders): string[] {
  return CREDENTIAL_HEADERS.filter((name) => headers[name] !== undefined);
}

/** Lower-case names; credentials reduced to their scheme ('Basic ***'); cookies hidden. */
export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(', ') : value;
    const lower = name.toLowerCase();
    if (MASKED_HEADERS.has(lower)) out[lower] = `${v.trim().split(/\s+/)[0] ?? ''} ***`;
    else if (lower === 'cookie') out[lower] = '***';
    else out[lower] = v;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const NO_BODY_STATUSES = new Set([204, 304]);

function write(res: ServerResponse, r: SimResponse, entry: RequestLogEntry, truncate: boolean): void {
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  const headers: Record<string, string> = { ...r.headers };
  entry.status = r.status;
  if (NO_BODY_STATUSES.has(r.status)) {
    res.writeHead(r.status, headers);
    res.end();
    return;
  }
  if (truncate) {
    // Promise the whole body, send half, then close: the client sees a premature end.
    headers['content-length'] = String(Math.max(body.length, 1));
    headers.connection = 'close';
    res.writeHead(r.status, headers);
    res.end(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  headers['content-length'] = String(body.length);
  res.writeHead(r.status, headers);
  res.end(body);
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(env: SimEnv, options: { port: number; key: string; cert: string }): Promise<RunningServer> {
  const { state } = env;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const path = req.url ?? '/';
    const entry: RequestLogEntry = {
      time: Date.now(),
      host,
      method: req.method ?? 'GET',
      path,
      headers: maskHeaders(req.headers),
      status: 0,
      authKind: 'none',
      credentialHeaders: credentialHeaderNames(req.headers),
    };
    state.log.push(entry);
    const body = await readBody(req);
    let url: URL;
    try {
      url = new URL(path, `https://${host || 'localhost'}`);
    } catch {
      write(res, text(400, 'Bad Request'), entry, false);
      return;
    }
    const simReq: SimRequest = { host, method: entry.method, url, headers: req.headers, body, entry };
    const creds = readCredentials(simReq, state);
    entry.authKind = creds.kind;
    if (creds.token) entry.tokenPresented = creds.token.name;
    if (state.latencyMs > 0) await delay(state.latencyMs);
    const fault = takeFault(state, host, path);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    let response: SimResponse;
    try {
      // Rate-limit headers go on the real answer, before any fault rewrites it.
      response = throttle(state, host, path, creds.token) ?? withRateLimitBudget(state, simReq, dispatch(simReq, env));
    } catch (err) {
      console.error('[simulator] handler error', err);
      response = text(500, `Simulator error: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (fault) response = faultResponse(fault, response);
    write(res, response, entry, fault?.kind === 'truncated');
  };

  const server = https.createServer({ key: options.key, cert: options.cert }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[simulator] request failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Browsers and aborted test requests close sockets mid-handshake; that is not an error here.
  server.on('tlsClientError', () => {});
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
