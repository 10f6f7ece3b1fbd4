/**
 * Following next-page links: each page is a call of its own (one activity entry each), sent to
 * the next link's path and query under the base we resolved, so the gateway prefix is kept and
 * the credential never goes where a response pointed.
 */
import { malformedFailure } from '../failure';
import { rebaseNextLink } from '../next-link';
import type { Call } from './execute';
import type { PreparedCall } from './prepare';
import type { ApiResult, PaginatedResult } from './types';

export const DEFAULT_MAX_PAGES = 100;

export async function paginateCall<T>(
  execute: (call: Call<T>) => Promise<ApiResult<T>>,
  call: Call<T>,
  prepared: Pick<PreparedCall, 'apiBase' | 'op'>,
  maxPages: number | undefined,
): Promise<PaginatedResult<T>> {
  const limit = Math.max(1, maxPages ?? DEFAULT_MAX_PAGES);
  const pages: T[] = [];
  const seen = new Set<string>();
  let url = call.request.url;
  let retries = 0;
  let rateLimited = 0;
  for (let page = 0; page < limit; page++) {
    seen.add(url);
    const result = await execute({ ...call, request: { ...call.request, url } });
    if (!result.ok) return { ok: false, failure: result.failure, pages };
    pages.push(result.data);
    retries += result.meta.retries;
    rateLimited += result.meta.rateLimited;
    // A servlet download is one file: no API to page through, whatever a Link header says.
    if (result.meta.next === undefined || prepared.op.api === 'dc-servlet') return { ok: true, pages, truncated: false, retries, rateLimited };
    // Only path and query come from the link; the base (gateway prefix included) stays ours.
    const next = rebaseNextLink(result.meta.next, prepared.apiBase, prepared.op.api);
    if (next === undefined) {
      return { ok: false, failure: malformedFailure('its next-page link points outside the API', result.status), pages };
    }
    if (seen.has(next)) return { ok: false, failure: malformedFailure('its next-page link repeats a page already read'), pages };
    url = next;
  }
  return { ok: true, pages, truncated: true, retries, rateLimited };
}
