import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dcSiteSentences } from '../../lib/features/dc-sites/dc-site-sentences';
import { SIM_DC, SIM_DC_ATTACHMENTS, SIM_OTHER_HOSTS, SIM_USERS } from '../simulator/index';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { extensionIdOf, POPUP_VIEWPORT, popupUrl, tabIdByUrl } from '../support/extension-tabs';
import { waitForPopupSettled } from './fixtures';
import { openOptions, tokenRow } from './options-helpers';
import { choose, exportAndDownload, text, zipEntries } from './export-helpers';
import {
  addDcSiteWithPat,
  callLine,
  DC_HOME,
  DC_PAT,
  dcApiCalls,
  dcHomeUrls,
  dcScriptIds,
  dcSiteRow,
  expect,
  expectBearerOnly,
  hasOriginAccess,
  listDcSites,
  removeDcSite,
  submitDcSite,
  test,
} from './dc-helpers';

// Data Center sites (issue 10 §4) in real Chromium against the simulator's Data Center server
// (`https://confluence.dc.test/confluence`, a host-resolver rule, a context path). The build
// loaded here grants the simulated servers up front (tests/support/e2e-settings.ts, dcOutDir):
// automation cannot answer Chromium's permission prompt, and with the release build
// `permissions.request` never settles in headless Chromium. So the grant itself is the only
// part not exercised here (unit tests fake it; tests/firefox/dc-sites.test.ts runs the real one).

const ORIGIN = new URL(SIM_DC.baseUrl).origin;

/** A Data Center page in a tab, and the popup for that tab once its page card is read. */
async function openDcCard(page: Page, url: string, openPopup: (url: string) => Promise<Page>): Promise<Page> {
  await page.goto(url);
  const popup = await openPopup(url);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  return popup;
}

test('adding the Data Center site with a PAT: its row, the token saved, only the probe and the token check sent (screenshots)', async ({ context, extensionId, serviceWorker, sim, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await expect(options.getByTestId('dc-sites-section')).toContainText('No Data Center site yet.');
  expect(await dcScriptIds(serviceWorker)).toEqual([]);
  sim.clearLog();

  await submitDcSite(options, SIM_DC.baseUrl, DC_PAT);
  const row = dcSiteRow(options);
  await expect(row).toBeVisible();
  await expect(options.getByTestId('dc-site-added')).toHaveText(`Added ${SIM_DC.host} (Confluence 8.5.4) and the token “${DC_PAT.label}” saved.`);
  await expect(row.getByRole('heading', { level: 3 })).toHaveText(SIM_DC.host);
  await expect(row).toContainText('version 8.5.4');
  await expect(row.getByTestId('dc-site-access')).toHaveAttribute('data-granted', 'true');
  await expect(row.getByTestId('dc-site-script')).toHaveAttribute('data-registered', 'true');
  await expect(row.getByTestId('dc-site-tokens')).toHaveText(`“${DC_PAT.label}”`);
  await expect(options.getByTestId('dc-site-form')).toHaveCount(0);

  // In the token list, checked with the PAT: carol signs in.
  const token = tokenRow(options, DC_PAT.label);
  await expect(token).toBeVisible();
  await expect(token.getByTestId('token-check-result').first()).toContainText(SIM_USERS.carol.displayName);

  // The script is registered for the site's pages only.
  const registered = await serviceWorker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome.scripting;
    return (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('ctc-dc-')).map((s) => s.matches);
  });
  expect(registered).toEqual([[`${SIM_DC.baseUrl}/*`]]);
  expect(await listDcSites(options)).toEqual([expect.objectContaining({ baseUrl: SIM_DC.baseUrl, version: '8.5.4', lastSeenAt: null, accessGranted: true, scriptRegistered: true })]);

  // On the wire: the two probes without any credential, then the token check with Bearer only.
  expect(sim.log.every((e) => e.host === SIM_DC.host), sim.log.map((e) => `${e.host} ${callLine(e)}`).join('\n')).toBe(true);
  const unauthenticated = sim.log.filter((e) => e.authKind !== 'bearer');
  expect(unauthenticated.map(callLine).sort()).toEqual([`GET ${SIM_DC.contextPath}/ none`, `GET ${SIM_DC.contextPath}/rest/api/space?limit=1 none`]);
  const credentialed = sim.log.filter((e) => e.authKind === 'bearer');
  expect(credentialed.length).toBeGreaterThan(0);
  expectBearerOnly(credentialed);
  for (const call of credentialed) expect(call.path, callLine(call)).toMatch(new RegExp(`^${SIM_DC.contextPath}/rest/api/user/current`));

  const section = options.getByTestId('dc-sites-section');
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(options, 'options-dc-sites');
  await options.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(options, 'options-dc-sites-dark');
});

