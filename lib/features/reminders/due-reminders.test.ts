import { describe, expect, it } from 'vitest';
import { dueReminders } from './due-reminders';
import { remindersAreaDefinition, type RemindersData } from './reminders-area';
import { entrySubject } from './reminder-subject';
import { reminderEntry, reminderTokenSubject } from './test-tokens';

const fresh = (): RemindersData => remindersAreaDefinition.empty();

describe('dueReminders', () => {
  it('is due at each default threshold, 30, 14, 7, 3, 1 days before and on the day', () => {
    const token = reminderTokenSubject({ expiresOn: '2026-12-31' });
    const due = (today: string) => dueReminders([token], fresh(), today).map((d) => d.threshold);
    expect(due('2026-11-30')).toEqual([]); // 31 days left
    expect(due('2026-12-01')).toEqual([30]);
    expect(due('2026-12-17')).toEqual([14]);
    expect(due('2026-12-24')).toEqual([7]);
    expect(due('2026-12-28')).toEqual([3]);
    expect(due('2026-12-30')).toEqual([1]);
    expect(due('2026-12-31')).toEqual([0]);
    expect(due('2027-01-01')).toEqual([]); // expired: the badge says so
  });

  it('sends once per token and threshold', () => {
    const token = reminderTokenSubject({ expiresOn: '2026-12-08' });
    const [first] = dueReminders([token], fresh(), '2026-12-01');
    expect(first).toMatchObject({ threshold: 7, daysLeft: 7 });
    const state = { ...fresh(), sent: Object.fromEntries(first!.settles.map((k) => [k, '2026-12-01'])) };
    expect(dueReminders([token], state, '2026-12-01')).toEqual([]);
    expect(dueReminders([token], state, '2026-12-02')).toEqual([]); // 6 days: still the 7-day reminder
    expect(dueReminders([token], state, '2026-12-05').map((d) => d.threshold)).toEqual([3]);
  });

  it('catches up once after missed days: one reminder, the passed thresholds settled with it', () => {
    const token = reminderTokenSubject({ expiresOn: '2026-12-31' });
    // Asleep from 40 days before to 2 days before: 30, 14, 7 and 3 were all missed.
    const [late, ...more] = dueReminders([token], fresh(), '2026-12-29');
    expect(more).toEqual([]);
    expect(late).toMatchObject({ threshold: 3, daysLeft: 2 });
    expect(late!.settles.sort()).toEqual(['tok1@2026-12-31#14', 'tok1@2026-12-31#3', 'tok1@2026-12-31#30', 'tok1@2026-12-31#7']);
  });

  it('starts afresh for a renewed token with a new expiry date', () => {
    const old = reminderTokenSubject({ expiresOn: '2026-12-08' });
    const state = { ...fresh(), sent: { 'tok1@2026-12-08#7': '2026-12-01' } };
    const renewed = reminderTokenSubject({ expiresOn: '2026-12-06' });
    expect(dueReminders([old], state, '2026-12-01')).toEqual([]);
    expect(dueReminders([renewed], state, '2026-12-01').map((d) => d.threshold)).toEqual([7]);
  });

  it('follows the chosen thresholds and skips a snoozed token until the snooze ends', () => {
    const token = reminderTokenSubject({ expiresOn: '2026-12-08' });
    expect(dueReminders([token], { ...fresh(), thresholds: [1, 0] }, '2026-12-01')).toEqual([]);
    const snoozed = { ...fresh(), snoozedUntil: { 'tok1@2026-12-08': '2026-12-02' } };
    expect(dueReminders([token], snoozed, '2026-12-01')).toEqual([]);
    expect(dueReminders([token], snoozed, '2026-12-02').map((d) => d.threshold)).toEqual([7]);
    // A reminder snoozed after it was sent comes back once the snooze is over.
    const sentThenSnoozed = { ...snoozed, sent: { 'tok1@2026-12-08#7': '2026-12-01' } };
    expect(dueReminders([token], sentThenSnoozed, '2026-12-01')).toEqual([]);
    expect(dueReminders([token], sentThenSnoozed, '2026-12-02')).toMatchObject([{ threshold: 7, daysLeft: 6, endsSnooze: true }]);
  });

  it('ignores tokens without an expiry date', () => {
    const { expiresOn: _none, ...noExpiry } = reminderTokenSubject();
    expect(dueReminders([noExpiry], fresh(), '2026-12-01')).toEqual([]);
  });

  it('treats a reminder-only entry like a token, under a key no token can have', () => {
    // The same id for a token and an entry: each has its own reminders.
    const token = reminderTokenSubject({ id: 'same', expiresOn: '2026-12-05' });
    const entry = entrySubject(reminderEntry({ id: 'same', expiresOn: '2026-12-05' }));
    const due = dueReminders([token, entry], fresh(), '2026-12-02');
    expect(due.map((d) => [d.subject.id, d.threshold, d.subject.noSecret])).toEqual([
      ['same', 3, undefined],
      ['entry:same', 3, true],
    ]);
    const state = { ...fresh(), sent: Object.fromEntries(due[0]!.settles.map((k) => [k, '2026-12-02'])) };
    expect(dueReminders([token, entry], state, '2026-12-02').map((d) => d.subject.id)).toEqual(['entry:same']);
    const snoozed = { ...fresh(), snoozedUntil: { 'entry:same@2026-12-05': '2026-12-03' } };
    expect(dueReminders([token, entry], snoozed, '2026-12-02').map((d) => d.subject.id)).toEqual(['same']);
  });
});
