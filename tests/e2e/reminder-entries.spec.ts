import type { Locator, Page, TestInfo, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eSettings } from '../support/e2e-settings';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { openOptions } from './options-helpers';
import { badge, badgeUpdates, clickNotificationButton, created, fireDailyAlarm, inDays, localIsoDate, recordNotifications, shownIds } from './reminder-helpers';

// Reminder-only entries in real Chromium (issue 7, section 2): tokens kept elsewhere, added in the
// options page with no secret, reminded of and shown on the badge like saved tokens; and "Snooze a day".

interface EntryFields {
  label: string;
  expiresOn: string;
  usedWhere?: string;
}

async function addEntry(options: Page, entry: EntryFields): Promise<Locator> {
  const section = options.getByTestId('reminder-entries');
  await section.getByTestId('reminder-entry-add').click();
  const form = section.getByTestId('reminder-entry-form');
  // The form takes the keyboard at once: typing goes to the name.
  await expect(form.getByTestId('entry-field-label')).toBeFocused();
  await options.keyboard.type(entry.label);
  await form.getByTestId('entry-field-expiry').fill(entry.expiresOn);
  if (entry.usedWhere) await form.getByTestId('entry-field-used-where').fill(entry.usedWhere);
  await form.getByTestId('reminder-entry-save').click();
  await expect(form).toHaveCount(0);
  return section.locator(`[data-testid="reminder-entry"][data-label="${entry.label}"]`);
}

const storedReminders = (worker: Worker) =>
  worker.evaluate(async () => (await (globalThis as ExtensionGlobal).chrome.storage.local.get('reminders')).reminders as { data: { snoozedUntil: Record<string, string> } });

