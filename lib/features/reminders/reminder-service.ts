import { API_TOKENS_URL } from '../../atlassian/api-tokens-url';
import { addDays, type IsoDate } from '../tokens/iso-date';
import type { TokenSummary } from '../tokens/token-summary';
import { badgeFor } from './badge';
import { dueReminders } from './due-reminders';
import type { ReminderEntry } from './reminder-entries-area';
import { expiryKey, parseReminderNotificationId, reminderNotificationId } from './reminder-keys';
import { ENTRY_SUBJECT_PREFIX, entryIdOf, entrySubject, tokenSubject, type ReminderSubject } from './reminder-subject';
import type { ReminderSurface } from './reminder-surface';
import { reminderMessage, reminderTitle } from './reminder-text';
import type { RemindersData } from './reminders-area';
import { DEFAULT_REMINDER_THRESHOLDS, normaliseThresholds, thresholdSettings, type ReminderThreshold, type ThresholdRules, type ThresholdSettings } from './thresholds';
import type { VersionedArea } from '../../core/storage/versioned-area';

export { API_TOKENS_URL };

/** Notification buttons, in this order, where the browser has buttons. */
export const REMINDER_BUTTONS = ['Snooze a day', 'Renew'] as const;

export interface ReminderServiceDeps {
  area: VersionedArea<RemindersData>;
  /** The saved tokens (summaries: no secret is needed to remind). */
  tokens(): Promise<TokenSummary[]>;
  /** Reminder-only entries (none: only tokens are reminded of). */
  entries?(): Promise<ReminderEntry[]>;
  /** Where a failure to read the entries goes; the tokens' reminders go on without them. */
  onError?(what: string, error: unknown): void;
  surface: ReminderSurface;
  /** The person's local calendar date now. */
  today(): IsoDate;
  /** The organisation's defaults and floor (none: the person's own thresholds only). */
  thresholdRules?(): Promise<ThresholdRules>;
}

export interface ReminderService {
  /** Sends the reminders due today (each once) and updates the badge. */
  evaluate(): Promise<void>;
  refreshBadge(): Promise<void>;
  /** The thresholds that apply (the person's or the organisation's defaults, with its floor). */
  thresholds(): Promise<ReminderThreshold[]>;
  settings(): Promise<ThresholdSettings>;
  /** Saves the person's own choice; a threshold not offered is refused (undefined). */
  setThresholds(thresholds: readonly number[]): Promise<ThresholdSettings | undefined>;
  onNotificationClicked(notificationId: string): Promise<void>;
  onNotificationButton(notificationId: string, buttonIndex: number): Promise<void>;
}

/** Data from before `thresholdsChosen` existed: thresholds other than the defaults were chosen. */
function chosenBefore(data: RemindersData): boolean {
  return data.thresholdsChosen ?? normaliseThresholds(data.thresholds).join() !== DEFAULT_REMINDER_THRESHOLDS.join();
}

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  async function settingsOf(data: RemindersData): Promise<ThresholdSettings> {
    return thresholdSettings(data.thresholds, chosenBefore(data), (await deps.thresholdRules?.()) ?? {});
  }

  // One evaluation at a time: start-up and an alarm firing together must not both send.
  let evaluating: Promise<void> = Promise.resolve();

  /** Tokens and entries alike; `entriesRead` is false when the entries could not be read. */
  async function subjects(): Promise<{ subjects: ReminderSubject[]; entriesRead: boolean }> {
    const [tokens, entries] = await Promise.all([
      deps.tokens(),
      (deps.entries?.() ?? Promise.resolve([])).catch((error: unknown) => {
        deps.onError?.('Reading the reminder-only entries', error);
        return undefined;
      }),
    ]);
    return { subjects: [...tokens.map(tokenSubject), ...(entries ?? []).map(entrySubject)], entriesRead: entries !== undefined };
  }

  async function refreshBadge(): Promise<void> {
    await deps.surface.setBadge(badgeFor((await subjects()).subjects, deps.today()));
  }

  async function evaluateOnce(): Promise<void> {
    const today = deps.today();
    const { subjects: all, entriesRead } = await subjects();
    const stored = await deps.area.read();
    const state = { ...stored, thresholds: (await settingsOf(stored)).thresholds };
    for (const reminder of dueReminders(all, state, today)) {
      await deps.surface.showNotification(reminderNotificationId({ id: reminder.subject.id, expiresOn: reminder.expiresOn }), {
        title: reminderTitle(reminder.subject, reminder.daysLeft),
        message: reminderMessage(reminder.subject, reminder.expiresOn),
        buttons: [...REMINDER_BUTTONS],
      });
      const snoozeKey = expiryKey({ id: reminder.subject.id, expiresOn: reminder.expiresOn });
      await deps.area.update((current) => ({
        ...current,
        sent: { ...current.sent, ...Object.fromEntries(reminder.settles.map((key) => [key, today])) },
        snoozedUntil: reminder.endsSnooze
          ? Object.fromEntries(Object.entries(current.snoozedUntil).filter(([key]) => key !== snoozeKey))
          : current.snoozedUntil,
      }));
    }
    // Keys of removed tokens and entries or old expiry dates are never needed again; while the
    // entries cannot be read, theirs are kept (an entry not read is not an entry removed).
    const live = new Set(all.flatMap((s) => (s.expiresOn ? [expiryKey({ id: s.id, expiresOn: s.expiresOn })] : [])));
    const keep = (key: string) => live.has(key.split('#')[0]!) || (!entriesRead && key.startsWith(ENTRY_SUBJECT_PREFIX));
    await deps.area.update((current) => ({
      ...current,
      sent: Object.fromEntries(Object.entries(current.sent).filter(([key]) => keep(key))),
      snoozedUntil: Object.fromEntries(Object.entries(current.snoozedUntil).filter(([key]) => keep(key))),
    }));
    await deps.surface.setBadge(badgeFor(all, today));
  }

  async function snooze(notificationId: string): Promise<void> {
    const about = parseReminderNotificationId(notificationId);
    if (!about) return;
    const until = addDays(deps.today(), 1);
    await deps.area.update((current) => ({
      ...current,
      snoozedUntil: { ...current.snoozedUntil, [expiryKey({ id: about.subjectId, expiresOn: about.expiresOn })]: until },
    }));
  }

  return {
    evaluate() {
      const run = evaluating.then(evaluateOnce);
      evaluating = run.catch(() => undefined);
      return run;
    },
    refreshBadge,
    thresholds: async () => (await settingsOf(await deps.area.read())).thresholds,
    settings: async () => settingsOf(await deps.area.read()),
    async setThresholds(thresholds) {
      const { choices, locked } = await settingsOf(await deps.area.read());
      if (!thresholds.every((t) => choices.includes(t))) return undefined;
      // The floor is the organisation's, not the person's: it is not stored as their choice.
      const next = normaliseThresholds(thresholds.filter((t) => !locked.includes(t)), choices);
      const saved = await deps.area.update((current) => ({ ...current, thresholds: next, thresholdsChosen: true }));
      return settingsOf(saved);
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
      if (REMINDER_BUTTONS[buttonIndex] === 'Renew') {
        // An entry has no secret to replace: its own form, where its new expiry date goes.
        const entryId = entryIdOf(about.subjectId);
        await deps.surface.openTab(deps.surface.optionsUrl(entryId !== undefined ? `entry=${entryId}` : `renew=${about.subjectId}`));
      }
      await deps.surface.clearNotification(notificationId);
    },
  };
}
