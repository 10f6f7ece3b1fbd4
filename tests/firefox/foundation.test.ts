import type { Page } from 'puppeteer-core';
import { SIM_PAGES, SIM_SITES, type SimContent } from '../simulator/fixtures';
import type { RequestLogEntry, Simulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import { click, expect, expectCount, expectText, hrefOf, test, tid, type FirefoxExtensionGlobal } from './harness';

// Site, page and cloudId detection in real Firefox, as tests/e2e/foundation.spec.ts does in Chromium.
const acme = SIM_SITES.acme;
const PAGE = /^page$/i;
const BLOG_POST = /^blog ?post$/i;

function contentUrl(content: SimContent): string {
  return `https://${content.site}${cloudContentPath(content)}`;
}

function tenantInfoRequests(sim: Simulator, host: string): RequestLogEntry[] {
  return sim.log.filter((entry) => entry.host === host && entry.path.startsWith('/_edge/tenant_info'));
}

const shapes = [
  { name: 'a page URL', address: contentUrl(SIM_PAGES.architecture), pageId: SIM_PAGES.architecture.id, type: PAGE },
  { name: 'a blog post URL', address: contentUrl(SIM_PAGES.quarterlyUpdate), pageId: SIM_PAGES.quarterlyUpdate.id, type: BLOG_POST },
  { name: 'a tiny link', address: `https://${acme.host}/wiki/x/LIQHD`, pageId: SIM_PAGES.releaseNotes.id, type: PAGE },
  {
    name: 'a viewpage.action URL (id above 2^32)',
    address: `https://${acme.host}/wiki/pages/viewpage.action?pageId=${SIM_PAGES.onboarding.id}`,
    pageId: SIM_PAGES.onboarding.id,
    type: PAGE,
  },
];

test('detects the site, its cloudId and the page on every URL shape, reading tenant_info once', async ({ ff, sim }) => {
  // One browser for the four shapes: starting Firefox costs seconds, and the cache is part of the check.
  for (const [index, shape] of shapes.entries()) {
    const page = await ff.newTab(shape.address);
    const popup = await ff.openPopup(page);
    await expectText(popup, tid('tab-site'), acme.host);
    await expectText(popup, tid('tab-cloud-id'), acme.cloudId);
    await expectText(popup, tid('page-id'), shape.pageId);
    await expectText(popup, tid('page-type'), shape.type);
    await expectText(popup, tid('space-key'), 'ENG');
    await expectCount(popup, tid('not-confluence'), 0);
    if (index === 0) await ff.saveScreenshot(popup, 'popup-context');
    await popup.close();
    await page.close();
  }
  expect(tenantInfoRequests(sim, acme.host).map((entry) => entry.status), 'tenant_info read once for the site').toEqual([200]);
  // The content script's request carried no credentials.
  expect(tenantInfoRequests(sim, acme.host)[0]!.authKind).toBe('none');
});

test('follows navigation without a reload (history.pushState, and back)', async ({ ff }) => {
  const page = await ff.newTab(contentUrl(SIM_PAGES.spaStart));
  const tabId = await ff.tabIdFor(page);
  const expectPopupShows = async (pageId: string, type: RegExp) => {
    const popup = await ff.openPopup(page);
    await expectText(popup, tid('page-id'), pageId);
    await expectText(popup, tid('page-type'), type);
    await expectText(popup, tid('tab-cloud-id'), acme.cloudId);
    await popup.close();
  };
  await expectPopupShows(SIM_PAGES.spaStart.id, PAGE);

  // Mark the document: if the mark survives the clicks, no reload happened.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const stillSameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
  const spaLink = (content: SimContent) => `a[data-spa-link][href="${cloudContentPath(content)}"]`;

  await click(page, spaLink(SIM_PAGES.architecture));
  await expect.poll(() => hrefOf(page)).toBe(contentUrl(SIM_PAGES.architecture));
  expect(await stillSameDocument(), 'no reload').toBe(true);
  expect(await ff.tabIdFor(page), 'same tab').toBe(tabId);
  await expectPopupShows(SIM_PAGES.architecture.id, PAGE);

  await click(page, spaLink(SIM_PAGES.quarterlyUpdate));
  await expect.poll(() => hrefOf(page)).toBe(contentUrl(SIM_PAGES.quarterlyUpdate));
  await expectPopupShows(SIM_PAGES.quarterlyUpdate.id, BLOG_POST);

  await page.goBack();
  await expect.poll(() => hrefOf(page)).toBe(contentUrl(SIM_PAGES.architecture));
  expect(await stillSameDocument(), 'no reload on Back').toBe(true);
  await expectPopupShows(SIM_PAGES.architecture.id, PAGE);
});

test('a Jira page on the same host triggers nothing, a Confluence page does', async ({ ff, sim }) => {
  const jira = await ff.newTab(`https://${acme.host}/browse/PROJ-1`);
  const popup = await ff.openPopup(jira);
  await expectCount(popup, tid('not-confluence'), 1);
  await expectCount(popup, tid('page-id'), 0);
  await popup.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(tenantInfoRequests(sim, acme.host)).toHaveLength(0);

  await ff.newTab(contentUrl(SIM_PAGES.engHome));
  await expect.poll(() => tenantInfoRequests(sim, acme.host).length).toBe(1);
});

test('the background is an event page that extension pages reach with getBackgroundPage()', async ({ ff }) => {
  await ff.newTab(contentUrl(SIM_PAGES.architecture));
  const background = await ff.inExtension(async () => {
    const api = (globalThis as FirefoxExtensionGlobal).browser;
    const page = await api.runtime.getBackgroundPage();
    const manifest = api.runtime.getManifest() as { background?: { scripts?: string[]; service_worker?: string } };
    return {
      href: page.location.href,
      // The same storage as the extension's other pages: the sites the content script reported.
      sites: JSON.stringify(await (page as unknown as FirefoxExtensionGlobal).browser.storage.local.get('sites')),
      background: manifest.background,
    };
  }, null);
  expect(background.href).toBe(`${ff.baseUrl}_generated_background_page.html`);
  // An event page (background.scripts), not a service worker.
  expect(background.background).toMatchObject({ scripts: [`${ff.baseUrl}background.js`], service_worker: null });
  await expect.poll(async () => (await ff.inExtension(async () => JSON.stringify(await (globalThis as FirefoxExtensionGlobal).browser.storage.local.get('sites')), null))).toContain(acme.cloudId);
  expect(background.sites).toContain(acme.host);
});
