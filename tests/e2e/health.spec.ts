import type { Page, Worker } from '@playwright/test';
import { SIM_PAGES, SIM_SCOPES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';

// Health reports in real Chromium against the simulator (issue 7, section 1): the popup's report
// for the tab's site, the options page's per token, the badge for a failed check, and the one
// notification a refused token gets.
const acme = SIM_SITES.acme;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;

async function badge(worker: Worker) {
  return worker.evaluate(async () => {
    const action = (globalThis as ExtensionGlobal).chrome.action;
    return { text: await action.getBadgeText({}), colour: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });
}

const rowState = (report: ReturnType<Page['getByTestId']>, capability: string) =>
  report.locator(`[data-testid="health-row"][data-capability="${capability}"]`);

test('a healthy classic token: the popup’s report has every read row working, Jira too (light and dark screenshots)', async ({
  context,
  extensionId,
  sim,
  openPopup,
  saveScreenshot,
}) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('popup-not-checked')).toBeVisible();
  await popup.getByTestId('popup-check-token').click();
  const report = popup.getByTestId('popup-check-result');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report.getByTestId('token-kind-sentence')).toContainText(`This is a classic token: calls go to https://${acme.host}/wiki/rest/api/`);
  await expect(report).toContainText(`Signs in as ${SIM_USERS.alice.displayName}`);
  for (const capability of ['read-page', 'watch-status', 'export-body', 'attachments-list', 'attachments-download', 'page-tree', 'jira']) {
    await expect(rowState(report, capability)).toHaveAttribute('data-state', 'works');
  }
  await expect(rowState(report, 'watch-change')).toHaveAttribute('data-state', 'not-yet-used');
  await expect(report.getByTestId('health-rate-limit')).toContainText(/calls left/);
  await expect(report.getByTestId('health-age')).toContainText('checked just now');
  // The Jira row asked Jira on the site itself, with the same token.
  expect(sim.log.some((e) => e.host === acme.host && e.path === '/rest/api/3/myself' && e.status === 200)).toBe(true);
  // The probes are reads only: a health check never writes.
  expect(sim.log.filter((e) => e.method !== 'GET')).toEqual([]);
  await saveScreenshot(popup, 'popup-health-report');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(popup, 'popup-health-report-dark');

  // Reopened, the popup shows the stored report at once, with its age, and sends nothing for it.
  await popup.close();
  sim.clearLog();
  const again = await openPopup(architectureUrl);
  await expect(again.getByTestId('popup-check-result')).toHaveAttribute('data-ok', 'true');
  await expect(again.getByTestId('health-age')).toContainText('checked');
  expect(sim.log.filter((e) => e.path === '/rest/api/3/myself')).toEqual([]);

  // Watching from the popup is then learned: the write row says it worked.
  await again.getByTestId('watch-toggle').click();
  await expect(again.getByTestId('action-result')).toHaveAttribute('role', 'status');
  await again.getByTestId('popup-check-token').click();
  await expect(rowState(again.getByTestId('popup-check-result'), 'watch-change')).toHaveAttribute('data-state', 'works');
});

