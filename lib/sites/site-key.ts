import { isCloudSiteHost } from './site-host';
import { cloudSite, dataCenterSite, type Site } from './site';

/*
 * One string names a site wherever a host used to (page contexts, token choices, targets,
 * messages): a Cloud site by its host (`acme.atlassian.net`), a Data Center site by its base URL
 * (`https://confluence.example.com/confluence`, lowercase host, no trailing slash). The two never
 * collide: a host has no `://`. Cloud code keeps working on hosts unchanged.
 */
export type SiteKey = string;

/** Largest key accepted: a host is at most 253 characters, a base URL gets some room for its path. */
export const SITE_KEY_MAX_CHARS = 512;

// https only (a PAT never travels in clear), no port-less junk, no query, fragment or credentials.
const DC_KEY = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:\/[^\s?#]*[^\s?#/])?$/;

/** True for a normalised Data Center base URL as `dcSiteKey` makes it. */
export function isDcSiteKey(key: string): boolean {
  if (key.length > SITE_KEY_MAX_CHARS || !DC_KEY.test(key)) return false;
  const site = dataCenterSite(key);
  return site !== undefined && site.baseUrl === key && !/(^|\.)atlassian\.(net|com)$/.test(new URL(key).hostname);
}

/** True for a Cloud host or a Data Center base URL. */
export function isSiteKey(key: string): boolean {
  return isCloudSiteHost(key) || isDcSiteKey(key);
}

/** The key of a Data Center base URL (`https://Host/confluence/` → `https://host/confluence`), or undefined. */
export function dcSiteKey(baseUrl: string): SiteKey | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || /[?#]$/.test(baseUrl.trim())) return undefined;
  const site = dataCenterSite(url.href);
  return site && isDcSiteKey(site.baseUrl) ? site.baseUrl : undefined;
}

export function siteKeyOf(site: Site): SiteKey {
  return site.kind === 'cloud' ? site.host : site.baseUrl;
}

/** The site a key names (a Cloud site without its cloudId), or undefined when it names none. */
export function siteOfKey(key: SiteKey): Site | undefined {
  if (isCloudSiteHost(key)) return cloudSite(key);
  return isDcSiteKey(key) ? dataCenterSite(key) : undefined;
}

/** Whether `url` is a page of the Data Center site `key` (its origin, under its context path). */
export function isUnderDcSite(url: string, key: SiteKey): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const site = dataCenterSite(key);
  if (!site || parsed.origin !== site.origin) return false;
  const contextPath = new URL(site.baseUrl).pathname.replace(/\/$/, '');
  return contextPath === '' || parsed.pathname === contextPath || parsed.pathname.startsWith(`${contextPath}/`);
}
