import type { BadgeView } from './badge';

/** What reminders need of the browser: notifications, the toolbar badge and opening a tab. */
export interface ReminderSurface {
  /** `buttons` are dropped where the browser has none (Firefox). */
  showNotification(id: string, notification: { title: string; message: string; buttons: string[] }): Promise<void>;
  clearNotification(id: string): Promise<void>;
  setBadge(view: BadgeView): Promise<void>;
  openTab(url: string): Promise<void>;
  /** The options page URL with `hash` (e.g. `renew=<id>`). */
  optionsUrl(hash: string): string;
}

/** For backgrounds without a browser (handler tests): nothing is shown. */
export const SILENT_REMINDER_SURFACE: ReminderSurface = {
  showNotification: async () => {},
  clearNotification: async () => {},
  setBadge: async () => {},
  openTab: async () => {},
  optionsUrl: (hash) => `options.html#${hash}`,
};
