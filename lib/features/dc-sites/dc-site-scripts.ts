import type { DcSiteRecord } from './dc-site-record';

/** Our registrations' id prefix: other extensions' or WXT's own scripts never start with it. */
export const DC_SCRIPT_ID_PREFIX = 'ctc-dc-';

/** A registration id safe in every browser: the base URL as hex. */
export function dcScriptId(baseUrl: string): string {
  return DC_SCRIPT_ID_PREFIX + [...new TextEncoder().encode(baseUrl)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The pages of a site: everything under its context path (the whole origin when it has none). */
export function dcMatchPatterns(baseUrl: string): string[] {
  return [`${baseUrl}/*`];
}

/** The registrations the sites need: one content script per site. */
export function wantedScripts(sites: readonly DcSiteRecord[]): Map<string, string[]> {
  return new Map(sites.map((s) => [dcScriptId(s.baseUrl), dcMatchPatterns(s.baseUrl)]));
}