test('a scoped token without read:watcher:confluence: that scope, and only it, is named on the watch-status row', async ({ context, extensionId, sim, saveScreenshot }) => {
  const secret = 'SIMscoped-alice-nowatch-Qe7rT2yU5i';
  sim.control.addToken({
    name: 'aliceScopedNoWatcher',
    kind: 'scoped',
    secret,
    user: 'alice',
    sites: [acme.host],
    scopes: SIM_SCOPES.companion.filter((s) => s !== 'read:watcher:confluence'),
  });
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme scoped', kind: 'scoped', secret, site: acme.host });
  const row = tokenRow(options, 'Acme scoped');
  await row.getByTestId('token-health').click();
  const report = row.getByTestId('token-health-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report.getByTestId('token-kind-sentence')).toContainText(`calls go to https://api.atlassian.com/ex/confluence/${acme.cloudId}/wiki/rest/api/`);
  const watch = rowState(report, 'watch-status');
  await expect(watch).toHaveAttribute('data-state', 'missing-scope');
  await expect(watch.getByTestId('health-fix')).toContainText('Add the scope read:watcher:confluence to this token at id.atlassian.com');
  await expect(report.locator('[data-testid="health-row"][data-state="missing-scope"]')).toHaveCount(1);
  for (const capability of ['read-page', 'export-body', 'attachments-list', 'page-tree', 'jira']) {
    await expect(rowState(report, capability)).toHaveAttribute('data-state', 'works');
  }
  // Jira went through the gateway, as a scoped token must.
  expect(sim.log.some((e) => e.host === 'api.atlassian.com' && e.path === `/ex/jira/${acme.cloudId}/rest/api/3/myself`)).toBe(true);
  await saveScreenshot(options, 'options-health-report-missing-scope');
});

test('a refused token: the badge says "!", its tooltip names the token and why, and one notification is shown', async ({
  context,
  extensionId,
  sim,
  serviceWorker,
}) => {
  expect(await badge(serviceWorker)).toMatchObject({ text: '' });
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Soon revoked', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const row = tokenRow(options, 'Soon revoked');
  await row.getByTestId('token-health').click();
  await expect(row.getByTestId('token-health-report')).toHaveAttribute('data-ok', 'true');
  expect(await badge(serviceWorker)).toMatchObject({ text: '' });

  sim.control.revokeToken('aliceClassic');
  await row.getByTestId('token-health').click();
  await expect(row.getByTestId('token-health-report')).toHaveAttribute('data-ok', 'false');
  await expect.poll(async () => (await badge(serviceWorker)).text).toBe('!');
  const shown = await badge(serviceWorker);
  expect(shown.title).toContain('Token “Soon revoked” failed its last check on acme.atlassian.net');
  expect(shown.colour).toEqual([179, 38, 30, 255]);

  // Checked again: still one notification for this token.
  await row.getByTestId('token-health').click();
  await expect(row.getByTestId('token-health')).toHaveText('Health report');
  const ids = await serviceWorker.evaluate(async () => Object.keys(await (globalThis as ExtensionGlobal).chrome.notifications.getAll()));
  expect(ids.filter((id) => id.startsWith('ctc-invalid:'))).toHaveLength(1);

  // Clicking the notification opens the token's Replace form.
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate((id) => {
    const clicked = (globalThis as ExtensionGlobal).chrome.notifications.onClicked as unknown as { dispatch(id: string): void };
    clicked.dispatch(id);
  }, ids.find((id) => id.startsWith('ctc-invalid:'))!);
  const replace = await opened;
  await expect(replace.getByTestId('replace-form')).toBeVisible();
  await expect(replace.getByTestId('replace-kept-label')).toHaveText('Soon revoked');
  await replace.close();

  // A working token again (the person replaced it): the badge empties.
  sim.control.reset();
  await row.getByTestId('token-health').click();
  await expect(row.getByTestId('token-health-report')).toHaveAttribute('data-ok', 'true');
  await expect.poll(async () => (await badge(serviceWorker)).text).toBe('');
});

test('a wrong token on a site with anonymous access: "not authenticated", not healthy, and no probe is sent', async ({ context, extensionId, sim }) => {
  const globex = SIM_SITES.globex;
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Globex wrong', kind: 'classic', secret: 'SIMclassic-nobody-wrong-0000000000', site: globex.host });
  sim.clearLog();
  const row = tokenRow(options, 'Globex wrong');
  await row.getByTestId('token-health').click();
  const report = row.getByTestId('token-health-report');
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText('Not authenticated: the site answered as the anonymous user.');
  await expect(report.locator('[data-testid="health-row"][data-state="works"]')).toHaveCount(0);
  expect(sim.log.filter((e) => e.host === globex.host && !e.path.includes('/user/current') && !e.path.startsWith('/_edge/'))).toEqual([]);
});

test('an expired token: its report says so and nothing is sent', async ({ context, extensionId, sim, serviceWorker }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Old', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  // The person's calendar moves past the expiry date: the background's clock, a year on.
  await serviceWorker.evaluate(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 400 * 24 * 3600_000;
  });
  sim.clearLog();
  const row = tokenRow(options, 'Old');
  await row.getByTestId('token-health').click();
  const report = row.getByTestId('token-health-report');
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText(/expired on \d{4}-\d{2}-\d{2}: create a new token and replace this one/);
  expect(sim.log.filter((e) => !e.path.startsWith('/_edge/'))).toEqual([]);
});
