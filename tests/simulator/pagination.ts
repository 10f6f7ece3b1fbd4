// v1 offset pagination (`start`, `limit`, `_links.next` relative to the base) and v2 cursor
// pagination (`_links.next` site-relative, plus a `Link` header with rel="next" and rel="base").
import { V1_DEFAULT_LIMIT, V1_MAX_LIMIT, V2_LIMIT_ABOVE_MAX_IS_CAPPED, decodeCursor, encodeCursor } from './guesses';
import { intParam } from './http';

export type PageResult<T> = { ok: true; items: T[]; start: number; limit: number; next?: string; prev?: string } | { ok: false; message: string };

/**
 * v1: `next`/`prev` are relative to `_links.base` ('/rest/api/content/1/child/page?limit=2&start=2'),
 * as Confluence answers; `basePath` is that relative path without query.
 */
export function pageV1<T>(all: readonly T[], url: URL, basePath: string): PageResult<T> {
  const start = intParam(url, 'start') ?? 0;
  const rawLimit = intParam(url, 'limit') ?? V1_DEFAULT_LIMIT;
  if (Number.isNaN(start) || Number.isNaN(rawLimit) || start < 0 || rawLimit < 0) {
    return { ok: false, message: 'start and limit must be non-negative integers' };
  }
  const limit = Math.min(rawLimit, V1_MAX_LIMIT);
  const items = all.slice(start, start + limit);
  const link = (s: number): string => {
    const q = new URLSearchParams();
    const expand = url.searchParams.get('expand');
    if (expand) q.set('expand', expand);
    q.set('limit', String(limit));
    q.set('start', String(s));
    return `${basePath}?${q.toString()}`;
  };
  return {
    ok: true,
    items,
    start,
    limit,
    next: start + limit < all.length && limit > 0 ? link(start + limit) : undefined,
    prev: start > 0 ? link(Math.max(0, start - limit)) : undefined,
  };
}

export interface V2Page<T> {
  items: T[];
  /** Site-relative, e.g. '/wiki/api/v2/spaces?cursor=...&limit=2'. */
  next?: string;
}

/** v2 cursor paging. `sitePath` is the site-relative path ('/wiki/api/v2/spaces'); other query params are kept. */
export function pageV2<T>(all: readonly T[], url: URL, sitePath: string, defaultLimit: number, maxLimit = 250): { ok: true; page: V2Page<T> } | { ok: false; message: string } {
  let limit = intParam(url, 'limit') ?? defaultLimit;
  if (Number.isNaN(limit) || limit < 1) return { ok: false, message: `limit must be between 1 and ${maxLimit}` };
  if (limit > maxLimit) {
    if (!V2_LIMIT_ABOVE_MAX_IS_CAPPED) return { ok: false, message: `limit must be between 1 and ${maxLimit}` };
    limit = maxLimit;
  }
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor);
  if (offset === undefined) return { ok: false, message: 'Invalid cursor' };
  const items = all.slice(offset, offset + limit);
  let next: string | undefined;
  if (offset + limit < all.length) {
    const q = new URLSearchParams(url.searchParams);
    q.delete('cursor');
    q.set('limit', String(limit));
    q.set('cursor', encodeCursor(offset + limit));
    next = `${sitePath}?${q.toString()}`;
  }
  return { ok: true, page: { items, next } };
}

/** `Link: </wiki/api/v2/...>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"` (seen). */
export function linkHeader(next: string | undefined, base: string): Record<string, string> {
  return next ? { link: `<${next}>; rel="next", <${base}>; rel="base"` } : {};
}
