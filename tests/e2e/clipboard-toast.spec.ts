import type { Page, Worker } from '@playwright/test';
import type { BadgeFlash } from '../../lib/core/badge-flash';
import type { ClipboardWriter } from '../../lib/core/clipboard/clipboard-writer';
import type { PageToaster } from '../../lib/core/toast/page-toaster';
import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { readClipboard, statusRegions } from './surface-helpers';

/*
 * The background's clipboard (Chrome: an offscreen document), the page toast (a closed shadow
 * root the page can neither restyle nor read) and the badge flash, in real Chromium. The service
 * worker keeps these on its global scope as `ctcBackground` (entrypoints/background.ts): WXT
 * bundles the background, so nothing else of it is reachable from a test.
 */

interface CtcBackgroundGlobal extends ExtensionGlobal {
  ctcBackground: { clipboard: ClipboardWriter; toaster: PageToaster; flashBadge(flash: BadgeFlash, ms?: number): Promise<void> };
}
/** Chrome's APIs the polyfill's types lack. */
interface ChromeExtras {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };
}

const ORIGIN = `https://${SIM_SITES.acme.host}`;
const PAGE_URL = `${ORIGIN}${cloudContentPath(SIM_PAGES.architecture)}`;

const writeClipboard = (worker: Worker, text: string) =>
  worker.evaluate((t) => (globalThis as unknown as CtcBackgroundGlobal).ctcBackground.clipboard.write(t), text);
const offscreenDocuments = (worker: Worker) =>
  worker.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { chrome: ChromeExtras }).chrome;
    return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((c) => new URL(c.documentUrl ?? '').pathname);
  });
const showToast = (worker: Worker, tabId: number, text: string, tone: 'ok' | 'error' = 'ok') =>
  worker.evaluate(
    ([id, toast]) => (globalThis as unknown as CtcBackgroundGlobal).ctcBackground.toaster.show(id, toast),
    [tabId, { text, tone }] as const,
  );

/** What page script can find of the toast: the element the content script added last to <html>. */
function pageView(page: Page, text: string) {
  return page.evaluate((wanted) => {
    const host = document.documentElement.lastElementChild as HTMLElement | null;
    const box = host?.getBoundingClientRect();
    return {
      tag: host?.tagName,
      shadowRoot: host ? host.shadowRoot : 'no host',
      attributes: host ? host.getAttributeNames().map((n) => `${n}=${host.getAttribute(n)}`) : [],
      innerTextHasIt: document.documentElement.innerText.includes(wanted),
      textContentHasIt: (document.documentElement.textContent ?? '').includes(wanted),
      outerHtmlHasIt: document.documentElement.outerHTML.includes(wanted),
      box: box ? { left: box.left, top: box.top, width: box.width, height: box.height } : null,
      viewport: { width: innerWidth, height: innerHeight },
    };
  }, text);
}

async function openConfluencePage(page: Page): Promise<void> {
  await page.goto(PAGE_URL);
  await expect(page.getByRole('heading', { name: SIM_PAGES.architecture.title }).first()).toBeVisible();
}