test('an unreachable, a non-Confluence, a Cloud and a plain-http address are each refused with their sentence, nothing saved', async ({ context, extensionId, serviceWorker, sim, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  const cases = [
    { typed: `https://${SIM_OTHER_HOSTS.unreachable}`, problem: 'unreachable', sentence: dcSiteSentences.unreachable(SIM_OTHER_HOSTS.unreachable), reachesSim: false },
    { typed: `https://${SIM_OTHER_HOSTS.notConfluence}`, problem: 'not-confluence', sentence: dcSiteSentences.notConfluence(SIM_OTHER_HOSTS.notConfluence), reachesSim: true },
    { typed: 'https://acme.atlassian.net/wiki', problem: 'address', sentence: dcSiteSentences.cloud, reachesSim: false },
    { typed: `http://${SIM_DC.host}${SIM_DC.contextPath}`, problem: 'address', sentence: dcSiteSentences.notHttps, reachesSim: false },
  ] as const;
  for (const refused of cases) {
    sim.clearLog();
    await submitDcSite(options, refused.typed);
    const error = options.getByTestId('dc-site-error');
    await expect(error, refused.typed).toHaveAttribute('data-problem', refused.problem, { timeout: 20_000 });
    await expect(error).toHaveText(refused.sentence);
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(options.getByTestId('dc-field-base-url')).toHaveValue(refused.typed);
    await expect(options.getByTestId('dc-field-base-url')).toHaveAttribute('aria-invalid', 'true');
    await expect(options.getByTestId('dc-site-row')).toHaveCount(0);
    expect(await listDcSites(options)).toEqual([]);
    expect(await dcScriptIds(serviceWorker)).toEqual([]);
    // The non-Confluence host got the two probes, with no credential; the others nothing at all.
    if (refused.reachesSim) {
      expect(sim.log.map((e) => `${e.host} ${callLine(e)}`).sort()).toEqual([`${SIM_OTHER_HOSTS.notConfluence} GET / none`, `${SIM_OTHER_HOSTS.notConfluence} GET /rest/api/space?limit=1 none`]);
    } else {
      expect(sim.log.map(callLine)).toEqual([]);
    }
    if (refused.problem === 'not-confluence') await saveScreenshot(options, 'options-dc-site-refused');
  }
  await expect(options.getByTestId('dc-sites-section')).toContainText('No Data Center site yet.');
});

test('a Data Center page is recognised at every URL shape: the popup shows the site and the page card (screenshot)', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await addDcSiteWithPat(options);
  sim.clearLog();

  for (const [shape, url] of Object.entries(dcHomeUrls)) {
    const page = await context.newPage();
    const popup = await openDcCard(page, url, openPopup);
    await expect(popup.getByTestId('tab-site'), shape).toHaveText(SIM_DC.host);
    await expect(popup.getByTestId('tab-dc-site')).toHaveText('Confluence Data Center 8.5.4');
    await expect(popup.getByTestId('tab-dc-base-url')).toHaveText(SIM_DC.baseUrl);
    // Data Center has no v2: no REST v2 button to offer (beside the v1 one).
    await expect(popup.getByTestId('copy-rest-v1')).toBeVisible();
    await expect(popup.getByTestId('copy-rest-v2')).toHaveCount(0);
    await expect(popup.getByTestId('page-title')).toHaveText(DC_HOME.title);
    await expect(popup.getByTestId('page-id')).toHaveText(DC_HOME.id);
    await expect(popup.getByTestId('page-space')).toContainText('(DEV)');
    await expect(popup.getByTestId('tab-cloud-id')).toHaveCount(0);
    if (shape === 'display') await saveScreenshot(popup, 'popup-dc-page');
    await popup.close();
    await page.close();
  }
  // The registered content script reported the pages: the site has been seen.
  await expect.poll(async () => (await listDcSites(options))[0]?.lastSeenAt ?? null).not.toBeNull();
  // Each card read from the server; the /display/ shape's id came from the page's ajs-page-id
  // (the content script), not from a search by space and title.
  const calls = dcApiCalls(sim);
  expect(calls.filter((e) => e.path.startsWith(`${SIM_DC.contextPath}/rest/api/content/${DC_HOME.id}?`))).toHaveLength(Object.keys(dcHomeUrls).length);
  expect(calls.filter((e) => /[?&]title=/.test(e.path)).map(callLine)).toEqual([]);
  expectBearerOnly(calls);
  expect(sim.log.filter((e) => e.host !== SIM_DC.host).map(callLine)).toEqual([]);
});

