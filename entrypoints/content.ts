import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { BackgroundMessages } from '../lib/background';
import { createAsk, type AskFields } from '../lib/core/messaging/ask';
import { isBackgroundSender } from '../lib/core/messaging/sender-check';
import { showToast } from '../lib/core/toast/show-toast';
import { isToastMessage } from '../lib/core/toast/toast-message';
import { dcBaseUrlOfPage, parseDcPageContext } from '../lib/features/pages/parse-dc-page-context';
import { parsePageContext, type MetaReader } from '../lib/features/pages/parse-page-context';
import { CLOUD_ID_BODY_MAX_CHARS } from '../lib/features/pages/tenant-info-limits';

/*
 * Runs on every atlassian.net page, Jira included, so it stays small (budget 22 KiB built) and
 * imports no zod: the background validates everything sent from here. On pages outside /wiki it
 * does nothing but wait for a single-page navigation into /wiki. The background also registers it
 * at run time on the Data Center sites the person added (lib/features/dc-sites/), whose pages it
 * recognises by their meta tags; they have no tenant_info.
 */

type CloudIdResult = AskFields<BackgroundMessages, 'cloud-id-result'>;

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
async function readTenantInfo(host: string): Promise<CloudIdResult> {
  try {
    const response = await fetch(`${location.origin}/_edge/tenant_info`, {
      credentials: 'omit',
      // Another host's answer is not this site's cloudId.
      redirect: 'manual',
      signal: AbortSignal.timeout(TENANT_INFO_TIMEOUT_MS),
    });
    if (response.type === 'opaqueredirect') return { host, ok: false, reason: 'the site answered with a redirect' };
    if (!response.ok) return { host, ok: false, reason: `HTTP ${response.status}` };
    return { host, ok: true, bodyText: await readBounded(response) };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { host, ok: false, reason: timedOut ? 'the request timed out' : 'the request failed' };
  }
}

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  runAt: 'document_idle',
  main(ctx) {
    const ask = createAsk<BackgroundMessages, 'content-script'>((message) => browser.runtime.sendMessage(message));
    const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
    // A menu's or shortcut's result, from this extension's background only; anything else is ignored.
    browser.runtime.onMessage.addListener((message, sender) => {
      if (!isToastMessage(message) || !isBackgroundSender(sender, extension)) return undefined;
      showToast(message);
      return Promise.resolve({ shown: true });
    });
    let lastReport = '';
    let settleTimer: number | undefined;
    // One tenant_info read per document: after a single-page navigation the background may hand
    // this tab the lease again while the first read is still running.
    let readingTenantInfo = false;

    async function report(): Promise<void> {
      const dcBase = dcBaseUrlOfPage(location.href, readMeta);
      const context = parsePageContext(location.href, readMeta) ?? (dcBase ? parseDcPageContext(location.href, dcBase, readMeta) : null);
      // Once per URL (fragments aside): the background matches a tab's report to its current URL.
      const key = location.href.split('#')[0] + JSON.stringify(context);
      if (key === lastReport) return;
      lastReport = key;
      if (!context) return; // not Confluence (e.g. Jira): no message, no fetch
      const version = readMeta('ajs-version-number');
      const dc = context.host === dcBase;
      const { fetchCloudId } = await ask('page-seen', { host: context.host, context, ...(dc && version ? { version: version.slice(0, 40) } : {}) });
      if (fetchCloudId !== true || readingTenantInfo) return;
      readingTenantInfo = true;
      try {
        const result = await readTenantInfo(context.host);
        if (ctx.isValid) await ask('cloud-id-result', result);
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
