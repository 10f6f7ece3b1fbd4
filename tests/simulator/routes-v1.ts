// REST API v1 (`/wiki/rest/api/...` on Cloud, `/confluence/rest/api/...` on Data Center),
// after authentication. The few Cloud/DC differences come in through `V1Flavor`.
import { v1ContentFailure } from './content-failures';
import { canView, canViewSpace, findSpace, type Principal } from './content-store';
import type { SimAttachment, SimContent, SimSpace } from './fixtures';
import {
  ANONYMOUS_CANNOT_WATCH,
  CONTENT_BY_ID_ACCEPTS_ATTACHMENT_IDS,
  NO_CONFLUENCE_ACCESS_AFFECTS_ONLY_CURRENT_USER,
  V1_MAX_EXPANSIONS,
  V1_TOO_MANY_EXPANSIONS_MESSAGE,
  XSRF_FAILURE_BODY,
  v1ContentNotFoundMessage,
  v1ErrorBody,
  v1UnknownPathMessage,
} from './guesses';
import { empty, header, json, redirect, text, type SimRequest, type SimResponse } from './http';
import { signedMediaLocation } from './media';
import { parseExpand, v1Attachment, v1Content, v1ContentArray, type V1Env } from './model-v1';
import { pageV1 } from './pagination';
import type { SimState } from './state';
import { currentUserJson } from './users';

/** What a watch POST added, for flavors whose answer describes it. */
export type AddedWatch = { principal: Principal; env: V1Env } & ({ target: 'content'; content: SimContent } | { target: 'space'; space: SimSpace });

/** What differs between Cloud and Data Center in the v1 routes we serve. */
export interface V1Flavor {
  watchStatus(watching: boolean): SimResponse;
  watchAdded(added: AddedWatch): SimResponse;
  watchRemoved(): SimResponse;
  watchWriteNeedsXsrfHeader: boolean;
  attachmentDownload: boolean;
}

export const CLOUD_V1_FLAVOR: V1Flavor = {
  watchStatus: (watching) => json(200, { watching }),
  watchAdded: () => empty(204),
  watchRemoved: () => empty(204),
  watchWriteNeedsXsrfHeader: true,
  attachmentDownload: true,
};

export interface V1Context {
  req: SimRequest;
  state: SimState;
  env: V1Env;
  flavor: V1Flavor;
  /** Path after '/rest/api', e.g. '/content/123'. */
  subPath: string;
}

const notFound = (id: string): SimResponse => json(404, v1ErrorBody(404, v1ContentNotFoundMessage(id)));
const forbidden = (message: string): SimResponse => json(403, v1ErrorBody(403, message));
const badRequest = (message: string): SimResponse => json(400, v1ErrorBody(400, message));
const methodNotAllowed = (): SimResponse => json(405, v1ErrorBody(405, 'Method Not Allowed'));

/** Seen: `user/current` for an account without Confluence access on the site. */
export const NOT_PERMITTED_TO_USE_CONFLUENCE_MESSAGE = 'Current user not permitted to use Confluence';

function lacksConfluenceAccess(ctx: V1Context): boolean {
  const p = ctx.env.principal;
  return p.kind === 'user' && !ctx.state.hasConfluenceAccess(ctx.env.host, p.user);
}

function currentUser(ctx: V1Context): SimResponse {
  if (ctx.req.method !== 'GET') return methodNotAllowed();
  if (lacksConfluenceAccess(ctx)) return forbidden(NOT_PERMITTED_TO_USE_CONFLUENCE_MESSAGE);
  return json(200, currentUserJson(ctx.env.principal, ctx.env));
}

function listLinks(ctx: V1Context, relPath: string, next?: string, prev?: string): Record<string, string> {
  const links: Record<string, string> = { base: ctx.env.base, context: ctx.env.context, self: `${ctx.env.base}/rest/api${relPath}` };
  if (next) links.next = next;
  if (prev) links.prev = prev;
  return links;
}

function viewable(ctx: V1Context, id: string): SimContent | undefined {
  const c = ctx.env.content.find(ctx.env.host, id);
  return c && canView(ctx.env.principal, c) ? c : undefined;
}

/** An attachment asked for by its own id, when the caller may see its page. */
function attachmentById(ctx: V1Context, id: string): { c: SimContent; att: SimAttachment } | undefined {
  if (!CONTENT_BY_ID_ACCEPTS_ATTACHMENT_IDS) return undefined;
  const found = ctx.env.content.findAttachment(ctx.env.host, id);
  return found && canView(ctx.env.principal, found.c) ? found : undefined;
}

