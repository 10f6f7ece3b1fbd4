/**
 * A Confluence site as every layer passes it. Cloud sites are named by their host (and reached
 * through api.atlassian.com by cloudId for scoped tokens); a Data Center site by its base URL,
 * context path included, which can be on any host.
 */
export type Site = CloudSite | DataCenterSite;

export interface CloudSite {
  kind: 'cloud';
  /** `acme.atlassian.net` (lib/sites/site-host.ts decides what counts). */
  host: string;
  /** Needed only to reach the site through the gateway. */
  cloudId?: string | undefined;
}

export interface DataCenterSite {
  kind: 'dc';
  /** `https://confluence.example.com/confluence`, no trailing slash. */
  baseUrl: string;
  /** `https://confluence.example.com`: what a host permission is asked for. */
  origin: string;
}

export function cloudSite(host: string, cloudId?: string): CloudSite {
  return cloudId === undefined ? { kind: 'cloud', host } : { kind: 'cloud', host, cloudId };
}

/** The Data Center site at `baseUrl`, or undefined when it is not a URL. */
export function dataCenterSite(baseUrl: string): DataCenterSite | undefined {
  try {
    const url = new URL(baseUrl);
    return { kind: 'dc', baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
  } catch {
    return undefined;
  }
}

/** How a site is named to people and in the activity log: its host. */
export function siteLabel(site: Site): string {
  return site.kind === 'cloud' ? site.host : new URL(site.origin).host;
}