test('on a Data Center page: watch round trip, REST URL and curl copied, and the health check, all with Bearer', async ({ context, extensionId, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addDcSiteWithPat(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  sim.clearLog();
  const popup = await openDcCard(page, dcHomeUrls.viewpage, openPopup);
  const watchPath = `${SIM_DC.contextPath}/rest/api/user/watch/content/${DC_HOME.id}`;

  // Carol watches DC Home from the start: read from DC's bare boolean.
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).toHaveAttribute('data-watching', 'true');
  await toggle.click();
  await expect(popup.getByTestId('action-result')).toContainText('no longer watches this page');
  await expect(toggle).toHaveAttribute('data-watching', 'false');
  await toggle.click();
  await expect(popup.getByTestId('action-result')).toContainText('now watches this page');
  await expect(toggle).toHaveAttribute('data-watching', 'true');
  const watchCalls = sim.log.filter((e) => e.path.startsWith(watchPath));
  expect(watchCalls.map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'DELETE 204', 'POST 200']);
  expectBearerOnly(watchCalls);

  // Copies, read back from the clipboard.
  const rest = `${SIM_DC.baseUrl}/rest/api/content/${DC_HOME.id}`;
  const expected = {
    'rest-v1': rest,
    curl: `curl --fail-with-body -sS -H "Authorization: Bearer $CONFLUENCE_PAT" -H 'Accept: application/json' '${rest}?expand=body.storage,version'`,
  };
  for (const [kind, wanted] of Object.entries(expected)) {
    await popup.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
    await popup.getByTestId(`copy-${kind}`).click();
    await expect(popup.getByTestId('copied-text')).toHaveAttribute('data-kind', kind);
    await expect(popup.getByTestId('copied-text')).toHaveAttribute('data-state', 'copied');
    const clipboard = await popup.evaluate(() => navigator.clipboard.readText());
    expect(clipboard, kind).toBe(wanted);
    expect(clipboard).not.toContain(DC_PAT.secret);
  }

  // The health check from the popup.
  sim.clearLog();
  await popup.getByTestId('popup-check-token').click();
  await expect(popup.getByTestId('popup-check-result')).toContainText(`Signs in as ${SIM_USERS.carol.displayName}`);
  expect(dcApiCalls(sim).some((e) => e.path.startsWith(`${SIM_DC.contextPath}/rest/api/user/current`))).toBe(true);
  expectBearerOnly(dcApiCalls(sim));
  expect(sim.log.filter((e) => e.host !== SIM_DC.host).map(callLine)).toEqual([]);
});