/** The Reminders section alone, in tests/artifacts/, attached to the report. */
async function saveSectionScreenshot(section: Locator, name: string, testInfo: TestInfo): Promise<void> {
  mkdirSync(e2eSettings.artifactsDir, { recursive: true });
  const path = join(e2eSettings.artifactsDir, `${name}.png`);
  await section.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a reminder-only entry 3 days from expiry: added without a secret, its notification, the badge', async ({ context, extensionId, serviceWorker, sim, consoleMessages }, testInfo) => {
  await recordNotifications(serviceWorker);
  const options = await openOptions(context, extensionId);
  const expiresOn = inDays(3);
  const usedWhere = 'GitHub Actions secret CONFLUENCE_TOKEN in the docs repo';

  // A wrong form first: the sentences say what is wrong, nothing is saved.
  const section = options.getByTestId('reminder-entries');
  await expect(section.getByTestId('reminder-entries-empty')).toBeVisible();
  await section.getByTestId('reminder-entry-add').click();
  const form = section.getByTestId('reminder-entry-form');
  await form.getByTestId('reminder-entry-save').click();
  await expect(form.getByTestId('entry-field-error-label')).toHaveText('Give the entry a name, so that you can tell it apart from others.');
  await expect(form.getByTestId('entry-field-error-expiresOn')).toHaveText('Enter the date the token expires: the reminders count down to it.');
  await expect(form.getByTestId('entry-field-label')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('entry-field-label')).toBeFocused(); // the first thing to fix
  await form.getByTestId('entry-field-used-where').fill('x'.repeat(501));
  await form.getByTestId('reminder-entry-save').click();
  await expect(form.getByTestId('entry-field-error-usedWhere')).toHaveText('This is 501 characters long; keep where it is used to 500 characters or fewer.');
  await options.emulateMedia({ colorScheme: 'dark' });
  await saveSectionScreenshot(form, 'options-reminder-entry-form-dark', testInfo);
  await options.emulateMedia({ colorScheme: 'light' });
  // Escape closes the form, as Cancel does.
  await form.getByTestId('entry-field-label').press('Escape');
  await expect(form).toHaveCount(0);

  const row = await addEntry(options, { label: 'CI deploy', expiresOn, usedWhere });
  await expect(row.getByTestId('reminder-entry-no-secret')).toHaveText('No secret stored: reminder only');
  await expect(row.getByTestId('reminder-entry-expiry')).toHaveText(`Expires on ${expiresOn}, in 3 days.`);
  await expect(row.getByTestId('reminder-entry-used-where')).toHaveText(usedWhere);
  await expect(row.locator('.badge').first()).toHaveText('3 days left');
  // Stored in its own key, with no secret field; the tokens area is not touched.
  const stored = await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get(['reminderEntries', 'tokens']));
  expect(stored).toEqual({
    reminderEntries: { schemaVersion: 1, data: { entries: [{ id: expect.stringMatching(/^[0-9a-f]{32}$/), label: 'CI deploy', expiresOn, usedWhere }] } },
  });
  const entryId = (stored.reminderEntries as { data: { entries: { id: string }[] } }).data.entries[0]!.id;

  // Saving it sent what is due at once; the daily alarm the same day sends nothing more.
  await expect.poll(() => created(serviceWorker)).toHaveLength(1);
  const updatesBefore = await badgeUpdates(serviceWorker);
  await fireDailyAlarm(serviceWorker);
  await expect.poll(() => badgeUpdates(serviceWorker)).toBeGreaterThan(updatesBefore);
  const notifications = await created(serviceWorker);
  expect(notifications).toHaveLength(1);
  expect(notifications[0]).toEqual({
    id: `ctc-reminder:entry:${entryId}@${expiresOn}`,
    options: {
      type: 'basic',
      iconUrl: `chrome-extension://${extensionId}/icon-128.png`,
      title: 'Token “CI deploy” expires in 3 days',
      message: `Reminder-only entry, no secret stored here. Used in: ${usedWhere}. It expires on ${expiresOn}: create a new token and put it where this one is used.`,
      buttons: [{ title: 'Snooze a day' }, { title: 'Renew' }],
    },
  });
  await expect.poll(() => shownIds(serviceWorker)).toEqual([notifications[0]!.id]);
  expect(await badge(serviceWorker)).toEqual({ text: '3', colour: [230, 81, 0, 255], title: `Token “CI deploy” expires in 3 days, on ${expiresOn} (reminder only)` });

  // Screenshots of the section with the entry, light and dark.
  const reminders = options.getByTestId('reminders-section');
  await reminders.scrollIntoViewIfNeeded();
  await saveSectionScreenshot(reminders, 'options-reminder-entries-light', testInfo);
  await options.emulateMedia({ colorScheme: 'dark' });
  await saveSectionScreenshot(reminders, 'options-reminder-entries-dark', testInfo);
  await options.emulateMedia({ colorScheme: 'light' });

  // "Renew" on the entry's notification opens its own form (options.html#entry=<id>).
  // (The page takes the hash off once the form is open, so the URL asked for is read from tabs.create.)
  await serviceWorker.evaluate(() => {
    const g = globalThis as ExtensionGlobal & { ctcOpened?: string[] };
    const tabs = g.chrome.tabs as unknown as { create: (p: { url: string }) => unknown };
    const create = tabs.create.bind(tabs);
    g.ctcOpened = [];
    tabs.create = (properties) => (g.ctcOpened!.push(properties.url), create(properties));
  });
  const opened = context.waitForEvent('page');
  await clickNotificationButton(serviceWorker, notifications[0]!.id, 1);
  const renew = await opened;
  expect(await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal & { ctcOpened?: string[] }).ctcOpened)).toEqual([
    `chrome-extension://${extensionId}/options.html#entry=${entryId}`,
  ]);
  const renewForm = renew.getByTestId('reminder-entry-form');
  await expect(renewForm.getByTestId('entry-field-label')).toHaveValue('CI deploy');
  await expect(renewForm.getByTestId('entry-field-label')).toBeFocused();
  await renewForm.getByTestId('entry-field-expiry').fill(inDays(90));
  await renewForm.getByTestId('reminder-entry-save').click();
  await expect(renewForm).toHaveCount(0);
  await expect(renew.locator('[data-testid="reminder-entry"][data-label="CI deploy"]').getByTestId('reminder-entry-expiry')).toHaveText(`Expires on ${inDays(90)}, in 90 days.`);
  await expect.poll(() => badge(serviceWorker)).toMatchObject({ text: '', title: 'Confluence Token Companion' });
  // The first page hears of the change (a `reminders` notice) and shows the new date too.
  await expect(row.getByTestId('reminder-entry-expiry')).toHaveText(`Expires on ${inDays(90)}, in 90 days.`);

  // Removed after a confirmation: gone from the list.
  options.once('dialog', (dialog) => void dialog.accept());
  await row.getByTestId('reminder-entry-remove').click();
  await expect(row).toHaveCount(0);
  await expect(section.getByTestId('reminder-entries-empty')).toBeVisible();

  // Nothing was sent anywhere for an entry, and the worker logged no failure.
  expect(sim.log).toEqual([]);
  expect(consoleMessages.filter((m) => m.source === 'worker' && m.type === 'error').map((m) => m.text)).toEqual([]);
});

