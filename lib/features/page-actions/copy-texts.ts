import type { Credential, Site } from '../../atlassian/client';
import { resolveEndpoints } from '../../atlassian/endpoints';

/*
 * The texts copy actions put on the clipboard. Pure: no token, no email ever goes in. A `curl`
 * command names environment variables the person sets themselves.
 */

/** `[Title](url)`, with the characters that would end the link text or the URL escaped. */
export function markdownLink(title: string, url: string): string {
  const text = title.replace(/\\/g, '\\\\').replace(/([[\]])/g, '\\$1').replace(/\s+/g, ' ').trim();
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

export interface RestUrls {
  v1: string;
  /** Null on Data Center, which has no v2. */
  v2: string | null;
}

/** The page's REST URLs for the way this token is sent there (the site, the gateway, or Data Center). */
export function restUrls(kind: Credential['kind'], site: Site, contentId: string): RestUrls | undefined {
  const endpoints = resolveEndpoints({
    kind,
    siteHost: site.kind === 'cloud' ? site.host : undefined,
    cloudId: site.kind === 'cloud' ? site.cloudId : undefined,
    dcBaseUrl: site.kind === 'dc' ? site.baseUrl : undefined,
  });
  if (!endpoints.ok) return undefined;
  const id = encodeURIComponent(contentId);
  return { v1: `${endpoints.value.v1}content/${id}`, v2: endpoints.value.v2 === null ? null : `${endpoints.value.v2}pages/${id}` };
}

/** Shell-quoted for POSIX shells: the URL cannot end the quotes. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A `curl` that reads the page's storage body with this kind of token, credentials from the environment. */
export function curlCommand(kind: Credential['kind'], v1Url: string): string {
  const auth = kind === 'dc-pat' ? '-H "Authorization: Bearer $CONFLUENCE_PAT"' : '-u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN"';
  return `curl --fail-with-body -sS ${auth} -H 'Accept: application/json' ${quote(`${v1Url}?expand=body.storage,version`)}`;
}
