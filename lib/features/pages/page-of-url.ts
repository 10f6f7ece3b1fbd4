import { isUnderDcSite, type SiteKey } from '../../sites/site-key';
import type { PageContext } from './page-context';
import { parseDcPageContext } from './parse-dc-page-context';
import { parsePageContext } from './parse-page-context';

/** The added Data Center site a URL belongs to (the longest base URL it is under), or undefined. */
export function dcSiteOfUrl(url: string, dcSites: readonly SiteKey[]): SiteKey | undefined {
  return dcSites.filter((key) => isUnderDcSite(url, key)).sort((a, b) => b.length - a.length)[0];
}

/**
 * What a URL alone says about its page, for the background (which has no meta tags): a Cloud
 * page by its host, a page of one of the added Data Center sites by its base URL.
 */
export function pageContextOfUrl(url: string, dcSites: readonly SiteKey[]): PageContext | null {
  const cloud = parsePageContext(url);
  if (cloud) return cloud;
  const site = dcSiteOfUrl(url, dcSites);
  return site ? parseDcPageContext(url, site) : null;
}
