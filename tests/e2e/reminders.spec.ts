import type { Page } from '@playwright/test';
import { SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';
import { badge, badgeUpdates, created, fireDailyAlarm, inDays, recordNotifications, shownIds } from './reminder-helpers';

// Expiry reminders in real Chromium (issue 7, section 2): the daily alarm, its notification, the
// badge, and the options page's thresholds.

async function setExpiry(options: Page, label: string, expiresOn: string): Promise<void> {
  await tokenRow(options, label).getByTestId('token-edit').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-expiry').fill(expiresOn);
  await form.getByTestId('save-token').click();
  await expect(form).toHaveCount(0);
}

test('a token 7 days from expiry: one notification when the alarm fires, the badge, and nothing once renewed', async ({ context, extensionId, serviceWorker, sim, consoleMessages }) => {
  // Recorded from the start: a reminder the worker sends on its own (at a restart) is counted too.
  await recordNotifications(serviceWorker);
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Work', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: SIM_SITES.acme.host }, 20_000);
  const expiresOn = inDays(7);
  await setExpiry(options, 'Work', expiresOn);

  // The badge follows the token change at once, before any alarm.
  await expect.poll(() => badge(serviceWorker)).toEqual({ text: '7', colour: [249, 168, 37, 255], title: `Token “Work” expires in 7 days, on ${expiresOn}` });

  await fireDailyAlarm(serviceWorker);
  await expect.poll(() => created(serviceWorker)).toHaveLength(1);
  const [notification] = await created(serviceWorker);
  expect(notification!.options).toMatchObject({
    type: 'basic',
    title: 'Token “Work” expires in 7 days',
    message: `Used on ${SIM_SITES.acme.host}. It expires on ${expiresOn}: create a new token and replace this one.`,
    iconUrl: `chrome-extension://${extensionId}/icon-128.png`,
    buttons: [{ title: 'Snooze a day' }, { title: 'Renew' }],
  });
  // Recorded when `create` is called; shown once Chrome has created it.
  await expect.poll(() => shownIds(serviceWorker)).toEqual([notification!.id]);

  // A second evaluation the same day (done once it has updated the badge) sends nothing more.
  const updatesBefore = await badgeUpdates(serviceWorker);
  await fireDailyAlarm(serviceWorker);
  await expect.poll(() => badgeUpdates(serviceWorker)).toBeGreaterThan(updatesBefore);
  expect(await created(serviceWorker)).toHaveLength(1);

  // "Renew" opens the options page on the token's Replace form (options.html#renew=<id>).
  const tokenId = /^ctc-reminder:([A-Za-z0-9_-]+)@/.exec(notification!.id)![1];
  const renew = await context.newPage();
  await renew.goto(`chrome-extension://${extensionId}/options.html#renew=${tokenId}`);
  const form = renew.getByTestId('replace-form');
  await expect(form.getByTestId('replace-kept-label')).toHaveText('Work');
  // Renewed (the new token, with a date far off): nothing urgent, the badge is empty with the default title.
  await form.getByTestId('replace-secret').fill(SIM_TOKENS.aliceClassic.secret);
  await form.getByTestId('replace-expiry').fill(inDays(90));
  await form.getByTestId('replace-save').click();
  await expect(form).toHaveCount(0);
  await expect.poll(() => badge(serviceWorker)).toMatchObject({ text: '', title: 'Confluence Token Companion' });
  // No token was sent anywhere for the reminders: only the checks on saving and replacing, all reads.
  expect(sim.log.every((e) => e.method === 'GET')).toBe(true);
  // The worker logged no failure (a reminder, the badge or the alarm).
  expect(consoleMessages.filter((m) => m.source === 'worker' && m.type === 'error').map((m) => m.text)).toEqual([]);
});

test('the Reminders section changes the thresholds, kept across a reload', async ({ context, extensionId, serviceWorker, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  const section = options.getByTestId('reminders-section');
  for (const days of [30, 14, 7, 3, 1, 0]) await expect(section.getByTestId(`reminder-threshold-${days}`)).toBeChecked();
  await section.getByTestId('reminder-threshold-30').uncheck();
  await expect(section.getByTestId('reminders-status')).toHaveText('Saved.');
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(options, 'options-reminders');

  await options.reload();
  await expect(options.getByTestId('reminder-threshold-14')).toBeChecked();
  await expect(options.getByTestId('reminder-threshold-30')).not.toBeChecked();
  const stored = await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('reminders'));
  expect(stored).toMatchObject({ reminders: { schemaVersion: 1, data: { thresholds: [14, 7, 3, 1, 0] } } });
  // Nothing urgent: the badge is empty.
  expect(await badge(serviceWorker)).toMatchObject({ text: '', title: 'Confluence Token Companion' });
});
