// Data Center's attachment download servlet, `<context>/download/attachments/<pageId>/<file>`:
// what `_links.download` names. DC has no REST download, so a client fetches this with its PAT
// (seen); a browser with a session gets the bytes too. Rules and guesses in guesses.ts
// (dcLoginPath, DC_SESSION_COOKIE_*).
import { authenticateDc } from './auth';
import { attachmentBytes, canView, userByKey, type Principal } from './content-store';
import { SIM_DC } from './fixtures';
import { DC_SESSION_COOKIE_NAME, DC_SESSION_COOKIE_VALUE, DC_SESSION_USER, dcLoginPath } from './guesses';
import { header, redirect, text, type SimRequest, type SimResponse } from './http';
import type { SimEnv } from './site';

export const DC_DOWNLOAD_PREFIX = '/download/attachments/';

/** The `Set-Cookie` value of DC's HTML pages: the browser's logged-in session. */
export function dcSessionCookie(): string {
  return `${DC_SESSION_COOKIE_NAME}=${DC_SESSION_COOKIE_VALUE}; Path=${SIM_DC.contextPath}; Secure; HttpOnly`;
}

function hasSession(req: SimRequest): boolean {
  const cookies = (header(req, 'cookie') ?? '').split(';').map((c) => c.trim());
  return cookies.includes(`${DC_SESSION_COOKIE_NAME}=${DC_SESSION_COOKIE_VALUE}`);
}

const SESSION: Principal = { kind: 'user', user: userByKey(DC_SESSION_USER), tokenName: 'dc-session' };

/** `rest` is the path after the context path; `notFound` DC's HTML 404 page. */
export function handleDcDownload(req: SimRequest, env: SimEnv, rest: string, notFound: () => SimResponse): SimResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Method Not Allowed');
  const { state } = env;
  let principal: Principal;
  if (header(req, 'authorization') === undefined && hasSession(req)) {
    principal = SESSION;
  } else {
    const auth = authenticateDc(req, state, SIM_DC.host);
    // Nobody logged in: the servlet sends the browser to the login page, then back here.
    const toLogin = redirect(dcLoginPath(SIM_DC.contextPath, `${rest}${req.url.search}`));
    if (!auth.ok) return header(req, 'authorization') === undefined ? toLogin : auth.response;
    principal = auth.principal;
  }
  const m = /^\/download\/attachments\/(\d+)\/([^/]+)$/.exec(rest);
  if (!m) return notFound();
  const pageId = m[1]!;
  let fileName: string;
  try {
    fileName = decodeURIComponent(m[2]!);
  } catch {
    return notFound();
  }
  const c = state.content.find(SIM_DC.host, pageId);
  const att = c?.attachments.find((a) => a.title === fileName);
  // `control.failContent` on the page or the attachment fails the download too.
  const failed = state.failedContent.get(pageId) ?? (att ? state.failedContent.get(att.id) : undefined);
  if (failed !== undefined) return failed === 404 ? notFound() : text(failed, failed === 403 ? 'Forbidden' : 'Internal Server Error');
  if (!c || !att) return notFound();
  if (!canView(principal, c)) {
    // The anonymous user is sent to log in; a user who may not see the page finds nothing.
    return principal.kind === 'anonymous' ? redirect(dcLoginPath(SIM_DC.contextPath, `${rest}${req.url.search}`)) : notFound();
  }
  return { status: 200, headers: { 'content-type': att.mediaType }, body: attachmentBytes(att) };
}
