import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import type { TokenSummary } from '../tokens/token-summary';
import type { BadgeView } from './badge';
import { calendarDateIn } from './local-date';
import { API_TOKENS_URL, createReminderService } from './reminder-service';
import type { ReminderSurface } from './reminder-surface';
import type { ReminderEntry } from './reminder-entries-area';
import { createRemindersArea } from './reminders-area';
import { reminderEntry, reminderToken } from './test-tokens';

const HOUR = 3_600_000;

/** A reminder service on memory storage with a clock at `instant` seen from `timeZone`. */
function setUp(timeZone: string, start: string, tokens: TokenSummary[], entries: () => Promise<ReminderEntry[]> = async () => []) {
  let now = new Date(start).getTime();
  const shown: { id: string; title: string; message: string; buttons: string[] }[] = [];
  const badges: BadgeView[] = [];
  const opened: string[] = [];
  const local = createMemoryStorageArea();
  const errors: string[] = [];
  const surface: ReminderSurface = {
    showNotification: async (id, n) => void shown.push({ id, ...n }),
    clearNotification: async () => {},
    setBadge: async (view) => void badges.push(view),
    openTab: async (url) => void opened.push(url),
    optionsUrl: (hash) => `chrome-extension://ext/options.html#${hash}`,
  };
  const service = createReminderService({
    area: createRemindersArea(local),
    tokens: async () => tokens,
    entries,
    onError: (what, error) => void errors.push(`${what}: ${String(error)}`),
    surface,
    today: () => calendarDateIn(new Date(now), timeZone),
  });
  return { service, shown, badges, opened, local, errors, advance: (ms: number) => (now += ms) };
}

