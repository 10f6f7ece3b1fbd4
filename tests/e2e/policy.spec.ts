import type { Page } from '@playwright/test';
import { readOnlyFailure } from '../../lib/atlassian/failure';
import { siteRefusedFailure } from '../../lib/features/policy/policy-refusals';
import { kindRefusal } from '../../lib/features/policy/policy-vault';
import { readPolicy } from '../../lib/features/policy/read-policy';
import { SIM_PAGES, SIM_SITES, SIM_TOKENS, type RequestLogEntry, type Simulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import type { ExtensionGlobal } from '../support/extension-global';
import { skipReason, writeManagedPolicy } from '../support/managed-policy';
import { addToken, tokenRow } from './options-helpers';
import { createdMenus, pressShortcut, tabIdOf, toastText } from './surface-helpers';
import { expect, managedStorage, POLICY_EXTENSION_ID, policyMark, submitTokenForm, test, type PolicyBrowser } from './policy-helpers';

// The organisation's managed policy (issue 12) in real Chromium: a machine policy file in
// Chromium's managed policy folder names the policy build's fixed id, and the extension reads it
// from storage.managed. Writing that folder needs root (CI runs as root); elsewhere these skip.
// One policy file serves the whole machine, so these tests run one after another.
test.describe.configure({ mode: 'serial' });
test.beforeEach(({ policyDir }) => {
  test.skip(!policyDir.writable, skipReason(policyDir));
});

const acme = SIM_SITES.acme;
const globex = SIM_SITES.globex;
const notes = SIM_PAGES.releaseNotes;
const notesUrl = `https://${notes.site}${cloudContentPath(notes)}`;
const welcome = SIM_PAGES.pubWelcome;
const welcomeUrl = `https://${welcome.site}${cloudContentPath(welcome)}`;
const SET_BY_ORGANISATION = 'Set by your organisation';

/** Watch writes (POST or DELETE on a watch endpoint) the simulator received. */
const watchWrites = (sim: Simulator): string[] => sim.log.filter((e) => e.path.includes('/user/watch/') && e.method !== 'GET').map((e) => `${e.method} ${e.host}${e.path}`);
/** Requests that carried a credential of any kind (a token, a cookie). */
const credentialed = (e: RequestLogEntry): boolean => e.credentialHeaders.length > 0 || e.tokenPresented !== undefined;

async function tokensReadOnly(page: Page): Promise<Record<string, boolean>> {
  const reply = (await page.evaluate(() => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'tokens-list' }))) as { data?: { tokens: { label: string; readOnly: boolean }[] } };
  return Object.fromEntries((reply.data?.tokens ?? []).map((t) => [t.label, t.readOnly]));
}

/** The Confluence page in a tab, and the popup for that tab. */
async function openPagePopup(browser: PolicyBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return browser.openPopup(url);
}

test('forceReadOnly: a token saved as not read-only is read-only; the watches are refused and no watch write reaches Confluence', async ({ launchWithPolicy, sim }) => {
  const browser = await launchWithPolicy({ forceReadOnly: true });
  expect(await managedStorage(browser.serviceWorker)).toEqual({ forceReadOnly: true });
  const options = await browser.openOptions();
  // The person leaves the read-only switch off (the helper never ticks it without readOnly: true).
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  expect(await tokensReadOnly(options)).toEqual({ Alice: true });

  const popup = await openPagePopup(browser, notesUrl);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Alice');
  // Reading is allowed: both watch states were read on opening (Alice watches ENG, not the page).
  const pageToggle = popup.getByTestId('watch-toggle');
  const spaceToggle = popup.getByTestId('space-watch-toggle');
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');

  sim.clearLog();
  await pageToggle.click();
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'read-only-refused');
  await expect(result).toContainText(readOnlyFailure('addContentWatcher', 'organisation').message);
  await expect(result).toContainText(readOnlyFailure('addContentWatcher', 'organisation').fix);
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');

  await spaceToggle.click();
  const spaceResult = popup.getByTestId('space-watch-result');
  await expect(spaceResult).toHaveAttribute('data-failure', 'read-only-refused');
  await expect(spaceResult).toContainText(readOnlyFailure('removeSpaceWatcher', 'organisation').message);
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');

  // Nothing left the browser for either write.
  expect(watchWrites(sim)).toEqual([]);
});

