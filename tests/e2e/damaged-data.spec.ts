import { SIM_PAGES } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';

// One damaged stored key must not take the whole page down: each part says what is damaged and
// offers to reset just that part; nothing is overwritten until the person asks.
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;
const DAMAGED_SITES = { schemaVersion: 2, data: { sites: [{ host: 42 }] } };

test('a damaged list of known sites: the options page and the popup still work, and only that part is reset', async ({ context, extensionId, serviceWorker, openPopup, saveScreenshot }) => {
  await serviceWorker.evaluate((sites) => (globalThis as ExtensionGlobal).chrome.storage.local.set({ sites }), DAMAGED_SITES);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  await expect(options.getByTestId('sites-damaged')).toContainText('The list of known sites is damaged');
  await expect(options.getByTestId('add-token-open')).toBeVisible();
  await saveScreenshot(options, 'options-sites-damaged');
  expect(await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('sites')), 'left as it was').toEqual({ sites: DAMAGED_SITES });

  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('tab-site')).toHaveText(architecture.site);
  await expect(popup.getByTestId('known-sites-error')).toContainText('damaged');
  await expect(popup.getByTestId('tokens-section')).toBeVisible();

  await options.getByTestId('sites-damaged-reset').click();
  await expect(options.getByTestId('sites-damaged')).toHaveCount(0);
  expect(await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('sites'))).toEqual({ sites: { schemaVersion: 2, data: { sites: [] } } });
});

test('damaged saved tokens or a damaged activity log: the other parts still load, each says what is damaged, and only it is reset', async ({ context, extensionId, serviceWorker, saveScreenshot }) => {
  const damagedTokens = { schemaVersion: 3, data: 'garbage' };
  const damagedActivity = { schemaVersion: 1, data: { entries: [{ time: 42 }] } };
  await serviceWorker.evaluate(
    (items) => (globalThis as ExtensionGlobal).chrome.storage.local.set(items),
    { tokens: damagedTokens, activity: damagedActivity },
  );
  const options = await context.newPage();
  options.on('dialog', (dialog) => void dialog.accept());
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  await expect(options.getByTestId('tokens-damaged')).toContainText('Your saved tokens are damaged');
  await expect(options.getByTestId('activity-damaged')).toContainText('activity log is damaged');
  await expect(options.getByTestId('add-token-open')).toBeVisible();
  await saveScreenshot(options, 'options-tokens-activity-damaged');
  const stored = () => serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get(['tokens', 'activity']));
  expect(await stored(), 'nothing overwritten before the person asks').toEqual({ tokens: damagedTokens, activity: damagedActivity });

  await options.getByTestId('activity-damaged-reset').click();
  await expect(options.getByTestId('activity-damaged')).toHaveCount(0);
  await expect(options.getByTestId('tokens-damaged'), 'the tokens are still left alone').toBeVisible();
  expect((await stored()).tokens).toEqual(damagedTokens);

  await options.getByTestId('tokens-damaged-reset').click();
  await expect(options.getByTestId('tokens-damaged')).toHaveCount(0);
  await expect(options.getByTestId('add-token-open')).toBeEnabled();
});
