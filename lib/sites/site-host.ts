/**
 * The one rule for what an Atlassian Cloud site host is: exactly `<label>.atlassian.net`, one
 * DNS label, lowercase, no port. Real sites never have a port or a nested subdomain, and the
 * request client refuses them, so nothing else may accept them either (the content script,
 * the sender check, the site registry and the token form all ask here).
 */
const CLOUD_SITE_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.atlassian\.net$/;

/** True for an already normalised Cloud site host such as `acme.atlassian.net`. */
export function isCloudSiteHost(host: string): boolean {
  return CLOUD_SITE_HOST.test(host);
}

/** `Acme.Atlassian.net ` → `acme.atlassian.net`; undefined when it is not a Cloud site host. */
export function normaliseCloudSiteHost(host: string | undefined): string | undefined {
  const candidate = host?.trim().toLowerCase() ?? '';
  return isCloudSiteHost(candidate) ? candidate : undefined;
}

/** The site host of an https URL on an Atlassian Cloud site, or null. */
export function cloudSiteHostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' && isCloudSiteHost(parsed.host) ? parsed.host : null;
}

/**
 * The Cloud site host in what a person types or pastes: `acme.atlassian.net`,
 * `https://acme.atlassian.net/wiki/spaces/X/...`. Undefined when it names no Cloud site.
 */
export function cloudSiteHostFromInput(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  return normaliseCloudSiteHost(url.hostname);
}
