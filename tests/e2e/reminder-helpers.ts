import type { Worker } from '@playwright/test';
import type { ExtensionGlobal } from '../support/extension-global';

/*
 * Watching expiry reminders from the service worker: what notifications it creates, the badge,
 * and firing the daily alarm. Shared by reminders.spec.ts and reminder-entries.spec.ts.
 */

/** Notifications the service worker created, as `chrome.notifications.create` received them. */
export interface CreatedNotification {
  id: string;
  options: { type: string; title: string; message: string; iconUrl: string; buttons?: { title: string }[] };
}
type PatchedGlobal = ExtensionGlobal & { ctcCreatedNotifications?: CreatedNotification[]; ctcBadgeUpdates?: number };

/**
 * `getAll` gives only ids, so the test records what `create` is given, and counts badge updates
 * (each evaluation ends with one): the worker's own API, wrapped at run time.
 */
export async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as PatchedGlobal;
    const notifications = g.chrome.notifications as unknown as { create: (...args: unknown[]) => unknown };
    const create = notifications.create.bind(notifications);
    g.ctcCreatedNotifications = [];
    notifications.create = (...args: unknown[]) => {
      g.ctcCreatedNotifications!.push({ id: args[0] as string, options: args[1] as CreatedNotification['options'] });
      return create(...args);
    };
    const action = g.chrome.action as unknown as { setBadgeText: (...args: unknown[]) => unknown };
    const setBadgeText = action.setBadgeText.bind(action);
    g.ctcBadgeUpdates = 0;
    action.setBadgeText = (...args: unknown[]) => {
      g.ctcBadgeUpdates!++;
      return setBadgeText(...args);
    };
  });
}

export const badgeUpdates = (worker: Worker) => worker.evaluate(() => (globalThis as PatchedGlobal).ctcBadgeUpdates ?? 0);

export const created = (worker: Worker) => worker.evaluate(() => (globalThis as PatchedGlobal).ctcCreatedNotifications ?? []);
export const shownIds = (worker: Worker) => worker.evaluate(async () => Object.keys(await (globalThis as ExtensionGlobal).chrome.notifications.getAll()));

/** Fires the daily alarm now, through the real alarms API (it stays daily afterwards). */
export async function fireDailyAlarm(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const alarms = (globalThis as ExtensionGlobal).chrome.alarms;
    const fired = new Promise<void>((resolve) => {
      const listener = (alarm: { name: string }) => {
        if (alarm.name !== 'ctc-daily') return;
        alarms.onAlarm.removeListener(listener);
        resolve();
      };
      alarms.onAlarm.addListener(listener);
    });
    await alarms.create('ctc-daily', { when: Date.now(), periodInMinutes: 24 * 60 });
    await fired;
  });
}

export async function badge(worker: Worker) {
  return worker.evaluate(async () => {
    const action = (globalThis as ExtensionGlobal).chrome.action;
    return { text: await action.getBadgeText({}), colour: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });
}

export const localIsoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
export const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localIsoDate(d);
};

/**
 * A click on a notification's button, as the browser delivers it: Chrome's event object
 * dispatches to every listener the worker added (entrypoints/background.ts's among them), with
 * the arguments a real click carries. Headless Chromium shows no notification to click.
 */
export async function clickNotificationButton(worker: Worker, notificationId: string, buttonIndex: number): Promise<void> {
  await worker.evaluate(
    ([id, index]) => {
      const event = (globalThis as ExtensionGlobal).chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void };
      event.dispatch(id, index);
    },
    [notificationId, buttonIndex] as const,
  );
}
