import { cloudSiteHostOf } from '../../sites/site-host';
import { isDcSiteKey, isUnderDcSite } from '../../sites/site-key';

/*
 * Who sent a runtime message, decided from what the browser (not the message) says. Pure, so
 * every accept/reject case is unit-tested.
 */

/** The fields of `runtime.MessageSender` the checks read (`origin` is Chrome-only). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  userScriptWorldId?: string;
}

export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  baseUrl: string;
}

export interface VerifiedContentScript {
  kind: 'content-script';
  tabId: number;
  /** The current URL of the page the content script runs in (its tab's URL), as the browser reports it. */
  url: string;
}

export interface VerifiedExtensionPage {
  kind: 'extension-page';
  /** Set when the page is open in a tab (e.g. the popup opened as a page by tests). */
  tabId: number | null;
}

export type SenderCheck<T> = { ok: true; sender: T } | { ok: false; reason: string };

const reject = (reason: string) => ({ ok: false, reason }) as const;

/**
 * A content script of this extension, in the top-level frame of a tab whose URL is on the
 * Atlassian site host the message names.
 */
export function checkContentScriptSender(
  sender: SenderLike,
  extension: ExtensionIdentity,
  reportedHost: string,
): SenderCheck<VerifiedContentScript> {
  if (sender.id !== extension.id) return reject('The message did not come from this extension.');
  if (sender.userScriptWorldId !== undefined) return reject('The message came from a user script.');
  const tab = sender.tab;
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return reject('The message did not come from a tab.');
  if (sender.frameId !== 0) return reject('The message did not come from the top-level frame.');
  if (isDcSiteKey(reportedHost)) return checkDataCenterPage(sender, tab.id, tab.url, reportedHost);
  const tabHost = cloudSiteHostOf(tab.url);
  if (!tabHost) return reject("The sender's tab is not on an Atlassian Cloud site.");
  if (tabHost !== reportedHost) return reject(`The sender's tab is on ${tabHost}, not ${reportedHost}.`);
  if (sender.url !== undefined && cloudSiteHostOf(sender.url) !== reportedHost) {
    return reject(`The sender's page is not on ${reportedHost}.`);
  }
  if (sender.origin !== undefined && sender.origin !== `https://${reportedHost}`) {
    return reject(`The sender's origin is not https://${reportedHost}.`);
  }
  // The tab's URL, not `sender.url`: Chrome keeps `sender.url` at the URL the document was loaded
  // with, so after single-page navigation (pushState) only the tab's URL is current. In the top
  // frame both name the same document.
  return { ok: true, sender: { kind: 'content-script', tabId: tab.id, url: tab.url! } };
}

/**
 * The same for a Data Center site, named by its base URL: the tab, the document and the origin
 * must all be that server's, under its context path. Whether the person added that site is the
 * handler's to check (the router knows no sites).
 */
function checkDataCenterPage(sender: SenderLike, tabId: number, tabUrl: string | undefined, baseUrl: string): SenderCheck<VerifiedContentScript> {
  if (!tabUrl || !isUnderDcSite(tabUrl, baseUrl)) return reject(`The sender's tab is not on ${baseUrl}.`);
  if (sender.url !== undefined && !isUnderDcSite(sender.url, baseUrl)) return reject(`The sender's page is not on ${baseUrl}.`);
  if (sender.origin !== undefined && sender.origin !== new URL(baseUrl).origin) return reject(`The sender's origin is not ${new URL(baseUrl).origin}.`);
  return { ok: true, sender: { kind: 'content-script', tabId, url: tabUrl } };
}

/**
 * A page of this extension (popup, options), either not in a tab or in a tab that shows an
 * extension page. Content scripts fail this: their `url` is the web page's.
 */
export function checkExtensionPageSender(sender: SenderLike, extension: ExtensionIdentity): SenderCheck<VerifiedExtensionPage> {
  if (sender.id !== extension.id) return reject('The message did not come from this extension.');
  if (sender.userScriptWorldId !== undefined) return reject('The message came from a user script.');
  if (!sender.url?.startsWith(extension.baseUrl)) return reject('The message did not come from an extension page.');
  const tab = sender.tab;
  if (!tab) return { ok: true, sender: { kind: 'extension-page', tabId: null } };
  // A tab's URL may be withheld; the top-level frame's own URL is then the tab's URL.
  const tabUrl = tab.url ?? (sender.frameId === 0 ? sender.url : undefined);
  if (!tabUrl?.startsWith(extension.baseUrl)) return reject('The message came from an extension page embedded in a web page.');
  return { ok: true, sender: { kind: 'extension-page', tabId: typeof tab.id === 'number' && tab.id >= 0 ? tab.id : null } };
}

export const BACKGROUND_PATHS: readonly string[] = ['background.js', '_generated_background_page.html'];

/**
 * This extension's background, as the offscreen document and the content script receive it
 * (`runtime.sendMessage`, `tabs.sendMessage`): no tab, and the background's own URL, so neither a
 * web page, a content script, nor another extension page (popup, options, offscreen) passes.
 * A yes or no, not a reason: nobody is answered when it fails (the message is ignored), and the
 * content script, which counts every byte, uses it.
 */
export function isBackgroundSender(sender: SenderLike, extension: ExtensionIdentity): boolean {
  const { url, origin } = sender;
  return (
    sender.id === extension.id &&
    sender.userScriptWorldId === undefined &&
    sender.tab === undefined &&
    !!url?.startsWith(extension.baseUrl) &&
    BACKGROUND_PATHS.includes(url.slice(extension.baseUrl.length)) &&
    (origin === undefined || `${origin}/` === extension.baseUrl)
  );
}