function getContent(ctx: V1Context, id: string): SimResponse {
  const attachmentId = CONTENT_BY_ID_ACCEPTS_ATTACHMENT_IDS && /^att\d+$/.test(id);
  if (!/^\d+$/.test(id) && !attachmentId) return badRequest(`The content id is invalid: ${id}`);
  const { tree, count } = parseExpand(ctx.req.url.searchParams.get('expand'));
  if (count > V1_MAX_EXPANSIONS) return badRequest(V1_TOO_MANY_EXPANSIONS_MESSAGE);
  const failure = v1ContentFailure(ctx.state, id);
  if (failure) return failure;
  const c = attachmentId ? undefined : viewable(ctx, id);
  if (c) return json(200, v1Content(c, tree, ctx.env, true));
  const file = attachmentById(ctx, id);
  if (file) return json(200, v1Attachment(file.c, file.att, ctx.env, tree, true));
  return notFound(id);
}

function listChildren(ctx: V1Context, id: string, kind: 'child' | 'descendant', type: string): SimResponse {
  const failure = v1ContentFailure(ctx.state, id);
  if (failure) return failure;
  const parent = viewable(ctx, id);
  if (!parent) return notFound(id);
  const relPath = `/content/${id}/${kind}/${type}`;
  const { tree } = parseExpand(ctx.req.url.searchParams.get('expand'));
  // Page the raw items first, then build JSON for that page only (trees can be large).
  let all: Array<() => Record<string, unknown>>;
  if (type === 'attachment') {
    const filename = ctx.req.url.searchParams.get('filename');
    const mediaType = ctx.req.url.searchParams.get('mediaType');
    all = parent.attachments
      .filter((a) => (!filename || a.title === filename) && (!mediaType || a.mediaType === mediaType))
      .map((a) => () => v1Attachment(parent, a, ctx.env, tree));
  } else if (type === 'page') {
    if (parent.type === 'blogpost') return badRequest('Cannot find page children of a blogpost');
    const depthRaw = ctx.req.url.searchParams.get('depth');
    const depth = kind === 'child' ? 1 : depthRaw && /^\d+$/.test(depthRaw) ? Number(depthRaw) : Infinity;
    all = ctx.env.content
      .descendantsOf(parent, depth)
      .map((d) => d.content)
      .filter((x) => x.type === 'page' && canView(ctx.env.principal, x))
      .map((x) => () => v1Content(x, tree, ctx.env, false));
  } else {
    return json(404, v1ErrorBody(404, v1UnknownPathMessage(ctx.req.url.pathname)));
  }
  const page = pageV1(all, ctx.req.url, `/rest/api${relPath}`);
  if (!page.ok) return badRequest(page.message);
  const items = page.items.map((build) => build());
  return json(200, v1ContentArray(items, page.start, page.limit, listLinks(ctx, relPath, page.next, page.prev)));
}

/** `GET /content?spaceKey=&title=&type=`: the content the caller may see, by space and exact title. */
function searchContent(ctx: V1Context): SimResponse {
  const params = ctx.req.url.searchParams;
  const spaceKey = params.get('spaceKey');
  const title = params.get('title');
  const type = params.get('type') ?? 'page';
  const { tree } = parseExpand(params.get('expand'));
  const all = ctx.env.content.all().filter(
    (c) =>
      c.site === ctx.env.host &&
      c.type === type &&
      (!spaceKey || c.spaceKey.toLowerCase() === spaceKey.toLowerCase()) &&
      (!title || c.title === title) &&
      canView(ctx.env.principal, c),
  ).map((c) => v1Content(c, tree, ctx.env, false));
  const page = pageV1(all, ctx.req.url, '/rest/api/content');
  if (!page.ok) return badRequest(page.message);
  return json(200, v1ContentArray(page.items, page.start, page.limit, listLinks(ctx, '/content', page.next, page.prev)));
}

