/**
 * Following "next page" links safely. Confluence's links are site-relative (`/wiki/api/v2/...`,
 * or `/rest/api/...` for v1), which is wrong on the gateway, so only the part below the API root
 * (path and query) is taken from them and put under the base we resolved ourselves: the
 * credential never goes to a host or prefix a response chose.
 */

/** The `rel="next"` target of an RFC 8288 `Link` header, if any. */
export function nextFromLinkHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) return match[1];
  }
  return undefined;
}

/** `_links.next` of a JSON body, if it is a non-empty string. */
export function nextFromBody(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const links = (json as { _links?: unknown })._links;
  if (typeof links !== 'object' || links === null) return undefined;
  const next = (links as { next?: unknown }).next;
  return typeof next === 'string' && next.trim() !== '' ? next : undefined;
}

/** The body's link wins; the header is the fallback (both are documented). */
export function findNextLink(json: unknown, linkHeader: string | null | undefined): string | undefined {
  return nextFromBody(json) ?? nextFromLinkHeader(linkHeader);
}

function isDotSegment(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Undecodable: compare as is.
  }
  return decoded === '.' || decoded === '..';
}

const API_ROOT_MARKER = { v1: '/rest/api/', v2: '/api/v2/', jira: '/rest/api/3/' } as const;

/**
 * The absolute URL of the next page under `apiBase` (which ends with `/rest/api/` or `/api/v2/`),
 * or undefined when `next` does not point into that API.
 *   gateway v2 base + `/wiki/api/v2/spaces?cursor=X`
 *   → `https://api.atlassian.com/ex/confluence/<cloudId>/wiki/api/v2/spaces?cursor=X`
 */
export function rebaseNextLink(next: string, apiBase: string, api: keyof typeof API_ROOT_MARKER): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(next, 'https://placeholder.invalid');
  } catch {
    return undefined;
  }
  const marker = API_ROOT_MARKER[api];
  const at = parsed.pathname.indexOf(marker);
  if (at < 0) return undefined;
  const rest = parsed.pathname.slice(at + marker.length);
  // Dot segments would let a link climb out of the resolved base (e.g. to another cloudId).
  if (rest.split('/').some(isDotSegment)) return undefined;
  const url = `${apiBase}${rest}${parsed.search}`;
  return url.startsWith(apiBase) ? url : undefined;
}
