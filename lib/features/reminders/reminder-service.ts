import { addDays, type IsoDate } from '../tokens/iso-date';
import type { TokenSummary } from '../tokens/token-summary';
import { badgeFor } from './badge';
import { dueReminders } from './due-reminders';
import { expiryKey, parseReminderNotificationId, reminderNotificationId } from './reminder-keys';
import type { ReminderSurface } from './reminder-surface';
import { reminderMessage, reminderTitle } from './reminder-text';
import type { RemindersData } from './reminders-area';
import { normaliseThresholds, type ReminderThreshold } from './thresholds';
import type { VersionedArea } from '../../core/storage/versioned-area';

/** Where Atlassian Cloud API tokens are created and revoked. */
export const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';

/** Notification buttons, in this order, where the browser has buttons. */
export const REMINDER_BUTTONS = ['Snooze a day', 'Renew'] as const;

export interface ReminderServiceDeps {
  area: VersionedArea<RemindersData>;
  /** The saved tokens (summaries: no secret is needed to remind). */
  tokens(): Promise<TokenSummary[]>;
  surface: ReminderSurface;
  /** The person's local calendar date now. */
  today(): IsoDate;
}

export interface ReminderService {
  /** Sends the reminders due today (each once) and updates the badge. */
  evaluate(): Promise<void>;
  refreshBadge(): Promise<void>;
  thresholds(): Promise<ReminderThreshold[]>;
  setThresholds(thresholds: readonly number[]): Promise<ReminderThreshold[]>;
  onNotificationClicked(notificationId: string): Promise<void>;
  onNotificationButton(notificationId: string, buttonIndex: number): Promise<void>;
}

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  // One evaluation at a time: start-up and an alarm firing together must not both send.
  let evaluating: Promise<void> = Promise.resolve();

  async function refreshBadge(): Promise<void> {
    await deps.surface.setBadge(badgeFor(await deps.tokens(), deps.today()));
  }

  async function evaluateOnce(): Promise<void> {
    const today = deps.today();
    const tokens = await deps.tokens();
    const state = await deps.area.read();
    for (const reminder of dueReminders(tokens, state, today)) {
      await deps.surface.showNotification(reminderNotificationId({ id: reminder.token.id, expiresOn: reminder.expiresOn }), {
        title: reminderTitle(reminder.token, reminder.daysLeft),
        message: reminderMessage(reminder.token, reminder.expiresOn),
        buttons: [...REMINDER_BUTTONS],
      });
      const snoozeKey = expiryKey({ id: reminder.token.id, expiresOn: reminder.expiresOn });
      await deps.area.update((current) => ({
        ...current,
        sent: { ...current.sent, ...Object.fromEntries(reminder.settles.map((key) => [key, today])) },
        snoozedUntil: reminder.endsSnooze
          ? Object.fromEntries(Object.entries(current.snoozedUntil).filter(([key]) => key !== snoozeKey))
          : current.snoozedUntil,
      }));
    }
    // Entries of removed tokens or old expiry dates are never needed again.
    const live = new Set(tokens.flatMap((t) => (t.expiresOn ? [expiryKey({ id: t.id, expiresOn: t.expiresOn })] : [])));
    const keep = (key: string) => live.has(key.split('#')[0]!);
    await deps.area.update((current) => ({
      ...current,
      sent: Object.fromEntries(Object.entries(current.sent).filter(([key]) => keep(key))),
      snoozedUntil: Object.fromEntries(Object.entries(current.snoozedUntil).filter(([key]) => keep(key))),
    }));
    await refreshBadge();
  }

  async function snooze(notificationId: string): Promise<void> {
    const about = parseReminderNotificationId(notificationId);
    if (!about) return;
    const until = addDays(deps.today(), 1);
    await deps.area.update((current) => ({
      ...current,
      snoozedUntil: { ...current.snoozedUntil, [expiryKey({ id: about.tokenId, expiresOn: about.expiresOn })]: until },
    }));
  }

  return {
    evaluate() {
      const run = evaluating.then(evaluateOnce);
      evaluating = run.catch(() => undefined);
      return run;
    },
    refreshBadge,
    thresholds: async () => (await deps.area.read()).thresholds,
    async setThresholds(thresholds) {
      const next = normaliseThresholds(thresholds);
      await deps.area.update((current) => ({ ...current, thresholds: next }));
      return next;
    },
    async onNotificationClicked(notificationId) {
      if (!parseReminderNotificationId(notificationId)) return;
      await deps.surface.openTab(API_TOKENS_URL);
      await deps.surface.clearNotification(notificationId);
    },
    async onNotificationButton(notificationId, buttonIndex) {
      const about = parseReminderNotificationId(notificationId);
      if (!about) return;
      if (REMINDER_BUTTONS[buttonIndex] === 'Snooze a day') await snooze(notificationId);
      if (REMINDER_BUTTONS[buttonIndex] === 'Renew') await deps.surface.openTab(deps.surface.optionsUrl(`renew=${about.tokenId}`));
      await deps.surface.clearNotification(notificationId);
    },
  };
}
