/**
 * Atlassian Cloud site hosts: one or more labels under `atlassian.net`. A port is tolerated so a
 * local simulator can stand in for a site; real sites never carry one. The bare `atlassian.net`
 * (which the `*.atlassian.net` match pattern also covers) is not a site.
 */
const SITE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+atlassian\.net(?::\d{1,5})?$/;

export function isAtlassianSiteHost(host: string): boolean {
  return SITE_HOST.test(host);
}

/** The site host of an https URL on an Atlassian Cloud site, or null. */
export function atlassianSiteHostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' && isAtlassianSiteHost(parsed.host) ? parsed.host : null;
}