test('the background writes the clipboard through one offscreen document, reused, and a page reads it back', async ({
  context,
  serviceWorker,
  page,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await openConfluencePage(page);
  expect(await offscreenDocuments(serviceWorker), 'no document before the first copy').toEqual([]);

  const link = '[Architecture](https://acme.atlassian.net/wiki/spaces/ENG/pages/1000002/Architecture)';
  await writeClipboard(serviceWorker, link);
  expect(await offscreenDocuments(serviceWorker)).toEqual(['/offscreen.html']);
  expect(await readClipboard(page)).toBe(link);

  // Two writes at once make no second document; the later one is on the clipboard.
  await serviceWorker.evaluate(async () => {
    const { clipboard } = (globalThis as unknown as CtcBackgroundGlobal).ctcBackground;
    await Promise.all([clipboard.write('first'), clipboard.write('second — ünïcode ✓')]);
  });
  expect(await offscreenDocuments(serviceWorker)).toEqual(['/offscreen.html']);
  expect(await readClipboard(page)).toBe('second — ünïcode ✓');
});

test('the offscreen document writes only what the background sends, not another extension page', async ({
  context,
  serviceWorker,
  page,
  openPopup,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await openConfluencePage(page);
  await writeClipboard(serviceWorker, 'from the background');
  const popup = await openPopup(undefined, { waitUntilSettled: false });
  const answer = await popup.evaluate(async () => {
    try {
      return { reply: await (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: 'from the popup' }) };
    } catch (error) {
      return { error: String(error) };
    }
  });
  // Only the background's router answers (an unknown message); the offscreen document stays silent.
  expect(answer).toMatchObject({ reply: { ok: false, error: { code: 'unknown-message' } } });
  expect(await readClipboard(page)).toBe('from the background');
});

test('the offscreen document closes after its idle time', async ({ serviceWorker }) => {
  test.slow();
  await writeClipboard(serviceWorker, 'idle');
  expect(await offscreenDocuments(serviceWorker)).toEqual(['/offscreen.html']);
  await expect.poll(() => offscreenDocuments(serviceWorker), { timeout: 25_000, intervals: [1_000] }).toEqual([]);
});

test('a toast from the background shows on the page in a closed shadow root, as a status, and page script cannot read it', async ({
  context,
  serviceWorker,
  page,
  tabIdFor,
  saveScreenshot,
}) => {
  await openConfluencePage(page);
  const tabId = await tabIdFor(page);
  const text = 'Copied the Markdown link of “Architecture”';
  // The content script registers its listener at document_idle: until then the toaster says false.
  await expect.poll(() => showToast(serviceWorker, tabId, text)).toBe(true);

  const cdp = await context.newCDPSession(page);
  await expect.poll(() => statusRegions(cdp)).toEqual([text]);
  const view = await pageView(page, text);
  expect(view).toMatchObject({ tag: 'DIV', shadowRoot: null, innerTextHasIt: false, textContentHasIt: false, outerHtmlHasIt: false });
  // No text in any light-DOM attribute: the host carries only the popover switch.
  expect(view.attributes).toEqual(['popover=manual']);
  // Bottom-right, inside the viewport.
  expect(view.box!.width).toBeGreaterThan(150);
  expect(view.box!.left + view.box!.width).toBeGreaterThan(view.viewport.width - 40);
  expect(view.box!.top + view.box!.height).toBeGreaterThan(view.viewport.height - 40);
  expect(view.box!.top + view.box!.height).toBeLessThanOrEqual(view.viewport.height);
  await saveScreenshot(page, 'toast');

  // Escape dismisses it.
  await page.keyboard.press('Escape');
  await expect.poll(() => statusRegions(cdp)).toEqual([]);
  expect((await pageView(page, text)).tag).not.toBe('DIV');
});

test('an error toast is dismissed by a click; a new toast replaces the one shown', async ({ context, serviceWorker, page, tabIdFor }) => {
  await openConfluencePage(page);
  const tabId = await tabIdFor(page);
  await expect.poll(() => showToast(serviceWorker, tabId, 'first')).toBe(true);
  expect(await showToast(serviceWorker, tabId, 'Token “CI” is read-only: it cannot watch pages.', 'error')).toBe(true);
  const cdp = await context.newCDPSession(page);
  await expect.poll(() => statusRegions(cdp)).toEqual(['Token “CI” is read-only: it cannot watch pages.']);
  const box = (await pageView(page, 'x')).box!;
  await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
  await expect.poll(() => statusRegions(cdp)).toEqual([]);
});

test('a page whose CSS restyles and hides everything still shows the toast, and its script cannot hide it by style', async ({
  context,
  serviceWorker,
  page,
  tabIdFor,
  saveScreenshot,
}) => {
  await openConfluencePage(page);
  const tabId = await tabIdFor(page);
  await page.addStyleTag({
    content: `
      html * { all: unset !important; }
      html * { display: none !important; color: red !important; font-size: 64px !important; opacity: 0.1 !important;
               position: static !important; transform: scale(0.2) !important; visibility: hidden !important; z-index: 0 !important; }
      div:last-child { width: 0 !important; height: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important; }
      [popover] { display: none !important; }`,
  });
  await expect.poll(() => showToast(serviceWorker, tabId, 'Watching “Architecture” now')).toBe(true);
  // The page script's own try: an inline !important style on the host.
  await page.evaluate(() => (document.documentElement.lastElementChild as HTMLElement).style.setProperty('display', 'none', 'important'));
  const cdp = await context.newCDPSession(page);
  await expect.poll(() => statusRegions(cdp)).toEqual(['Watching “Architecture” now']);
  const view = await pageView(page, 'Watching');
  expect(view).toMatchObject({ shadowRoot: null, innerTextHasIt: false });
  expect(view.box!.width).toBeGreaterThan(150);
  expect(view.box!.height).toBeGreaterThan(20);
  expect(view.box!.left + view.box!.width).toBeGreaterThan(view.viewport.width - 40);
  await saveScreenshot(page, 'toast-hostile-css');
});

test('the content script ignores a toast from an extension page and a malformed one; a tab without it answers false', async ({
  context,
  serviceWorker,
  page,
  tabIdFor,
  openPopup,
}) => {
  await openConfluencePage(page);
  const tabId = await tabIdFor(page);
  await expect.poll(() => showToast(serviceWorker, tabId, 'ready')).toBe(true);
  await page.keyboard.press('Escape');
  const cdp = await context.newCDPSession(page);
  await expect.poll(() => statusRegions(cdp)).toEqual([]);

  const popup = await openPopup(undefined, { waitUntilSettled: false });
  const fromPopup = await popup.evaluate(async (id) => {
    try {
      return await (globalThis as ExtensionGlobal).chrome.tabs.sendMessage(id, { type: 'ctc-toast', text: 'from the popup', tone: 'ok' });
    } catch (error) {
      return String(error);
    }
  }, tabId);
  const malformed = await serviceWorker.evaluate(async (id) => {
    const { tabs } = (globalThis as ExtensionGlobal).chrome;
    const send = (message: unknown) => tabs.sendMessage(id, message).catch((error: unknown) => String(error));
    return Promise.all([
      send({ type: 'ctc-toast', text: 'x'.repeat(501), tone: 'ok' }),
      send({ type: 'ctc-toast', text: 'a', tone: 'warning' }),
      send({ type: 'ctc-toast', text: 'a', tone: 'ok', html: '<b>a</b>' }),
      send({ type: 'ctc-toast', text: '', tone: 'ok' }),
    ]);
  }, tabId);
  expect(fromPopup).not.toEqual({ shown: true });
  for (const answer of malformed) expect(answer).not.toEqual({ shown: true });
  await page.waitForTimeout(200);
  expect(await statusRegions(cdp)).toEqual([]);

  // The popup's tab has no content script: the toaster says so instead of failing.
  expect(await showToast(serviceWorker, await tabIdFor(popup), 'nobody listens')).toBe(false);
});

test('the badge flashes a result for its time, then shows the token warning again, with an update made meanwhile', async ({
  serviceWorker,
  openPopup,
}) => {
  const badge = () =>
    serviceWorker.evaluate(async () => {
      const { action } = (globalThis as ExtensionGlobal).chrome;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
    });
  const flash = (ms: number) =>
    serviceWorker.evaluate(
      (duration) => (globalThis as unknown as CtcBackgroundGlobal).ctcBackground.flashBadge({ text: '✓', colour: '#1E8E3E', title: 'Copied' }, duration),
      ms,
    );
  // A reminder-only entry that expires in 2 days puts "2" on the badge (saved as the options page does).
  const popup = await openPopup(undefined, { waitUntilSettled: false });
  const saveEntry = (label: string, daysLeft: number) =>
    popup.evaluate(
      async ([entryLabel, days]) => {
        const date = new Date(Date.now() + days * 86_400_000);
        const expiresOn = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
        return (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'reminder-entries-save', input: { label: entryLabel, expiresOn } });
      },
      [label, daysLeft] as const,
    );
  await expect.poll(badge).toEqual({ text: '', title: 'Confluence Token Companion' });
  expect(await saveEntry('CI token', 2)).toMatchObject({ ok: true });
  await expect.poll(badge).toMatchObject({ text: '2', title: expect.stringContaining('CI token') });

  await flash(2_000);
  expect(await badge()).toEqual({ text: '✓', title: 'Copied' });
  await expect.poll(badge, { timeout: 5_000 }).toMatchObject({ text: '2', title: expect.stringContaining('CI token') });

  // A badge computed during the flash waits for its end, and is not lost.
  await flash(2_500);
  expect(await saveEntry('Deploy token', 1)).toMatchObject({ ok: true });
  await popup.waitForTimeout(500);
  expect(await badge()).toEqual({ text: '✓', title: 'Copied' });
  await expect.poll(badge, { timeout: 5_000 }).toMatchObject({ text: '1', title: expect.stringContaining('Deploy token') });
});