describe('reminder service', () => {
  it('Europe/Berlin: the 7-day reminder comes on the right local day across the 2026-03-29 change', async () => {
    // Expires 2026-04-02; 7 days before is 2026-03-26. The clock starts 23:30 CET on 03-25.
    const s = setUp('Europe/Berlin', '2026-03-25T22:30:00Z', [reminderToken({ expiresOn: '2026-04-02' })]);
    await s.service.setThresholds([7, 3]);
    await s.service.evaluate();
    expect(s.shown).toEqual([]); // 8 days left
    s.advance(1 * HOUR); // 00:30 on 03-26
    await s.service.evaluate();
    expect(s.shown.map((n) => n.title)).toEqual(['Token “Work” expires in 7 days']);
    // Every 24 hours: 03-27, 03-28, 03-29 at 00:30 CET (4 days left: nothing yet).
    for (let i = 0; i < 3; i++) {
      s.advance(24 * HOUR);
      await s.service.evaluate();
    }
    expect(s.shown).toHaveLength(1);
    s.advance(24 * HOUR); // across the change (a 23-hour day): 03-30 at 01:30 CEST, 3 days left
    await s.service.evaluate();
    expect(s.shown).toHaveLength(2);
    s.advance(22 * HOUR); // 03-30 at 23:30 CEST: still the same local day, nothing new
    await s.service.evaluate();
    await s.service.evaluate();
    expect(s.shown.map((n) => n.title)).toEqual(['Token “Work” expires in 7 days', 'Token “Work” expires in 3 days']);
  });

  it('America/New_York: the day of the 2026-11-01 change (25 hours) counts once', async () => {
    // Expires 2026-11-02; the clock starts 23:30 EDT on 10-31, then 24 hours later is 22:30 EST on 11-01.
    const s = setUp('America/New_York', '2026-11-01T03:30:00Z', [reminderToken({ expiresOn: '2026-11-02' })]);
    await s.service.setThresholds([7, 3, 1, 0]);
    await s.service.evaluate();
    // 10-31: 2 days left; the 7- and 3-day reminders were never sent, so one says how long is left.
    expect(s.shown.map((n) => n.title)).toEqual(['Token “Work” expires in 2 days']);
    s.advance(24 * HOUR);
    await s.service.evaluate();
    expect(s.shown.map((n) => n.title).at(-1)).toBe('Token “Work” expires tomorrow');
    s.advance(2 * HOUR); // 00:30 EST on 11-02
    await s.service.evaluate();
    expect(s.shown.map((n) => n.title).at(-1)).toBe('Token “Work” expires today');
    expect(s.shown).toHaveLength(3);
  });

  it('a late alarm after days asleep sends one reminder; evaluating again sends none', async () => {
    const s = setUp('Europe/Berlin', '2026-11-01T09:00:00Z', [reminderToken({ expiresOn: '2026-12-31' })]);
    await s.service.evaluate();
    s.advance(55 * 24 * HOUR); // asleep until 2026-12-26: 14 and 7 were missed
    await s.service.evaluate();
    await s.service.evaluate();
    await Promise.all([s.service.evaluate(), s.service.evaluate()]);
    // 2026-11-01 is 60 days before: nothing then; on waking, one reminder for all the missed ones.
    expect(s.shown.map((n) => n.title)).toEqual(['Token “Work” expires in 5 days']);
    expect(s.shown[0]).toMatchObject({
      id: 'ctc-reminder:tok1@2026-12-31',
      message: 'Used on acme.atlassian.net. It expires on 2026-12-31: create a new token and replace this one.',
      buttons: ['Snooze a day', 'Renew'],
    });
    expect(s.badges.at(-1)).toMatchObject({ text: '5' });
  });

  it('snoozes a day, opens the token page on a click, and the renew form from its button', async () => {
    const s = setUp('Europe/Berlin', '2026-12-01T09:00:00Z', [reminderToken({ expiresOn: '2026-12-08' })]);
    await s.service.evaluate();
    const id = s.shown[0]!.id;
    await s.service.onNotificationClicked(id);
    await s.service.onNotificationButton(id, 1);
    expect(s.opened).toEqual([API_TOKENS_URL, 'chrome-extension://ext/options.html#renew=tok1']);
    await s.service.onNotificationButton(id, 0);
    expect(s.local.dump().reminders).toMatchObject({ schemaVersion: 1, data: { snoozedUntil: { 'tok1@2026-12-08': '2026-12-02' } } });
    await s.service.evaluate();
    expect(s.shown).toHaveLength(1); // snoozed for the rest of the day
    s.advance(24 * HOUR); // 12-02: the snooze is over, the reminder comes back once
    await s.service.evaluate();
    await s.service.evaluate();
    expect(s.local.dump().reminders).toMatchObject({ data: { snoozedUntil: {} } });
    s.advance(3 * 24 * HOUR); // 12-05: 3 days left
    await s.service.evaluate();
    expect(s.shown.map((n) => n.title)).toEqual(['Token “Work” expires in 7 days', 'Token “Work” expires in 6 days', 'Token “Work” expires in 3 days']);
  });

  it('keeps the chosen thresholds and forgets what was sent for removed tokens', async () => {
    const tokens = [reminderToken({ expiresOn: '2026-12-08' })];
    const s = setUp('America/New_York', '2026-12-01T15:00:00Z', tokens);
    expect(await s.service.thresholds()).toEqual([30, 14, 7, 3, 1, 0]);
    expect(await s.service.setThresholds([0, 7, 99])).toBeUndefined();
    expect(await s.service.setThresholds([0, 7, 7])).toMatchObject({ thresholds: [7, 0] });
    await s.service.evaluate();
    expect(s.local.dump().reminders).toMatchObject({ data: { thresholds: [7, 0], sent: { 'tok1@2026-12-08#7': '2026-12-01' } } });
    tokens.pop();
    await s.service.evaluate();
    expect(s.local.dump().reminders).toMatchObject({ data: { sent: {} } });
  });

  it('reminds of a reminder-only entry like a token, saying it has no secret and where it is used', async () => {
    const entries = [reminderEntry({ id: 'tok1', expiresOn: '2026-12-04' })];
    // A token with the same id as the entry: two subjects, two reminders, two ids.
    const s = setUp('Europe/Berlin', '2026-12-01T09:00:00Z', [reminderToken({ expiresOn: '2026-12-04' })], async () => entries);
    await s.service.evaluate();
    expect(s.shown.map((n) => n.id)).toEqual(['ctc-reminder:tok1@2026-12-04', 'ctc-reminder:entry:tok1@2026-12-04']);
    expect(s.shown[1]).toEqual({
      id: 'ctc-reminder:entry:tok1@2026-12-04',
      title: 'Token “CI deploy” expires in 3 days',
      message: 'Reminder-only entry, no secret stored here. Used in: GitHub Actions: deploy job. It expires on 2026-12-04: create a new token and put it where this one is used.',
      buttons: ['Snooze a day', 'Renew'],
    });
    expect(s.badges.at(-1)).toMatchObject({ text: '3' });
    // Its "Renew" opens its own form (no secret to replace); a click opens Atlassian's page.
    await s.service.onNotificationButton(s.shown[1]!.id, 1);
    await s.service.onNotificationClicked(s.shown[1]!.id);
    expect(s.opened).toEqual(['chrome-extension://ext/options.html#entry=tok1', API_TOKENS_URL]);
    // Snoozing the entry leaves the token alone.
    await s.service.onNotificationButton(s.shown[1]!.id, 0);
    expect(s.local.dump().reminders).toMatchObject({ data: { snoozedUntil: { 'entry:tok1@2026-12-04': '2026-12-02' } } });
    s.advance(24 * 3_600_000);
    await s.service.evaluate();
    expect(s.shown.map((n) => n.id).slice(2)).toEqual(['ctc-reminder:entry:tok1@2026-12-04']); // back once the snooze is over
  });

  it('forgets what was sent for removed entries, but keeps it while the entries cannot be read', async () => {
    let entries: () => Promise<ReminderEntry[]> = async () => [reminderEntry({ expiresOn: '2026-12-04' })];
    const s = setUp('Europe/Berlin', '2026-12-01T09:00:00Z', [reminderToken({ expiresOn: '2026-12-08' })], () => entries());
    const sentFor = () => [...new Set(Object.keys((s.local.dump().reminders as { data: { sent: object } }).data.sent).map((k) => k.split('#')[0]))].sort();
    await s.service.evaluate();
    expect(sentFor()).toEqual(['entry:ent1@2026-12-04', 'tok1@2026-12-08']);
    entries = async () => Promise.reject(new Error('damaged'));
    await s.service.evaluate();
    expect(sentFor()).toEqual(['entry:ent1@2026-12-04', 'tok1@2026-12-08']);
    expect(s.errors).toEqual(['Reading the reminder-only entries: Error: damaged']);
    expect(s.badges.at(-1)).toMatchObject({ text: '7' }); // the tokens' badge goes on
    entries = async () => [];
    await s.service.evaluate();
    expect(sentFor()).toEqual(['tok1@2026-12-08']);
  });
});
