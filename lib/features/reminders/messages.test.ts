import { describe, expect, it } from 'vitest';
import { createTestBackground, OPTIONS_PAGE } from '../../testing/background';
import { ENTRIES_DAMAGED_SENTENCE } from './reminder-entries';

describe('reminder messages', () => {
  it('reminders-settings gives the defaults; reminders-set-thresholds keeps a valid choice', async () => {
    const bg = createTestBackground();
    const all = [30, 14, 7, 3, 1, 0];
    const plain = { locked: [], defaultsFromOrganisation: false };
    expect(await bg.route({ type: 'reminders-settings' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { thresholds: all, choices: all, ...plain } });
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [0, 7] }, OPTIONS_PAGE)).toEqual({ ok: true, data: { thresholds: [7, 0], choices: all, ...plain } });
    expect(await bg.route({ type: 'reminders-settings' }, OPTIONS_PAGE)).toMatchObject({ data: { thresholds: [7, 0] } });
    expect(bg.local.dump().reminders).toMatchObject({ schemaVersion: 1, data: { thresholds: [7, 0], thresholdsChosen: true } });
  });

  it('refuses a threshold that is not a choice', async () => {
    const bg = createTestBackground();
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [5] }, OPTIONS_PAGE)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [-1] }, OPTIONS_PAGE)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(bg.local.dump().reminders).toBeUndefined();
  });
});

describe('reminder-only entry messages', () => {
  // The test background's clock: 2025-01-06 09:00 UTC, that calendar date from UTC−9 to UTC+14.
  const input = { label: 'CI deploy', expiresOn: '2025-01-09', usedWhere: 'GitHub Actions' };

  it('adds, lists, updates and removes an entry; each write tells pages and re-evaluates the reminders', async () => {
    const bg = createTestBackground();
    expect(await bg.route({ type: 'reminder-entries-list' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { entries: [] } });
    const added = await bg.route({ type: 'reminder-entries-save', input }, OPTIONS_PAGE);
    expect(added).toMatchObject({ ok: true, data: { ok: true, entry: { label: 'CI deploy', expiresOn: '2025-01-09', usedWhere: 'GitHub Actions' } } });
    const id = (added as { data: { entry: { id: string } } }).data.entry.id;
    expect(bg.notices).toContain('reminders');
    // Due at once (3 days left): what was sent is recorded under the entry's own key.
    expect(bg.local.dump().reminders).toMatchObject({ data: { sent: { [`entry:${id}@2025-01-09#3`]: '2025-01-06' } } });
    const updated = await bg.route({ type: 'reminder-entries-save', id, input: { label: 'CI', expiresOn: '2025-04-01' } }, OPTIONS_PAGE);
    expect(updated).toEqual({ ok: true, data: { ok: true, entry: { id, label: 'CI', expiresOn: '2025-04-01', usedWhere: '' } } });
    expect(await bg.route({ type: 'reminder-entries-list' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { entries: [{ id, label: 'CI', expiresOn: '2025-04-01', usedWhere: '' }] } });
    expect(await bg.route({ type: 'reminder-entries-remove', id }, OPTIONS_PAGE)).toEqual({ ok: true, data: { removed: true } });
    expect(await bg.route({ type: 'reminder-entries-remove', id }, OPTIONS_PAGE)).toEqual({ ok: true, data: { removed: false } });
    // The removed entry's reminder keys went with it.
    expect(bg.local.dump().reminders).toMatchObject({ data: { sent: {} } });
  });

  it('answers bad input with a sentence per field, and an unknown id as not found', async () => {
    const bg = createTestBackground();
    expect(await bg.route({ type: 'reminder-entries-save', input: { label: '', expiresOn: '2025-01-05' } }, OPTIONS_PAGE)).toEqual({
      ok: true,
      data: {
        ok: false,
        reason: 'invalid',
        errors: { label: 'Give the entry a name, so that you can tell it apart from others.', expiresOn: 'This date has passed. Choose 2025-01-06 or a later date.' },
      },
    });
    expect(await bg.route({ type: 'reminder-entries-save', id: 'gone', input }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { ok: false, reason: 'not-found' } });
    expect(bg.local.dump().reminderEntries).toBeUndefined();
  });

  it('refuses messages that do not fit: extra fields, a secret, a bad id, a content script', async () => {
    const bg = createTestBackground();
    for (const bad of [
      { type: 'reminder-entries-save', input: { ...input, secret: 'x' } },
      { type: 'reminder-entries-save', input, extra: 1 },
      { type: 'reminder-entries-remove', id: 'a/b' },
      { type: 'reminder-entries-list', all: true },
    ]) {
      expect(await bg.route(bad, OPTIONS_PAGE), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    const page = bg.openTab(7, 'https://acme.atlassian.net/wiki/spaces/X');
    expect(await bg.route({ type: 'reminder-entries-list' }, page)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
  });

  it('damaged stored entries: the list is refused with a sentence, nothing is overwritten, a reset starts again', async () => {
    const bg = createTestBackground();
    const damaged = { schemaVersion: 1, data: { entries: [{ id: 'e1', label: 'x' }] } };
    await bg.local.set({ reminderEntries: damaged });
    const refused = { ok: false, error: { code: 'rejected', message: ENTRIES_DAMAGED_SENTENCE } };
    expect(await bg.route({ type: 'reminder-entries-list' }, OPTIONS_PAGE)).toEqual(refused);
    expect(await bg.route({ type: 'reminder-entries-save', input }, OPTIONS_PAGE)).toEqual(refused);
    expect(bg.local.dump().reminderEntries).toEqual(damaged);
    // The reminders of saved tokens go on: evaluating does not fail on the damaged entries.
    expect(await bg.route({ type: 'reminders-set-thresholds', thresholds: [3] }, OPTIONS_PAGE)).toMatchObject({ ok: true });
    expect(await bg.route({ type: 'reminder-entries-reset' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { reset: true } });
    expect(await bg.route({ type: 'reminder-entries-list' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { entries: [] } });
  });
});
