import type { Page } from '@playwright/test';
import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';

// Pages learn what changed from the background's change notices, and re-ask only for that:
// an activity write must not make the options page reload its tokens, and a page never gets
// stored values from storage.onChanged.
const acme = SIM_SITES.acme;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;

/** Counts, per message type, what this page asks the background (recorded before the page's own scripts run). */
async function countAsks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    (window as unknown as { __asks: Record<string, number> }).__asks = counts;
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const type = (args[0] as { type?: string } | undefined)?.type ?? '?';
      counts[type] = (counts[type] ?? 0) + 1;
      return send(...args);
    };
  });
}

const asks = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __asks: Record<string, number> }).__asks }));

test('an activity write refreshes the options page’s log, not its tokens, and a token change refreshes the tokens', async ({ context, extensionId, openPopup }) => {
  const options = await context.newPage();
  await countAsks(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');

  // A token added in this page (its automatic check writes the activity log and detections).
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-label').fill('Acme classic');
  await form.getByTestId('field-kind-classic').check();
  await form.getByTestId('field-email').fill(SIM_USERS.alice.email);
  await form.getByTestId('quick-pick-90').click();
  await form.getByTestId('field-other-sites').fill(acme.host);
  await form.getByTestId('field-secret').fill(SIM_TOKENS.aliceClassic.secret);
  await form.getByTestId('save-token').click();
  await expect(options.locator('[data-testid="token-row"][data-label="Acme classic"]').getByTestId('token-check-result')).toBeVisible();
  // Opening a Confluence page changes the site registry (a sites notice: the page lists known sites).
  const page = await context.newPage();
  await page.goto(architectureUrl);
  await options.waitForTimeout(500); // let the notices of the save, the check and the page settle

  // The popup on that page reads the watch state: calls to Atlassian, so activity writes only.
  const before = await asks(options);
  const activityShown = await options.getByTestId('activity-row').count();
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('watch-toggle')).not.toHaveAttribute('data-watching', 'unknown');
  await expect.poll(async () => options.getByTestId('activity-row').count()).toBeGreaterThan(activityShown);
  await options.waitForTimeout(500);
  const after = await asks(options);
  expect(after['activity-list'] ?? 0, 'the log is asked for again').toBeGreaterThan(before['activity-list'] ?? 0);
  expect(after['tokens-list'] ?? 0, 'the tokens are not asked for again').toBe(before['tokens-list'] ?? 0);

  // A token renamed in a second options tab reaches this one as a tokens notice.
  const second = await context.newPage();
  await second.goto(`chrome-extension://${extensionId}/options.html`);
  const secondRow = second.locator('[data-testid="token-row"][data-label="Acme classic"]');
  await secondRow.getByTestId('token-edit').click();
  await second.getByTestId('token-form').getByTestId('field-label').fill('Acme renamed');
  await second.getByTestId('token-form').getByTestId('save-token').click();
  await expect(options.locator('[data-testid="token-row"][data-label="Acme renamed"]')).toBeVisible();
  expect((await asks(options))['tokens-list'] ?? 0).toBeGreaterThan(after['tokens-list'] ?? 0);
});

test('no extension page listens to storage.onChanged', async ({ context, extensionId, openPopup }) => {
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const pages = [await openPopup(architectureUrl)];
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  pages.push(options);
  for (const extensionPage of pages) {
    const listening = await extensionPage.evaluate(
      () => (globalThis as unknown as { chrome: { storage: { onChanged: { hasListeners(): boolean } } } }).chrome.storage.onChanged.hasListeners(),
    );
    expect(listening, extensionPage.url()).toBe(false);
  }
});
