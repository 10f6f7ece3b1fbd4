import { readFileSync } from 'node:fs';
import { SIM_EXPORT, SIM_TOKENS } from '../simulator/index';
import { expect, test } from './fixtures';
import { clickMenu, tabIdOf } from './surface-helpers';
import { addAlice, choose, exportAndDownload, exportRootUrl, openExportPage, text, zipEntries } from './export-helpers';

// Export (issue 9) in real Chromium against the simulator: each format from the Export page,
// the file read back from the browser's download, zips entry by entry.

test('a page as Markdown: one .md file with front matter, code languages, tasks, panels, mentions and placeholders', async ({ context, extensionId, sim, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const page = await openExportPage(context, extensionId, 'page');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Export handbook');
  await saveScreenshot(page, 'export-choices');
  sim.clearLog();
  const { name, bytes } = await exportAndDownload(page);
  expect(name).toBe('EXP - Export handbook.md');
  const markdown = bytes.toString('utf8');
  expect(markdown.startsWith('---\ntitle: "Export handbook"\n')).toBe(true);
  expect(markdown).toContain(`id: "${SIM_EXPORT.rootId}"`);
  expect(markdown).toMatch(/^```c# title="Retry.cs"$/m);
  expect(markdown).toMatch(/- \[x\] /);
  expect(markdown).toMatch(/- \[ \] /);
  expect(markdown).toContain('> [!NOTE]');
  expect(markdown).toContain('@Bob');
  expect(markdown).toMatch(/Confluence macro “drawio” not exported/);
  await expect(page.getByTestId('export-unconverted')).toContainText('drawio');
  await saveScreenshot(page, 'export-result-markdown');
  // The root was read once when the page opened; exporting one page as one file needs no more calls.
  expect(sim.log.filter((e) => e.path.startsWith('/wiki/rest/api/content/'))).toHaveLength(0);
});

test('a page with its attachments: a zip whose links point at the files inside it; no credential reaches the media host', async ({ context, extensionId, sim }) => {
  await addAlice(context, extensionId);
  const page = await openExportPage(context, extensionId, 'page');
  await choose(page, { formats: ['markdown', 'html', 'storage', 'adf'], attachments: true });
  sim.clearLog();
  const { name, bytes } = await exportAndDownload(page);
  expect(name).toBe('EXP - Export handbook.zip');
  const entries = zipEntries(bytes);
  expect(Object.keys(entries).sort()).toEqual(
    ['Export handbook.adf.json', 'Export handbook.html', 'Export handbook.md', 'Export handbook.storage.xml', 'attachments/diagram.png', 'attachments/notes.txt', 'attachments/report.pdf'].sort(),
  );
  const markdown = text(entries, 'Export handbook.md');
  expect(markdown).toContain('](attachments/diagram.png)');
  const html = text(entries, 'Export handbook.html');
  expect(html).toContain('src="attachments/diagram.png"');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain("default-src 'none'");
  expect(text(entries, 'Export handbook.storage.xml')).toContain('<ac:structured-macro');
  expect(JSON.parse(text(entries, 'Export handbook.adf.json'))).toMatchObject({ type: 'doc' });
  expect(entries['attachments/diagram.png']!.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
  // Each file: the background follows the redirect only to learn the signed URL (a browser shows
  // it no Location), then the Export page fetches the bytes. Neither request carries a credential.
  const media = sim.log.filter((e) => e.host === 'api.media.atlassian.com');
  expect(media.length).toBeGreaterThanOrEqual(3);
  for (const entry of media) expect(entry.credentialHeaders).toEqual([]);
});

test('a page tree: a folder per parent, relative links, an index and a manifest; a page that fails is listed and the rest exported', async ({ context, extensionId, sim, saveScreenshot }) => {
  await addAlice(context, extensionId);
  sim.control.failContent(SIM_EXPORT.brokenId, { status: 500 });
  const page = await openExportPage(context, extensionId, 'tree');
  const { name, bytes } = await exportAndDownload(page);
  expect(name).toBe('EXP - Export handbook (tree).zip');
  const entries = zipEntries(bytes);
  const names = Object.keys(entries);
  expect(names).toContain('index.md');
  expect(names).toContain('manifest.json');
  expect(names).toContain('Export handbook.md');
  expect(names).toContain('Export handbook/Getting started.md');
  expect(names).toContain('Export handbook/Getting started/Installation.md');
  expect(names).toContain('Export handbook/Getting started/Installation/Troubleshooting.md');
  expect(names).toContain('Export handbook/Reference.md');
  expect(names.some((n) => n.includes('Broken page'))).toBe(false);
  const manifest = JSON.parse(text(entries, 'manifest.json')) as { pages: Array<{ id: string }>; failures: Array<{ id: string; stage: string }>; tree: string };
  expect(manifest.pages.map((p) => p.id).sort()).toEqual([SIM_EXPORT.rootId, '7000002', '7000003', '7000004', '7000006'].sort());
  expect(manifest.failures).toEqual([expect.objectContaining({ id: SIM_EXPORT.brokenId, stage: 'page' })]);
  expect(manifest.tree).toBe('v2-descendants');
  expect(text(entries, 'index.md')).toContain('Broken page');
  await expect(page.getByTestId('export-failure')).toHaveCount(1);
  await expect(page.getByTestId('export-failure')).toContainText('Broken page');
  await saveScreenshot(page, 'export-result-tree-with-failure');
});

test('a scoped token without read:hierarchical-content lists the tree through v1; with it, through v2', async ({ context, extensionId }) => {
  await addAlice(context, extensionId, { kind: 'scoped', secret: SIM_TOKENS.aliceScopedNoTree.secret });
  const page = await openExportPage(context, extensionId, 'tree');
  const { bytes } = await exportAndDownload(page);
  const manifest = JSON.parse(text(zipEntries(bytes), 'manifest.json')) as { tree: string; pages: unknown[] };
  expect(manifest.tree).toBe('v1-descendants');
  expect(manifest.pages).toHaveLength(6);
  await expect(page.getByTestId('export-outcome')).toContainText('v1 descendant/page');
});

test('cancel mid-tree: no download and no further calls', async ({ context, extensionId, sim, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const page = await openExportPage(context, extensionId, 'tree');
  sim.control.setLatency(700);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await saveScreenshot(page, 'export-progress');
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-outcome', 'cancelled');
  const calls = sim.log.length;
  await page.waitForTimeout(2000);
  expect(sim.log.filter((e) => e.path.startsWith('/wiki/')).length).toBeLessThanOrEqual(calls);
  expect(downloads).toBe(0);
});

test('from the popup: Export page… opens the Export page for the tab’s page; Copy page as Markdown fills the clipboard', async ({ context, extensionId, openPopup }) => {
  await addAlice(context, extensionId, { readOnly: true });
  const tab = await context.newPage();
  await tab.goto(exportRootUrl);
  const popup = await openPopup(exportRootUrl);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.getByTestId('copy-page-markdown').click();
  await expect(popup.getByTestId('copied-text')).toHaveAttribute('data-kind', 'page-markdown');
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('---\ntitle: "Export handbook"\n')).toBe(true);
  expect(copied).toMatch(/^```c# title="Retry.cs"$/m);

  const opened = context.waitForEvent('page');
  await popup.getByTestId('export-tree').click();
  const exportPage = await opened;
  await exportPage.waitForLoadState();
  expect(new URL(exportPage.url()).pathname).toBe('/export.html');
  expect(Object.fromEntries(new URL(exportPage.url()).searchParams)).toMatchObject({ site: SIM_EXPORT.host, page: SIM_EXPORT.rootId, scope: 'tree' });
  await expect(exportPage.locator('input[name="scope"][value="tree"]')).toBeChecked();
  // A read-only token exports: everything it sends is a GET.
  const { bytes } = await exportAndDownload(exportPage);
  expect(Object.keys(zipEntries(bytes))).toContain('manifest.json');
});

test('from the context menu on a link: the Export page opens for the linked page', async ({ context, extensionId, serviceWorker }) => {
  await addAlice(context, extensionId);
  const tab = await context.newPage();
  await tab.goto(exportRootUrl);
  const tabId = await tabIdOf(serviceWorker, exportRootUrl);
  const opened = context.waitForEvent('page');
  const linkUrl = `https://${SIM_EXPORT.host}/wiki/spaces/${SIM_EXPORT.spaceKey}/pages/${SIM_EXPORT.gettingStartedId}/Getting+started`;
  await clickMenu(serviceWorker, { menuItemId: 'ctc-link:export-page', linkUrl, pageUrl: exportRootUrl }, tabId);
  const exportPage = await opened;
  await expect(exportPage.getByRole('heading', { level: 1 })).toContainText('Getting started');
  const { name, bytes } = await exportAndDownload(exportPage);
  expect(name).toBe('EXP - Getting started.md');
  expect(bytes.toString('utf8')).toContain('title: "Getting started"');
});

test('the service worker stopped mid-export: the Export page reconnects and finishes', async ({ context, extensionId, sim }) => {
  await addAlice(context, extensionId);
  const page = await openExportPage(context, extensionId, 'tree');
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  sim.control.setLatency(400);
  const downloading = page.waitForEvent('download', { timeout: 45_000 });
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress-sentence')).toContainText(' of ');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await downloading;
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-outcome', 'done');
  const manifest = JSON.parse(text(zipEntries(readFileSync(await (await downloading).path())), 'manifest.json')) as { pages: unknown[] };
  expect(manifest.pages).toHaveLength(6);
});

test('the print view: the page with print styles, no script, opened with the print dialog', async ({ context, extensionId, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const page = await openExportPage(context, extensionId, 'page');
  await exportAndDownload(page);
  await page.getByTestId('export-print').click();
  const frame = page.frameLocator('[data-testid="print-view"] iframe');
  await expect(frame.locator('h1').first()).toContainText('Export handbook');
  await expect(frame.getByText("Use your browser's print dialog")).toBeVisible();
  expect(await page.locator('[data-testid="print-view"] iframe').evaluate((f: HTMLIFrameElement) => f.srcdoc.includes('<script'))).toBe(false);
  await page.locator('[data-testid="print-view"]').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'export-print-view');
});

test('no token for the site: the Export page says so and what to do', async ({ context, extensionId, saveScreenshot }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/export.html?site=${SIM_EXPORT.host}&page=${SIM_EXPORT.rootId}&scope=page`);
  await expect(page.getByTestId('export-unavailable')).toContainText(`No saved token is meant for ${SIM_EXPORT.host}.`);
  await page.goto(`chrome-extension://${extensionId}/export.html?site=not a host&page=1`);
  await expect(page.getByTestId('export-unavailable')).toContainText('does not name a Confluence page');
  await saveScreenshot(page, 'export-bad-address');
});
