// Faults on demand: malformed JSON, an HTML login page with 200, a truncated body, a dropped
// connection, any status, a redirect to another address, or a huge body. A fault without pathPrefix matches API requests only, so a page
// load (or Chromium's favicon request) doesn't use it up.
import { HTML_LOGIN_PAGE, MEDIA_HOST } from './guesses';
import { html, type SimResponse } from './http';
import type { ActiveFault, SimState } from './state';

export function isApiRequest(host: string, path: string): boolean {
  if (host === MEDIA_HOST) return true;
  // DC's download servlet is its only way to attachments: it counts as API like Cloud's REST download.
  return /^\/(?:wiki\/rest\/|wiki\/api\/|ex\/|_edge\/|rest\/|confluence\/rest\/|confluence\/download\/)/.test(path);
}

export function requestMatches(rule: { host?: string; pathPrefix?: string }, host: string, path: string): boolean {
  if (rule.host && rule.host !== host) return false;
  return rule.pathPrefix ? path.startsWith(rule.pathPrefix) : isApiRequest(host, path);
}

/** Takes (uses up one of) the first fault matching this request. */
export function takeFault(state: SimState, host: string, path: string): ActiveFault | undefined {
  const fault = state.faults.find((f) => f.remaining > 0 && requestMatches(f, host, path));
  if (!fault) return undefined;
  fault.remaining -= 1;
  state.faults = state.faults.filter((f) => f.remaining > 0);
  return fault;
}

/** What is written when a fault applies ('drop' and 'truncated' are done by the server). */
export function faultResponse(fault: ActiveFault, real: SimResponse): SimResponse {
  switch (fault.kind) {
    case 'malformed-json': {
      const body = Buffer.from(real.body ?? '');
      const broken = body.length > 2 ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.from('{"results": [');
      return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: broken };
    }
    case 'html-login':
      return html(200, HTML_LOGIN_PAGE);
    case 'status':
      return { status: fault.status ?? 500, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: `Injected fault: status ${fault.status ?? 500}` };
    case 'redirect':
      return { status: fault.status ?? 302, headers: { location: fault.location ?? '', 'content-type': 'text/plain;charset=UTF-8' }, body: '' };
    case 'huge-body':
      return hugeBody(real, fault.bytes ?? DEFAULT_HUGE_BODY_BYTES);
    case 'truncated':
    case 'drop':
      return real;
  }
}

export const DEFAULT_HUGE_BODY_BYTES = 4 * 1024 * 1024;

/** The real answer, grown to at least `bytes` by a `padding` field (a JSON object stays valid JSON). */
function hugeBody(real: SimResponse, bytes: number): SimResponse {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(real.body ?? '').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the padding alone.
  }
  const base = Buffer.byteLength(JSON.stringify({ ...value, padding: '' }));
  const body = JSON.stringify({ ...value, padding: 'x'.repeat(Math.max(0, bytes - base)) });
  return { status: real.status, headers: { ...real.headers, 'content-type': 'application/json;charset=UTF-8' }, body };
}
