/*
 * The Export page's address: which page on which site, and the scope asked for. The popup and
 * the menus open it; the page reads it back. Zod-free (the popup imports it); a malformed
 * address is refused with a sentence, never half-read.
 */
import { isDcSiteKey } from '../../../sites/site-key';

export const EXPORT_PAGE_PATH = 'export.html';

export interface ExportAddress {
  /** The site key (lib/sites/site-key.ts): a Cloud host, or a Data Center base URL. */
  host: string;
  contentId: string;
  scope: 'page' | 'tree';
  /** Shown while the page loads; the real title comes from Confluence. */
  title?: string;
}

const HOST = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** A host as before, or a Data Center site key exactly as the popup wrote it (its path is case-sensitive). */
function siteOf(raw: string): string | undefined {
  if (isDcSiteKey(raw)) return raw;
  const host = raw.toLowerCase();
  return HOST.test(host) ? host : undefined;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** `export.html?site=…&page=…&scope=…` under the extension's base URL. */
export function exportPageUrl(baseUrl: string, address: ExportAddress): string {
  const query = new URLSearchParams({ site: address.host, page: address.contentId, scope: address.scope });
  if (address.title) query.set('title', address.title.slice(0, 200));
  return `${baseUrl.replace(/\/?$/, '/')}${EXPORT_PAGE_PATH}?${query.toString()}`;
}

export function readExportAddress(search: string): { ok: true; address: ExportAddress } | { ok: false; sentence: string } {
  const query = new URLSearchParams(search);
  const host = siteOf(query.get('site') ?? '');
  const contentId = query.get('page') ?? '';
  const scope = query.get('scope') ?? 'page';
  if (host === undefined || !ID.test(contentId) || (scope !== 'page' && scope !== 'tree')) {
    return { ok: false, sentence: 'This export link does not name a Confluence page. Open the extension’s popup on the page you want to export and choose Export.' };
  }
  const title = query.get('title');
  return { ok: true, address: { host, contentId, scope, ...(title ? { title } : {}) } };
}
