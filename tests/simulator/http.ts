// Request/response values passed between the server and the route handlers. Handlers return a
// SimResponse instead of writing to the socket, so faults can rewrite or truncate any answer.
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestLogEntry } from './types';

export interface SimRequest {
  host: string;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  entry: RequestLogEntry;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...headers }, body: JSON.stringify(value) };
}

export function text(status: number, body: string, contentType = 'text/plain;charset=UTF-8', headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return text(status, body, 'text/html;charset=UTF-8', headers);
}

export function empty(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers };
}

export function redirect(location: string, status = 302): SimResponse {
  return { status, headers: { location } };
}

export function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Parses a positive integer query parameter; undefined when absent, NaN when malformed. */
export function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}
