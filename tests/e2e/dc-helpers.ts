import type { Locator, Page, Worker } from '@playwright/test';
import { SIM_DC, SIM_PAGES, SIM_TOKENS, tinyCodeForId, type RequestLogEntry, type Simulator } from '../simulator/index';
import { titleSlug } from '../simulator/content-store';
import { buildDir } from '../support/extension-build';
import { e2eSettings } from '../support/e2e-settings';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test as base } from './fixtures';

/*
 * Data Center sites in real Chromium: the build with the simulated servers granted up front
 * (e2eSettings.dcOutDir: automation cannot answer Chromium's permission prompt), and the steps
 * a person takes in the options page's "Data Center sites" section.
 */

/** The e2e fixtures, loading the Data Center variant of the build. */
export const test = base.extend<object, { extensionDir: string }>({
  extensionDir: [async ({}, use) => use(buildDir(e2eSettings.dcOutDir)), { scope: 'worker' }],
});

export { expect };

export const DC_HOME = SIM_PAGES.dcHome;
export const DC_PAT = { label: 'Carol PAT', secret: SIM_TOKENS.carolPat.secret } as const;

/** "DC Home" at every URL shape Data Center gives a page, under the context path. */
export const dcHomeUrls = {
  display: `${SIM_DC.baseUrl}/display/${DC_HOME.spaceKey}/${titleSlug(DC_HOME.title)}`,
  viewpage: `${SIM_DC.baseUrl}/pages/viewpage.action?pageId=${DC_HOME.id}`,
  spacesPages: `${SIM_DC.baseUrl}/spaces/${DC_HOME.spaceKey}/pages/${DC_HOME.id}/${titleSlug(DC_HOME.title)}`,
  tiny: `${SIM_DC.baseUrl}/x/${tinyCodeForId(DC_HOME.id)}`,
} as const;

export function dcSiteRow(options: Page, baseUrl: string = SIM_DC.baseUrl): Locator {
  return options.locator(`[data-testid="dc-site-row"][data-base-url="${baseUrl}"]`);
}

/** Fills the "Add a Data Center site" form (opening it when closed) and presses "Add site". */
export async function submitDcSite(options: Page, baseUrl: string, pat?: { label: string; secret: string }): Promise<void> {
  const form = options.getByTestId('dc-site-form');
  if ((await form.count()) === 0) await options.getByTestId('dc-site-add-open').click();
  await form.getByTestId('dc-field-base-url').fill(baseUrl);
  if (pat) {
    await form.getByTestId('dc-field-pat-label').fill(pat.label);
    await form.getByTestId('dc-field-pat-secret').fill(pat.secret);
  }
  await form.getByTestId('dc-site-add').click();
}

/** Adds the simulator's Data Center server with carol's PAT and waits for its row and the token's check. */
export async function addDcSiteWithPat(options: Page): Promise<void> {
  await submitDcSite(options, SIM_DC.baseUrl, DC_PAT);
  await expect(dcSiteRow(options)).toBeVisible();
  await expect(options.getByTestId('dc-site-added')).toBeVisible();
  await expect(options.locator(`[data-testid="token-row"][data-label="${DC_PAT.label}"]`).getByTestId('token-check-result').first()).toBeVisible();
}

/** Presses a site's Remove and accepts the browser's confirm dialog. */
export async function removeDcSite(options: Page, baseUrl: string = SIM_DC.baseUrl): Promise<void> {
  options.once('dialog', (dialog) => void dialog.accept());
  await dcSiteRow(options, baseUrl).getByTestId('dc-site-remove').click();
}

export interface DcSiteListed {
  baseUrl: string;
  version: string | null;
  lastSeenAt: number | null;
  accessGranted: boolean;
  scriptRegistered: boolean;
}

/** `dc-sites-list`, asked of the background from an extension page as the options page asks it. */
export async function listDcSites(extensionPage: Page): Promise<DcSiteListed[]> {
  const reply = (await extensionPage.evaluate(() => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'dc-sites-list' }))) as { data?: { sites: DcSiteListed[] } };
  if (!reply.data) throw new Error(`dc-sites-list answered ${JSON.stringify(reply)}`);
  return reply.data.sites;
}

/** The ids of our dynamically registered content scripts (`ctc-dc-…`), from the service worker. */
export async function dcScriptIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome.scripting;
    return (await scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith('ctc-dc-'));
  });
}

/** Whether the service worker holds the host permission for `origin` (`permissions.contains`). */
export async function hasOriginAccess(worker: Worker, origin: string): Promise<boolean> {
  return worker.evaluate((wanted) => (globalThis as ExtensionGlobal).chrome.permissions.contains({ origins: [`${wanted}/*`] }), origin);
}

/**
 * What the tab itself loaded (its document, the page's images, with the session cookie), told
 * apart by Fetch Metadata: the extension's own calls are fetch()es (`sec-fetch-dest: empty`).
 */
export const isTabLoad = (e: RequestLogEntry): boolean => (e.headers['sec-fetch-dest'] ?? 'empty') !== 'empty';

/** Requests the extension made to the Data Center server's API and download servlet (not the tab's loads). */
export function dcApiCalls(sim: Simulator): RequestLogEntry[] {
  return sim.log.filter(
    (e) => e.host === SIM_DC.host && !isTabLoad(e) && (e.path.startsWith(`${SIM_DC.contextPath}/rest/`) || e.path.startsWith(`${SIM_DC.contextPath}/download/`)),
  );
}

/** One log line as tests compare it: method, path and which credential it carried. */
export const callLine = (e: RequestLogEntry): string => `${e.method} ${e.path} ${e.authKind}${e.credentialHeaders.length ? ` [${e.credentialHeaders.join(',')}]` : ''}`;

/** Every credentialed call went with carol's PAT as Bearer, and with no other credential (no session cookie). */
export function expectBearerOnly(calls: readonly RequestLogEntry[]): void {
  for (const call of calls) {
    expect(call.authKind, callLine(call)).toBe('bearer');
    expect(call.tokenLabel, callLine(call)).toBe('carolPat');
    expect(call.credentialHeaders, callLine(call)).toEqual(['authorization']);
  }
}