test('exporting DC Home with its attachments: a zip with the files fetched through the download servlet with Bearer', async ({ context, extensionId, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addDcSiteWithPat(options);
  const page = await context.newPage();
  const popup = await openDcCard(page, dcHomeUrls.spacesPages, openPopup);
  const opened = context.waitForEvent('page');
  await popup.getByTestId('export-page').click();
  const exportPage = await opened;
  await expect(exportPage.getByTestId('export-choices')).toBeVisible();
  await expect(exportPage.getByRole('heading', { level: 1 })).toContainText(DC_HOME.title);
  await choose(exportPage, { formats: ['markdown', 'storage'], attachments: true });
  sim.clearLog();

  const { name, bytes } = await exportAndDownload(exportPage);
  expect(name).toMatch(/DC Home\.zip$/);
  const entries = zipEntries(bytes);
  const { diagram, notes } = SIM_DC_ATTACHMENTS;
  expect(Object.keys(entries)).toEqual(expect.arrayContaining([`attachments/${diagram.title}`, `attachments/${notes.title}`]));
  expect(Buffer.from(entries[`attachments/${diagram.title}`]!).equals(Buffer.from(diagram.base64, 'base64'))).toBe(true);
  expect(text(entries, `attachments/${notes.title}`)).toBe(notes.text);
  const markdown = text(entries, `${DC_HOME.title}.md`);
  expect(markdown).toContain(`](attachments/${diagram.title})`);

  const downloads = sim.log.filter((e) => e.path.startsWith(`${SIM_DC.contextPath}/download/attachments/${DC_HOME.id}/`));
  expect(downloads.map((e) => decodeURIComponent(e.path.split('?')[0]!.split('/').pop()!)).sort()).toEqual([diagram.title, notes.title].sort());
  for (const download of downloads) expect(download.status, callLine(download)).toBe(200);
  expectBearerOnly(dcApiCalls(sim));
  expect(sim.log.filter((e) => e.host !== SIM_DC.host).map(callLine)).toEqual([]);
});

test('after a browser restart the site’s content script is registered again and recognises its pages', async ({ sim, extensionDir, chromiumPath, headless }) => {
  const profile = mkdtempSync(join(tmpdir(), 'ctc-dc-restart-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless, args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }) });
  try {
    const first = await launch();
    const firstWorker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
    const extensionId = extensionIdOf(firstWorker);
    const options = await openOptions(first, extensionId);
    await addDcSiteWithPat(options);
    const before = await dcScriptIds(firstWorker);
    expect(before).toHaveLength(1);
    await first.close();

    const second = await launch();
    try {
      const worker = second.serviceWorkers()[0] ?? (await second.waitForEvent('serviceworker'));
      expect(extensionIdOf(worker)).toBe(extensionId);
      // Not persisted by the browser (persistAcrossSessions: false): registered again at start.
      await expect.poll(() => dcScriptIds(worker)).toEqual(before);
      const page = await second.newPage();
      await page.goto(dcHomeUrls.display);
      const popup = await second.newPage();
      await popup.setViewportSize(POPUP_VIEWPORT);
      await popup.goto(popupUrl(extensionId, await tabIdByUrl(worker, dcHomeUrls.display)));
      await waitForPopupSettled(popup);
      await expect(popup.getByTestId('tab-dc-site')).toContainText('Confluence Data Center 8.5.4');
      await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
      await expect(popup.getByTestId('page-title')).toHaveText(DC_HOME.title);
      // The content script reported the page (no page was opened before the restart).
      await expect.poll(async () => (await listDcSites(popup))[0]?.lastSeenAt ?? null).not.toBeNull();
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('removing the site: the row and its script go, the PAT stays, and its pages are not recognised any more', async ({ context, extensionId, serviceWorker, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addDcSiteWithPat(options);
  expect(await dcScriptIds(serviceWorker)).toHaveLength(1);

  await removeDcSite(options);
  await expect(options.getByTestId('dc-site-row')).toHaveCount(0);
  // The saved PAT still needs the server: its access is kept, and the page says so.
  await expect(options.getByTestId('dc-site-removed')).toHaveText(
    `Removed ${SIM_DC.host}. Its tokens (“${DC_PAT.label}”) stay saved, and so does the browser’s access to the server they need.`,
  );
  await expect(options.getByTestId('dc-sites-section')).toContainText('No Data Center site yet.');
  expect(await dcScriptIds(serviceWorker)).toEqual([]);
  expect(await listDcSites(options)).toEqual([]);
  await expect(tokenRow(options, DC_PAT.label)).toBeVisible();

  // Its pages: nothing recognised, nothing asked of the server.
  sim.clearLog();
  const page = await context.newPage();
  await page.goto(dcHomeUrls.display);
  const popup = await openPopup(dcHomeUrls.display);
  await expect(popup.getByTestId('not-confluence')).toBeVisible();
  await expect(popup.getByTestId('tab-dc-site')).toHaveCount(0);
  await expect(popup.getByTestId('page-card')).toHaveCount(0);
  expect(dcApiCalls(sim).map(callLine)).toEqual([]);
  await popup.close();
});

test('removing a site no token needs asks for its access back; this build’s granted origin is refused, and the script goes', async ({ context, extensionId, serviceWorker }) => {
  const options = await openOptions(context, extensionId);
  await submitDcSite(options, SIM_DC.baseUrl);
  await expect(options.getByTestId('dc-site-added')).toHaveText(`Added ${SIM_DC.host} (Confluence 8.5.4).`);
  await expect(dcSiteRow(options).getByTestId('dc-site-tokens')).toContainText('none');
  expect(await dcScriptIds(serviceWorker)).toHaveLength(1);

  // As the Remove button asks (its answer is not shown by the page when no token is kept).
  const removal = await options.evaluate(
    (baseUrl) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'dc-site-remove', baseUrl }),
    SIM_DC.baseUrl,
  );
  // A required host permission (CTC_E2E_GRANTED_ORIGINS) cannot be removed: Chromium refuses,
  // so the access stays and the answer says so. With the release build's optional permission it goes.
  expect(removal).toMatchObject({ data: { removed: true, accessRemoved: false } });
  expect(await hasOriginAccess(serviceWorker, ORIGIN)).toBe(true);
  expect(await dcScriptIds(serviceWorker)).toEqual([]);
  expect(await listDcSites(options)).toEqual([]);
});
