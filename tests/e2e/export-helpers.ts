import type { BrowserContext, Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { SIM_EXPORT, SIM_TOKENS } from '../simulator/index';
import { expect } from './fixtures';
import { addToken, openOptions } from './options-helpers';

/** The export fixture's root page on the site (a real tab, so the popup and menus know it). */
export const exportRootUrl = `https://${SIM_EXPORT.host}/wiki/spaces/${SIM_EXPORT.spaceKey}/pages/${SIM_EXPORT.rootId}/Export+handbook`;

export async function addAlice(context: BrowserContext, extensionId: string, token: { kind?: 'classic' | 'scoped'; secret?: string; readOnly?: boolean } = {}): Promise<void> {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Alice', kind: token.kind ?? 'classic', secret: token.secret ?? SIM_TOKENS.aliceClassic.secret, site: SIM_EXPORT.host, ...(token.readOnly ? { readOnly: true } : {}) });
  await options.close();
}

/** The Export page opened straight from its address (what the popup and menus open). */
export async function openExportPage(context: BrowserContext, extensionId: string, scope: 'page' | 'tree', contentId: string = SIM_EXPORT.rootId): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/export.html?site=${SIM_EXPORT.host}&page=${contentId}&scope=${scope}`);
  await expect(page.getByTestId('export-choices')).toBeVisible();
  return page;
}

/** Sets the formats (checkboxes by value) and the attachments box. */
export async function choose(page: Page, choice: { formats: string[]; attachments?: boolean; scope?: 'page' | 'tree' }): Promise<void> {
  if (choice.scope) await page.locator(`input[name="scope"][value="${choice.scope}"]`).check();
  for (const box of await page.locator('input[name="format"]').all()) {
    const value = await box.getAttribute('value');
    if (choice.formats.includes(value ?? '')) await box.check();
    else await box.uncheck();
  }
  if (choice.attachments !== undefined) await page.locator('input[name="attachments"]').setChecked(choice.attachments);
}

/**
 * Starts the export and waits for the browser's download of its file. `name` is the file name
 * the extension gave `downloads.download` (Playwright saves under a name of its own).
 */
export async function exportAndDownload(page: Page): Promise<{ download: Download; bytes: Buffer; name: string }> {
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('export-start').click();
  const download = await downloading;
  const path = await download.path();
  const saved = page.getByTestId('export-saved');
  await expect(saved).toBeVisible();
  const name = /^Saved as (.*) in your downloads\.$/.exec(await saved.innerText())?.[1] ?? '';
  return { download, bytes: readFileSync(path), name };
}

export function zipEntries(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

export function text(entries: Record<string, Uint8Array>, path: string): string {
  const entry = entries[path];
  if (!entry) throw new Error(`No ${path} in the zip; it has ${Object.keys(entries).join(', ')}`);
  return strFromU8(entry);
}
