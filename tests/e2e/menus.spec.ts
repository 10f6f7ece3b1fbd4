import type { Page } from '@playwright/test';
import { SIM_PAGES, SIM_SCOPES, SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';
import { addToken, openOptions } from './options-helpers';
import { badge, clickMenu, createdMenus, pressShortcut, readClipboard, tabIdOf, toastText } from './surface-helpers';

// Context menus and keyboard shortcuts in real Chromium (issue 8 §2-§5): native menus cannot be
// clicked by Playwright, so each test fires the browser's own event (`contextMenus.onClicked`,
// `commands.onCommand`) in the service worker with the info and tab a click would give.
const acme = SIM_SITES.acme;
const releaseNotes = SIM_PAGES.releaseNotes;
const PAGE_URL = `https://${acme.host}${cloudContentPath(releaseNotes)}`;
const WEB_URL = `https://${acme.host}/wiki/spaces/ENG/pages/${releaseNotes.id}/Release+Notes`;

async function openPage(page: Page, url = PAGE_URL): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: releaseNotes.title }).first()).toBeVisible();
}

test('the menu items and where each appears, from the one list of actions', async ({ serviceWorker }) => {
  const menus = await createdMenus(serviceWorker);
  const where = (context: string) => menus.filter((m) => m.contexts.includes(context));
  expect(where('page').map((m) => m.title)).toEqual([
    'Watch this page',
    'Stop watching this page',
    'Copy page link',
    'Copy tiny link',
    'Copy Markdown link',
    'Copy page as Markdown',
    'Export this page…',
    'Export this page and its children…',
  ]);
  expect(where('page').every((m) => JSON.stringify(m.documentUrlPatterns) === '["https://*.atlassian.net/wiki/*"]')).toBe(true);
  expect(where('link').map((m) => m.title)).toEqual([
    'Watch linked page',
    'Copy tiny link of linked page',
    'Copy Markdown link of linked page',
    'Copy linked page as Markdown',
    'Export linked page…',
    'Export linked page and its children…',
  ]);
  expect(where('link').every((m) => JSON.stringify(m.targetUrlPatterns) === '["https://*.atlassian.net/wiki/*"]' && m.documentUrlPatterns === undefined)).toBe(true);
  expect(where('action').map((m) => m.title)).toEqual(['Run health check', 'Options', 'Enable on this site (Confluence Data Center)']);
});

test('menus on a page: copy the Markdown link (read back from the clipboard, toast on the page), watch, and a link’s tiny link', async ({
  context,
  extensionId,
  serviceWorker,
  page,
  sim,
  saveScreenshot,
}) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://${acme.host}` });
  await openPage(page);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const cdp = await context.newCDPSession(page);

  await clickMenu(serviceWorker, { menuItemId: 'ctc-page:copy-markdown', pageUrl: page.url() }, tabId);
  await expect.poll(() => toastText(cdp)).toContain('Copied the Markdown link');
  expect(await readClipboard(page)).toBe(`[Release Notes](${WEB_URL})`);
  await saveScreenshot(page, 'toast-menu-copy');

  sim.clearLog();
  await clickMenu(serviceWorker, { menuItemId: 'ctc-page:watch', pageUrl: page.url() }, tabId);
  await expect.poll(() => toastText(cdp)).toContain('now watches this page');
  expect(sim.log.filter((e) => e.method === 'POST').map((e) => e.path)).toEqual([`/wiki/rest/api/user/watch/content/${releaseNotes.id}`]);

  // A tiny link and a /wiki/display/ link on the page: their linked page's tiny link.
  await clickMenu(serviceWorker, { menuItemId: 'ctc-link:copy-tiny-link', linkUrl: `https://${acme.host}/wiki/x/LIQHD`, pageUrl: page.url() }, tabId);
  await expect.poll(() => readClipboard(page)).toBe(`https://${acme.host}/wiki/x/LIQHD`);
  await clickMenu(serviceWorker, { menuItemId: 'ctc-link:copy-markdown', linkUrl: `https://${acme.host}/wiki/display/ENG/Architecture`, pageUrl: page.url() }, tabId);
  await expect.poll(() => readClipboard(page)).toBe(`[Architecture](https://${acme.host}${cloudContentPath(SIM_PAGES.architecture)})`);
});

test('a shortcut toggles the watch on the tab’s page; its result is told on the page and the badge', async ({ context, extensionId, serviceWorker, page, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await openPage(page);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const cdp = await context.newCDPSession(page);
  sim.clearLog();
  await pressShortcut(serviceWorker, 'toggle-watch', tabId);
  await expect.poll(() => toastText(cdp)).toContain('now watches this page');
  await expect.poll(async () => (await badge(serviceWorker)).text).toBe('✓');
  await pressShortcut(serviceWorker, 'toggle-watch', tabId);
  await expect.poll(() => toastText(cdp)).toContain('no longer watches this page');
  expect(sim.log.filter((e) => e.path.includes('/user/watch/content/')).map((e) => e.method)).toEqual(['GET', 'POST', 'GET', 'DELETE']);
  // The flash gives way to the computed badge (nothing urgent here: empty).
  await expect.poll(async () => (await badge(serviceWorker)).text, { timeout: 10_000 }).toBe('');
});

test('what cannot run says why: no token for the site, then a missing scope (named)', async ({
  context,
  extensionId,
  serviceWorker,
  page,
  sim,
}) => {
  const secret = 'SIMscoped-alice-nowrite-Zx8cV1bN4m';
  sim.control.addToken({ name: 'aliceScopedNoWrite', kind: 'scoped', secret, user: 'alice', sites: [acme.host], scopes: SIM_SCOPES.companion.filter((s) => s !== 'write:watcher:confluence') });
  const options = await openOptions(context, extensionId);

  // No token yet for acme: the menu says so.
  await openPage(page);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const cdp = await context.newCDPSession(page);
  await clickMenu(serviceWorker, { menuItemId: 'ctc-page:watch', pageUrl: page.url() }, tabId);
  await expect.poll(() => toastText(cdp)).toContain(`No saved token is meant for ${acme.host}`);

  await addToken(options, { label: 'Scoped', kind: 'scoped', secret, site: acme.host });
  await clickMenu(serviceWorker, { menuItemId: 'ctc-page:watch', pageUrl: page.url() }, tabId);
  await expect.poll(() => toastText(cdp)).toContain('write:watcher:confluence');

});

test('a read-only token’s watch from a menu is refused before the network, and the toast says so', async ({ context, extensionId, serviceWorker, page, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Read only', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host, readOnly: true });
  await openPage(page);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const cdp = await context.newCDPSession(page);
  sim.clearLog();
  await clickMenu(serviceWorker, { menuItemId: 'ctc-page:watch', pageUrl: page.url() }, tabId);
  await expect.poll(() => toastText(cdp)).toMatch(/read-only/i);
  expect(sim.log).toEqual([]);
});

test('the toolbar menu runs the health check for the tab’s site and says the result', async ({ context, extensionId, serviceWorker, page }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await openPage(page);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const cdp = await context.newCDPSession(page);
  await clickMenu(serviceWorker, { menuItemId: 'ctc-toolbar:health-check' }, tabId);
  await expect.poll(() => toastText(cdp), { timeout: 15_000 }).toContain('“Acme classic” works on acme.atlassian.net');
});
