/*
 * The Export page's address: which page on which site, and the scope asked for. The popup and
 * the menus open it; the page reads it back. Zod-free (the popup imports it); a malformed
 * address is refused with a sentence, never half-read.
 */

export const EXPORT_PAGE_PATH = 'export.html';

export interface ExportAddress {
  host: string;
  contentId: string;
  scope: 'page' | 'tree';
  /** Shown while the page loads; the real title comes from Confluence. */
  title?: string;
}

const HOST = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** `export.html?site=…&page=…&scope=…` under the extension's base URL. */
export function exportPageUrl(baseUrl: string, address: ExportAddress): string {
  const query = new URLSearchParams({ site: address.host, page: address.contentId, scope: address.scope });
  if (address.title) query.set('title', address.title.slice(0, 200));
  return `${baseUrl.replace(/\/?$/, '/')}${EXPORT_PAGE_PATH}?${query.toString()}`;
}

export function readExportAddress(search: string): { ok: true; address: ExportAddress } | { ok: false; sentence: string } {
  const query = new URLSearchParams(search);
  const host = (query.get('site') ?? '').toLowerCase();
  const contentId = query.get('page') ?? '';
  const scope = query.get('scope') ?? 'page';
  if (!HOST.test(host) || !ID.test(contentId) || (scope !== 'page' && scope !== 'tree')) {
    return { ok: false, sentence: 'This export link does not name a Confluence page. Open the extension’s popup on the page you want to export and choose Export.' };
  }
  const title = query.get('title');
  return { ok: true, address: { host, contentId, scope, ...(title ? { title } : {}) } };
}
