import { isAtlassianCloudHost } from '../../atlassian/endpoints';
import { dcSiteKey, type SiteKey } from '../../sites/site-key';
import { dcSiteSentences } from './dc-site-sentences';

export type DcAddress = { ok: true; baseUrl: SiteKey; origin: string; host: string } | { ok: false; sentence: string };

/**
 * What a person typed as a Data Center base URL, judged before anything is asked or sent: the
 * options page runs this before asking the browser for the origin, the background again.
 */
export function readDcAddress(input: string): DcAddress {
  const text = input.trim();
  if (text === '') return { ok: false, sentence: dcSiteSentences.empty };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, sentence: dcSiteSentences.notAUrl };
  }
  if (url.protocol !== 'https:') return { ok: false, sentence: dcSiteSentences.notHttps };
  if (isAtlassianCloudHost(url.hostname)) return { ok: false, sentence: dcSiteSentences.cloud };
  const baseUrl = dcSiteKey(text);
  if (!baseUrl) return { ok: false, sentence: dcSiteSentences.withExtras };
  const parsed = new URL(baseUrl);
  return { ok: true, baseUrl, origin: parsed.origin, host: parsed.host };
}

/** The host permission pattern for a site's origin (what `permissions.request` asks for). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
