import type { BadgeView } from './badge';
import type { ReminderSurface } from './reminder-surface';

/** The slices of the WebExtension API the reminder surface uses (`browser` from wxt/browser fits). */
export interface ReminderBrowser {
  notifications: {
    create(id: string, options: Record<string, unknown>): Promise<string>;
    clear(id: string): Promise<boolean>;
    onButtonClicked?: unknown;
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: { getURL(path: string): string };
}

/**
 * Whether notifications can carry buttons: Chrome has them, Firefox has neither the option nor
 * `onButtonClicked` (and refuses a notification that names them).
 */
export function notificationsHaveButtons(notifications: ReminderBrowser['notifications']): boolean {
  return notifications.onButtonClicked !== undefined;
}

export function browserReminderSurface(api: ReminderBrowser, iconPath = '/icon-128.png'): ReminderSurface {
  const withButtons = notificationsHaveButtons(api.notifications);
  return {
    async showNotification(id, { title, message, buttons }) {
      await api.notifications.create(id, {
        type: 'basic',
        // Chrome requires an icon for basic notifications.
        iconUrl: api.runtime.getURL(iconPath),
        title,
        message,
        ...(withButtons ? { buttons: buttons.map((b) => ({ title: b })) } : {}),
      });
    },
    async clearNotification(id) {
      await api.notifications.clear(id);
    },
    async setBadge(view: BadgeView) {
      await api.action.setBadgeText({ text: view.text });
      if (view.text !== '') await api.action.setBadgeBackgroundColor({ color: view.colour });
      await api.action.setTitle({ title: view.title });
    },
    async openTab(url) {
      await api.tabs.create({ url });
    },
    optionsUrl: (hash) => api.runtime.getURL(`/options.html#${hash}`),
  };
}
