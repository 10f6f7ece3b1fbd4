// REST API v2 (`/wiki/api/v2/...`, same behind the gateway), after authentication.
import { BODY_FORMATS, isBodyFormat } from './bodies';
import { v2ContentFailure } from './content-failures';
import { canView, canViewSpace, spacesOf, type Principal } from './content-store';
import type { SimContent } from './fixtures';
import { v2ErrorBody } from './guesses';
import { json, type SimRequest, type SimResponse } from './http';
import { v2Attachment, v2Content, v2Descendant, v2Space, type V2Env } from './model-v2';
import { linkHeader, pageV2 } from './pagination';
import type { SimState } from './state';

export interface V2Context {
  req: SimRequest;
  state: SimState;
  env: V2Env;
  principal: Principal;
  /** Path relative to '/wiki/api/v2', e.g. '/pages/123'. */
  subPath: string;
}

const notFound = (): SimResponse => json(404, v2ErrorBody(404, 'Not Found'));
const badRequest = (detail: string): SimResponse => json(400, v2ErrorBody(400, 'Bad Request', detail));

function viewable(ctx: V2Context, id: string, type: SimContent['type']): SimContent | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const c = ctx.env.content.find(ctx.env.host, id);
  return c && c.type === type && canView(ctx.principal, c) ? c : undefined;
}

function boolParam(url: URL, name: string, dflt: boolean): boolean {
  const v = url.searchParams.get(name);
  return v === null ? dflt : v === 'true';
}

function getSingle(ctx: V2Context, id: string, type: 'page' | 'blogpost'): SimResponse {
  if (!/^\d+$/.test(id)) return badRequest(`Invalid id: ${id}`);
  const format = ctx.req.url.searchParams.get('body-format');
  if (format !== null && !isBodyFormat(format)) return badRequest(`body-format must be one of ${BODY_FORMATS.join(', ')}`);
  const failure = v2ContentFailure(ctx.state, id);
  if (failure) return failure;
  const c = viewable(ctx, id, type);
  if (!c) return notFound();
  const url = ctx.req.url;
  return json(
    200,
    v2Content(c, ctx.env, {
      bodyFormat: format ?? undefined,
      includeLabels: boolParam(url, 'include-labels', false),
      includeVersion: boolParam(url, 'include-version', true),
    }),
  );
}

/** Cursor paging over `all`; only the returned page is turned into JSON (`toJson`). */
function paged<T>(ctx: V2Context, all: readonly T[], defaultLimit: number, toJson: (item: T) => Record<string, unknown>): SimResponse {
  const sitePath = `/wiki/api/v2${ctx.subPath}`;
  const r = pageV2(all, ctx.req.url, sitePath, defaultLimit);
  if (!r.ok) return badRequest(r.message);
  const links: Record<string, string> = {};
  if (r.page.next) links.next = r.page.next;
  links.base = ctx.env.base;
  return json(200, { results: r.page.items.map(toJson), _links: links }, linkHeader(r.page.next, ctx.env.base));
}

function attachments(ctx: V2Context, id: string): SimResponse {
  const failure = v2ContentFailure(ctx.state, id);
  if (failure) return failure;
  const c = viewable(ctx, id, 'page');
  if (!c) return notFound();
  const q = ctx.req.url.searchParams;
  const filename = q.get('filename');
  const mediaType = q.get('mediaType');
  const all = c.attachments.filter((a) => (!filename || a.title === filename) && (!mediaType || a.mediaType === mediaType));
  return paged(ctx, all, 50, (a) => v2Attachment(c, a));
}

function descendants(ctx: V2Context, id: string): SimResponse {
  const failure = v2ContentFailure(ctx.state, id);
  if (failure) return failure;
  const c = viewable(ctx, id, 'page');
  if (!c) return notFound();
  const depthRaw = ctx.req.url.searchParams.get('depth');
  const depth = depthRaw === null ? 2 : Number(depthRaw);
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) return badRequest('depth must be between 1 and 10');
  const all = ctx.env.content.descendantsOf(c, depth).filter((d) => canView(ctx.principal, d.content));
  return paged(ctx, all, 25, (d) => v2Descendant(d.content, d.depth));
}

function listValues(url: URL, name: string): string[] {
  return url.searchParams.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function spaces(ctx: V2Context): SimResponse {
  const url = ctx.req.url;
  const keys = listValues(url, 'keys');
  const ids = listValues(url, 'ids');
  const type = url.searchParams.get('type');
  const status = url.searchParams.get('status');
  const fmt = url.searchParams.get('description-format');
  if (fmt !== null && fmt !== 'plain' && fmt !== 'view') return badRequest('description-format must be plain or view');
  const all = spacesOf(ctx.env.host)
    .filter((s) => canViewSpace(ctx.principal, s))
    .filter((s) => (keys.length === 0 || keys.includes(s.key)) && (ids.length === 0 || ids.includes(s.id)))
    .filter((s) => (!type || s.type === type) && (!status || status === 'current'))
    .sort((a, b) => Number(a.id) - Number(b.id))
  return paged(ctx, all, 25, (s) => v2Space(s, { descriptionFormat: fmt ?? undefined, includeIcon: boolParam(url, 'include-icon', false) }));
}

/** `GET /pages`: the site's pages the caller may see, oldest id first (the spec's default sort is by id). */
function pages(ctx: V2Context): SimResponse {
  const ids = listValues(ctx.req.url, 'id');
  const all = ctx.env.content
    .all()
    .filter((c) => c.site === ctx.env.host && c.type === 'page' && canView(ctx.principal, c))
    .filter((c) => ids.length === 0 || ids.includes(c.id))
    .sort((a, b) => Number(a.id) - Number(b.id));
  return paged(ctx, all, 25, (c) => v2Content(c, ctx.env, { includeLabels: false, includeVersion: true }));
}

function spaceById(ctx: V2Context, id: string): SimResponse {
  const space = spacesOf(ctx.env.host).find((s) => s.id === id);
  if (!space || !canViewSpace(ctx.principal, space)) return notFound();
  const fmt = ctx.req.url.searchParams.get('description-format');
  return json(200, v2Space(space, { descriptionFormat: fmt === 'plain' || fmt === 'view' ? fmt : undefined, includeIcon: boolParam(ctx.req.url, 'include-icon', false), single: true }));
}

export function handleV2(ctx: V2Context): SimResponse {
  const p = ctx.subPath.replace(/\/+$/, '');
  if (ctx.req.method !== 'GET') return json(405, v2ErrorBody(405, 'Method Not Allowed'));
  let r: RegExpExecArray | null;
  if (p === '/pages') return pages(ctx);
  if ((r = /^\/pages\/([^/]+)$/.exec(p))) return getSingle(ctx, r[1]!, 'page');
  if ((r = /^\/blogposts\/([^/]+)$/.exec(p))) return getSingle(ctx, r[1]!, 'blogpost');
  if ((r = /^\/pages\/([^/]+)\/attachments$/.exec(p))) return attachments(ctx, r[1]!);
  if ((r = /^\/pages\/([^/]+)\/descendants$/.exec(p))) return descendants(ctx, r[1]!);
  if (p === '/spaces') return spaces(ctx);
  if ((r = /^\/spaces\/(\d+)$/.exec(p))) return spaceById(ctx, r[1]!);
  return notFound();
}
