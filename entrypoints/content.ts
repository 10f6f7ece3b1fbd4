import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  CLOUD_ID_BODY_MAX_CHARS,
  isFetchCloudIdReply,
  type CloudIdResultMessage,
  type PageSeenMessage,
} from '../lib/messages/content-script-protocol';
import { parsePageContext, type MetaReader } from '../lib/features/pages/parse-page-context';

/*
 * Runs on every atlassian.net page, Jira included, so it stays small (budget 20 KiB built) and
 * imports no zod: the background validates everything sent from here. On pages outside /wiki it
 * does nothing but wait for a single-page navigation into /wiki.
 */

/** Single-page navigation updates the DOM after the URL: let the new page settle first. */
const NAVIGATION_SETTLE_MS = 400;
const TENANT_INFO_TIMEOUT_MS = 15_000;

const readMeta: MetaReader = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');

/** The first CLOUD_ID_BODY_MAX_CHARS characters of a response body, without reading the rest. */
async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < CLOUD_ID_BODY_MAX_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.cancel().catch(() => {});
  return text.slice(0, CLOUD_ID_BODY_MAX_CHARS);
}

/** Reads this site's tenant_info (no cookies: the endpoint needs none). */
async function readTenantInfo(host: string): Promise<CloudIdResultMessage> {
  try {
    const response = await fetch(`${location.origin}/_edge/tenant_info`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(TENANT_INFO_TIMEOUT_MS),
    });
    if (!response.ok) return { type: 'cloud-id-result', host, ok: false, reason: `HTTP ${response.status}` };
    return { type: 'cloud-id-result', host, ok: true, bodyText: await readBounded(response) };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { type: 'cloud-id-result', host, ok: false, reason: timedOut ? 'the request timed out' : 'the request failed' };
  }
}

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastReport = '';
    let settleTimer: number | undefined;
    // One tenant_info read per document: after a single-page navigation the background may hand
    // this tab the lease again while the first read is still running.
    let readingTenantInfo = false;

    async function report(): Promise<void> {
      const context = parsePageContext(location.href, readMeta);
      // Once per URL (fragments aside): the background matches a tab's report to its current URL.
      const key = location.href.split('#')[0] + JSON.stringify(context);
      if (key === lastReport) return;
      lastReport = key;
      if (!context) return; // not Confluence (e.g. Jira): no message, no fetch
      const seen: PageSeenMessage = { type: 'page-seen', host: context.host, context };
      if (!isFetchCloudIdReply(await browser.runtime.sendMessage(seen)) || readingTenantInfo) return;
      readingTenantInfo = true;
      try {
        const result = await readTenantInfo(context.host);
        if (ctx.isValid) await browser.runtime.sendMessage(result);
      } finally {
        readingTenantInfo = false;
      }
    }

    // A failed message (e.g. the extension was reloaded) must not surface as a page error.
    const run = () => void report().catch(() => {});
    run();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      clearTimeout(settleTimer);
      settleTimer = ctx.setTimeout(run, NAVIGATION_SETTLE_MS);
    });
  },
});