test('allowedSites: after a restart under the policy, a site left out gets the refusal and no token; an allowed site works', async ({ launchWithPolicy, profileDir, sim }) => {
  // Before the policy: a token for acme and globex, used on globex (so the refusal below can fail).
  const before = await launchWithPolicy(undefined, { profileDir });
  expect(await managedStorage(before.serviceWorker)).toEqual({});
  await addToken(await before.openOptions(), { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: `${acme.host}, ${globex.host}` });
  sim.clearLog();
  const unrestricted = await openPagePopup(before, welcomeUrl);
  await expect(unrestricted.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  expect(sim.log.filter((e) => e.host === globex.host && e.tokenLabel === 'aliceClassic').length).toBeGreaterThan(0);
  await before.context.close();

  const browser = await launchWithPolicy({ allowedSites: [acme.host] }, { profileDir });
  expect(await managedStorage(browser.serviceWorker)).toEqual({ allowedSites: [acme.host] });
  sim.clearLog();
  const refused = siteRefusedFailure(globex.host);
  const popup = await openPagePopup(browser, welcomeUrl);
  // The sentence names the site and the policy key.
  expect(refused.message).toContain(`${globex.host} is not allowed by your organisation`);
  expect(refused.message).toContain('(policy “allowedSites”)');
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'failed');
  await expect(popup.getByTestId('page-card-failure')).toHaveAttribute('data-failure', 'policy-refused');
  await expect(popup.getByTestId('page-card-failure')).toContainText(refused.message);
  await expect(popup.getByTestId('action-result')).toHaveText(`Could not read whether you watch this page: ${refused.message}`);
  await popup.getByTestId('watch-toggle').click();
  await expect(popup.getByTestId('action-result')).toHaveAttribute('data-failure', 'policy-refused');
  await expect(popup.getByTestId('action-result')).toContainText(refused.message);
  await expect(popup.getByTestId('action-result')).toContainText(refused.fix);
  // globex got the tab's own page load and at most the uncredentialed tenant_info, never a token.
  const toGlobex = sim.log.filter((e) => e.host === globex.host);
  expect(toGlobex.filter(credentialed).map((e) => `${e.method} ${e.path} ${e.authKind}`)).toEqual([]);
  expect(watchWrites(sim)).toEqual([]);

  // acme is allowed: the same token reads its page card and watch state.
  sim.clearLog();
  const allowed = await openPagePopup(browser, notesUrl);
  await expect(allowed.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await expect(allowed.getByTestId('watch-toggle')).toHaveAttribute('data-watching', 'false');
  expect(sim.log.filter((e) => e.host === acme.host && e.tokenLabel === 'aliceClassic').length).toBeGreaterThan(0);
});

test('allowedTokenKinds: a classic token is refused in the options page with the sentence naming the policy, nothing saved', async ({ launchWithPolicy, sim }) => {
  const allowed = ['scoped', 'dc-pat'];
  const browser = await launchWithPolicy({ allowedTokenKinds: allowed });
  const options = await browser.openOptions();
  sim.clearLog();
  await submitTokenForm(options, { label: 'Classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const error = options.getByTestId('field-error-kind');
  await expect(error).toHaveText(kindRefusal('classic', allowed));
  await expect(error).toContainText('(policy “allowedTokenKinds”)');
  // The form stays open with what was typed; nothing was saved or checked.
  await expect(options.getByTestId('token-form')).toBeVisible();
  await expect(options.getByTestId('field-label')).toHaveValue('Classic');
  await expect(options.getByTestId('token-row')).toHaveCount(0);
  expect(await tokensReadOnly(options)).toEqual({});
  expect(sim.log.filter(credentialed).map((e) => `${e.method} ${e.host}${e.path}`)).toEqual([]);

  // An allowed kind goes through, so the refusal was the policy's and not a broken form.
  await options.getByTestId('cancel-edit').click();
  await addToken(options, { label: 'Scoped', kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret, site: acme.host });
  await expect(tokenRow(options, 'Scoped')).toBeVisible();
  expect(Object.keys(await tokensReadOnly(options))).toEqual(['Scoped']);
});

test('malformed values are ignored one by one with a warning in the options page; the other keys still apply', async ({ launchWithPolicy }) => {
  // Both pass Chrome's schema (integers, strings), so they reach the extension, which must judge them.
  const policy = { forceReadOnly: true, minimumReminderDays: -3, allowedTokenKinds: ['scoped', 'basic'] };
  const browser = await launchWithPolicy(policy);
  expect(await managedStorage(browser.serviceWorker)).toEqual(policy);
  const options = await browser.openOptions();

  const section = options.getByTestId('policy-section');
  const warnings = section.getByTestId('policy-warning');
  await expect(warnings).toHaveCount(2);
  const expected = readPolicy(policy).warnings;
  expect(expected.map((w) => w.match(/“(\w+)”/)?.[1]).sort()).toEqual(['allowedTokenKinds', 'minimumReminderDays']);
  // In the order managed storage hands the keys over (Chrome sorts them), so compared as a set.
  expect((await warnings.allTextContents()).map((w) => w.trim()).sort()).toEqual([...expected].sort());
  // Only the well-formed key is listed as set.
  await expect(policyMark(section, 'forceReadOnly')).toHaveCount(1);
  await expect(policyMark(section, 'minimumReminderDays')).toHaveCount(0);
  await expect(policyMark(section, 'allowedTokenKinds')).toHaveCount(0);

  // allowedTokenKinds was ignored: a classic token can be saved; forceReadOnly still applies to it.
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  expect(await tokensReadOnly(options)).toEqual({ Alice: true });
  await expect(policyMark(tokenRow(options, 'Alice'), 'forceReadOnly')).toHaveText(SET_BY_ORGANISATION);
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
});

test('"Set by your organisation": the policy section, the locked read-only switch, the token in the options page and the popup (screenshots)', async ({ launchWithPolicy, saveScreenshot }) => {
  const policy = {
    forceReadOnly: true,
    allowedSites: [acme.host],
    allowedTokenKinds: ['classic', 'scoped'],
    reminderThresholdsDays: [30, 7],
    minimumReminderDays: 3,
    supportContact: 'IT desk, ext. 4242',
  };
  const browser = await launchWithPolicy(policy);
  const options = await browser.openOptions();

  const section = options.getByTestId('policy-section');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('policy-warning')).toHaveCount(0);
  const marks = section.getByTestId('policy-mark');
  expect((await marks.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-policy-key')))).sort()).toEqual(Object.keys(policy).sort());
  for (const text of await marks.allTextContents()) expect(text.trim()).toBe(SET_BY_ORGANISATION);

  // The form shows the switch on and locked, marked.
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
  await expect(form.getByTestId('field-read-only')).toBeChecked();
  await expect(form.getByTestId('field-read-only')).toBeDisabled();
  await expect(policyMark(form, 'forceReadOnly')).toHaveText(SET_BY_ORGANISATION);
  await form.getByTestId('cancel-edit').click();

  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await expect(policyMark(tokenRow(options, 'Alice'), 'forceReadOnly')).toHaveText(SET_BY_ORGANISATION);
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(options, 'policy-chromium-options');

  const popup = await openPagePopup(browser, notesUrl);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await expect(policyMark(popup, 'forceReadOnly').first()).toHaveText(SET_BY_ORGANISATION);
  await saveScreenshot(popup, 'policy-chromium-popup');
});

test('a policy changed while the browser runs applies without a restart: the open options page shows the token locked read-only', async ({ launchWithPolicy, policyDir }) => {
  const browser = await launchWithPolicy({ disableActivityExport: true });
  const options = await browser.openOptions();
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const row = tokenRow(options, 'Alice');
  await expect(row.getByTestId('token-read-only')).toHaveCount(0);
  await expect(policyMark(row, 'forceReadOnly')).toHaveCount(0);

  // Chromium watches its policy folder and reloads a changed file once it has settled (about 5 s
  // here), then tells the extension through storage.onChanged (area `managed`).
  writeManagedPolicy(policyDir.dir, POLICY_EXTENSION_ID, { forceReadOnly: true });
  await expect.poll(() => managedStorage(browser.serviceWorker), { timeout: 30_000 }).toEqual({ forceReadOnly: true });
  await expect(policyMark(row, 'forceReadOnly')).toHaveText(SET_BY_ORGANISATION);
  await expect(row.getByTestId('token-read-only')).toBeVisible();
  await expect(policyMark(options.getByTestId('policy-section'), 'disableActivityExport')).toHaveCount(0);
  expect(await tokensReadOnly(options)).toEqual({ Alice: true });
});

test('disableExport, disableActivityExport and the organisation’s help: no export anywhere, the help next to a failure’s fix', async ({ launchWithPolicy, sim, saveScreenshot }) => {
  const help = { helpUrl: 'https://intranet.example.com/confluence-tokens', supportContact: 'IT desk, ext. 4242' };
  const browser = await launchWithPolicy({ forceReadOnly: true, disableExport: true, disableActivityExport: true, allowedSites: [acme.host], ...help });
  const options = await browser.openOptions();
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  // The activity log is there, its export buttons are not.
  await expect(options.getByTestId('activity-export-off')).toContainText('Exporting the log is turned off.');
  await expect(options.getByTestId('export-json')).toHaveCount(0);
  await expect(options.getByTestId('export-csv')).toHaveCount(0);

  const popup = await openPagePopup(browser, notesUrl);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('export-off')).toContainText('Exporting pages is turned off.');
  await expect(policyMark(popup.getByTestId('export-off'), 'disableExport')).toHaveText(SET_BY_ORGANISATION);
  await expect(popup.getByTestId('export-page')).toHaveCount(0);
  await expect(popup.getByTestId('copy-page-markdown')).toHaveCount(0);
  await expect(popup.getByTestId('copy-link')).toBeVisible();

  // A refused write: the fix, then the organisation's help page and contact.
  await popup.getByTestId('watch-toggle').click();
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'read-only-refused');
  const orgHelp = result.getByTestId('org-help');
  await expect(orgHelp).toHaveText(`Help from your organisation: ${help.helpUrl} · ${help.supportContact}`);
  await expect(orgHelp.getByRole('link')).toHaveAttribute('href', help.helpUrl);
  await saveScreenshot(popup, 'policy-chromium-popup-export-off');

  // The Export page opened by its address (a bookmark, an old tab) refuses too, with the help; nothing is read.
  sim.clearLog();
  const exportPage = await browser.context.newPage();
  await exportPage.goto(`chrome-extension://${browser.extensionId}/export.html?site=${acme.host}&page=${notes.id}&scope=page`);
  await expect(exportPage.getByTestId('export-unavailable')).toContainText('Your organisation has turned off exporting pages (policy “disableExport”).');
  await expect(exportPage.getByTestId('org-help')).toContainText(help.supportContact);
  expect(sim.log.filter(credentialed)).toEqual([]);

  // The menus are made without the export items; the export shortcut is refused on the page, with the help.
  const menus = await createdMenus(browser.serviceWorker);
  expect(menus.map((m) => m.title).filter((t) => /Export|as Markdown/.test(t))).toEqual([]);
  expect(menus.map((m) => m.title)).toContain('Watch this page');
  // One tab on the page, so the shortcut's tab is this one.
  for (const open of browser.context.pages()) if (open.url() === notesUrl) await open.close();
  const tab = await browser.context.newPage();
  await tab.goto(notesUrl);
  await expect(tab.getByRole('heading', { name: notes.title }).first()).toBeVisible();
  const cdp = await tab.context().newCDPSession(tab);
  await pressShortcut(browser.serviceWorker, 'export-page', await tabIdOf(browser.serviceWorker, tab.url()));
  await expect.poll(() => toastText(cdp)).toContain('Your organisation has turned off exporting pages (policy “disableExport”).');
  expect(await toastText(cdp)).toContain(`Help from your organisation: ${help.helpUrl} · ${help.supportContact}`);
  expect(browser.context.pages().filter((p) => p.url().includes('/export.html?') && p !== exportPage)).toEqual([]);

  // A site the policy leaves out is said at once in the popup, before anything is tried.
  const outside = await openPagePopup(browser, welcomeUrl);
  await expect(outside.getByTestId('site-not-allowed')).toContainText('This site is not allowed by your organisation');
  await expect(policyMark(outside.getByTestId('site-not-allowed'), 'allowedSites')).toHaveText(SET_BY_ORGANISATION);
});

test('reminders: the organisation’s days are ticked until the person chooses; the floor comes back ticked and locked', async ({ launchWithPolicy }) => {
  const browser = await launchWithPolicy({ reminderThresholdsDays: [60, 7], minimumReminderDays: 21 });
  const options = await browser.openOptions();
  const section = options.getByTestId('reminders-section');
  // The policy's defaults, a day beyond the usual ones offered, and the floor reached by 60.
  await expect(section.getByTestId('reminder-threshold-60')).toBeChecked();
  await expect(section.getByTestId('reminder-threshold-7')).toBeChecked();
  await expect(section.getByTestId('reminder-threshold-30')).not.toBeChecked();
  await expect(policyMark(section, 'reminderThresholdsDays')).toHaveText(SET_BY_ORGANISATION);
  await expect(section.getByTestId('reminder-threshold-21')).not.toBeChecked();
  await expect(section.getByTestId('reminder-threshold-21')).toBeEnabled();

  // The person drops 60: nothing is 21 days early any more, so the floor is added and locked.
  await section.getByTestId('reminder-threshold-60').uncheck();
  await expect(section.getByTestId('reminders-status')).toHaveText('Saved.');
  await expect(section.getByTestId('reminder-threshold-21')).toBeChecked();
  await expect(section.getByTestId('reminder-threshold-21')).toBeDisabled();
  await expect(policyMark(section, 'minimumReminderDays')).toHaveText(SET_BY_ORGANISATION);
  await expect(section.getByTestId('reminder-defaults-policy')).toHaveCount(0);

  // Kept across a reload: the person's own choice, with the floor.
  await options.reload();
  await expect(section.getByTestId('reminder-threshold-7')).toBeChecked();
  await expect(section.getByTestId('reminder-threshold-60')).not.toBeChecked();
  await expect(section.getByTestId('reminder-threshold-21')).toBeDisabled();
});