function download(ctx: V1Context, id: string, attId: string): SimResponse {
  // The page or the attachment itself (by its `att…` id) may be made to fail.
  const bare = attId.replace(/^att/, '');
  const failure = v1ContentFailure(ctx.state, id) ?? v1ContentFailure(ctx.state, `att${bare}`) ?? v1ContentFailure(ctx.state, bare);
  if (failure) return failure;
  const c = viewable(ctx, id);
  const att = c?.attachments.find((a) => a.id === attId || a.id === `att${attId}`);
  if (!c || !att) return notFound(id);
  const version = ctx.req.url.searchParams.get('version');
  if (version !== null && (!/^\d+$/.test(version) || Number(version) > att.version || Number(version) < 1)) {
    return badRequest(`Invalid version: ${version}`);
  }
  return redirect(signedMediaLocation(ctx.state, c, att));
}

function watchedBy(principal: Principal): string | undefined {
  return principal.kind === 'user' ? principal.user.key : undefined;
}

function watch(ctx: V1Context, target: 'content' | 'space', idOrKey: string): SimResponse {
  const method = ctx.req.method;
  if (!['GET', 'POST', 'DELETE'].includes(method)) return methodNotAllowed();
  if (method !== 'GET' && ctx.flavor.watchWriteNeedsXsrfHeader && header(ctx.req, 'x-atlassian-token')?.toLowerCase() !== 'no-check') {
    return text(403, XSRF_FAILURE_BODY);
  }
  const principal = ctx.env.principal;
  const userKey = watchedBy(principal);
  if (!userKey && ANONYMOUS_CANNOT_WATCH) return forbidden('The anonymous user cannot watch content');
  const q = ctx.req.url.searchParams;
  const other = ['key', 'username', 'accountId'].some((p) => {
    const v = q.get(p);
    return v !== null && principal.kind === 'user' && v !== principal.user.accountId && v !== principal.user.username && v !== principal.user.userKey;
  });
  if (other) return forbidden('Only Confluence administrators can manage watches of other users');
  let key: string;
  let what: { target: 'content'; content: SimContent } | { target: 'space'; space: SimSpace };
  if (target === 'content') {
    const content = viewable(ctx, idOrKey);
    if (!content) return forbidden(`Cannot view content with id ${idOrKey}`);
    key = `${ctx.env.host}|${userKey}|content:${idOrKey}`;
    what = { target, content };
  } else {
    const space = findSpace(ctx.env.host, idOrKey);
    if (!space || !canViewSpace(principal, space)) return forbidden(`Cannot view space with key ${idOrKey}`);
    key = `${ctx.env.host}|${userKey}|space:${space.key}`;
    what = { target, space };
  }
  if (method === 'GET') return ctx.flavor.watchStatus(ctx.state.watches.has(key));
  if (method === 'POST') {
    ctx.state.watches.add(key);
    return ctx.flavor.watchAdded({ ...what, principal, env: ctx.env });
  }
  ctx.state.watches.delete(key);
  return ctx.flavor.watchRemoved();
}

export function handleV1(ctx: V1Context): SimResponse {
  const p = ctx.subPath.replace(/\/+$/, '');
  const m = ctx.req.method;
  let r: RegExpExecArray | null;
  if (p === '/user/current') return currentUser(ctx);
  if (!NO_CONFLUENCE_ACCESS_AFFECTS_ONLY_CURRENT_USER && lacksConfluenceAccess(ctx)) return forbidden(NOT_PERMITTED_TO_USE_CONFLUENCE_MESSAGE);
  if ((r = /^\/user\/watch\/content\/([^/]+)$/.exec(p))) return watch(ctx, 'content', decodeURIComponent(r[1]!));
  if ((r = /^\/user\/watch\/space\/([^/]+)$/.exec(p))) return watch(ctx, 'space', decodeURIComponent(r[1]!));
  if (p === '/content') return m === 'GET' ? searchContent(ctx) : methodNotAllowed();
  if ((r = /^\/content\/([^/]+)$/.exec(p))) return m === 'GET' ? getContent(ctx, r[1]!) : methodNotAllowed();
  if ((r = /^\/content\/(\d+)\/child\/attachment\/([^/]+)\/download$/.exec(p)) && ctx.flavor.attachmentDownload) {
    return m === 'GET' ? download(ctx, r[1]!, r[2]!) : methodNotAllowed();
  }
  if ((r = /^\/content\/(\d+)\/(child|descendant)\/([a-z]+)$/.exec(p))) {
    return m === 'GET' ? listChildren(ctx, r[1]!, r[2] as 'child' | 'descendant', r[3]!) : methodNotAllowed();
  }
  return json(404, v1ErrorBody(404, v1UnknownPathMessage(ctx.req.url.pathname)));
}