test('"Snooze a day": nothing more that day, even after the service worker restarts', async ({ context, extensionId, serviceWorker, consoleMessages }) => {
  await recordNotifications(serviceWorker);
  const options = await openOptions(context, extensionId);
  const today = localIsoDate(new Date());
  await addEntry(options, { label: 'Nightly export', expiresOn: today, usedWhere: 'cron on build-01' });
  await expect.poll(() => created(serviceWorker)).toHaveLength(1);
  const [notification] = await created(serviceWorker);
  expect(notification!.options.title).toBe('Token “Nightly export” expires today');
  const entryId = /^ctc-reminder:entry:([0-9a-f]{32})@/.exec(notification!.id)![1];

  // The first button, as a click on it arrives: the snooze is stored and the notification goes.
  await clickNotificationButton(serviceWorker, notification!.id, 0);
  await expect.poll(() => storedReminders(serviceWorker)).toMatchObject({ data: { snoozedUntil: { [`entry:${entryId}@${today}`]: inDays(1) } } });
  await expect.poll(() => shownIds(serviceWorker)).toEqual([]);

  // The alarm again the same day: evaluated (the badge was updated), nothing sent. (Each reminder
  // is sent once, so today stays quiet either way; what the snooze changes is that tomorrow's
  // evaluation sends it again, which reminder-service.test.ts shows with a clock. Here: the snooze
  // is stored and kept.)
  const updatesBefore = await badgeUpdates(serviceWorker);
  await fireDailyAlarm(serviceWorker);
  await expect.poll(() => badgeUpdates(serviceWorker)).toBeGreaterThan(updatesBefore);
  expect(await created(serviceWorker)).toHaveLength(1);
  // The badge still says it expires today: a snooze quiets notifications, not the badge.
  expect(await badge(serviceWorker)).toMatchObject({ text: '0', title: `Token “Nightly export” expires today, on ${today} (reminder only)` });

  // The service worker stops, as Chrome stops an idle one, and the page's next message starts a
  // new one, which evaluates at start; then the alarm fires. Playwright does not attach to the new
  // worker, so the options page (same extension, same APIs) watches: each evaluation ends by
  // setting the badge, so a badge text set to "…" coming back as "0" says one has run.
  const inPage = <T,>(run: () => Promise<T>) => options.evaluate(run);
  const cdp = await context.newCDPSession(options);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) =>
    states.push(...event.versions.filter((v) => v.scriptURL.includes(extensionId)).map((v) => v.runningStatus)),
  );
  await cdp.send('ServiceWorker.enable');
  await inPage(() => (globalThis as ExtensionGlobal).chrome.action.setBadgeText({ text: '…' }));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states.at(-1)).toBe('stopped');
  await options.reload();
  await expect(options.getByTestId('reminder-entries').getByTestId('reminder-entry')).toHaveCount(1);
  await expect.poll(() => states.at(-1)).toBe('running');
  const badgeText = () => inPage(() => (globalThis as ExtensionGlobal).chrome.action.getBadgeText({}));
  const shown = () => inPage(async () => Object.keys(await (globalThis as ExtensionGlobal).chrome.notifications.getAll()));
  await expect.poll(badgeText).toBe('0'); // the new worker's start-up evaluation is done
  expect(await shown()).toEqual([]);
  await inPage(() => (globalThis as ExtensionGlobal).chrome.action.setBadgeText({ text: '…' }));
  await inPage(() => (globalThis as ExtensionGlobal).chrome.alarms.create('ctc-daily', { when: Date.now(), periodInMinutes: 24 * 60 }));
  await expect.poll(badgeText).toBe('0'); // the alarm's evaluation is done
  expect(await shown()).toEqual([]);
  const after = await inPage(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('reminders'));
  expect(after).toMatchObject({ reminders: { data: { snoozedUntil: { [`entry:${entryId}@${today}`]: inDays(1) } } } });
  expect(consoleMessages.filter((m) => m.source === 'worker' && m.type === 'error').map((m) => m.text)).toEqual([]);
});
