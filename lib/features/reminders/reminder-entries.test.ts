import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { ENTRIES_DAMAGED_SENTENCE, ENTRIES_TOO_NEW_SENTENCE, ENTRY_NOT_FOUND_SENTENCE, createReminderEntries, ReminderEntriesUnreadableError } from './reminder-entries';
import { REMINDER_ENTRIES_STORAGE_KEY } from './reminder-entries-area';

const TODAY = '2026-12-02';

function setUp(initial: Record<string, unknown> = {}) {
  const local = createMemoryStorageArea(initial);
  let n = 0;
  // Predictable ids: byte i of call n is n + i.
  const randomBytes = (length: number) => Uint8Array.from({ length }, (_, i) => (n + i) % 256);
  const entries = createReminderEntries({ local, today: () => TODAY, randomBytes: (length) => (n++, randomBytes(length)) });
  return { local, entries };
}

describe('reminder-only entries', () => {
  it('adds an entry with a vault-style id, trimmed, in its own versioned key', async () => {
    const { local, entries } = setUp();
    const saved = await entries.save({ label: '  CI deploy ', expiresOn: '2026-12-05', usedWhere: ' GitHub Actions ' });
    expect(saved).toEqual({ ok: true, entry: { id: expect.stringMatching(/^[0-9a-f]{32}$/), label: 'CI deploy', expiresOn: '2026-12-05', usedWhere: 'GitHub Actions' } });
    expect(local.dump()).toEqual({ [REMINDER_ENTRIES_STORAGE_KEY]: { schemaVersion: 1, data: { entries: [saved.ok && saved.entry] } } });
    // No place of use is fine: it is optional.
    expect(await entries.save({ label: 'Script', expiresOn: '2026-12-03' })).toMatchObject({ ok: true, entry: { usedWhere: '' } });
    // Soonest first.
    expect((await entries.list()).map((e) => e.label)).toEqual(['Script', 'CI deploy']);
  });

  it('updates and removes by id; an unknown id is not found and nothing is written', async () => {
    const { local, entries } = setUp();
    const added = await entries.save({ label: 'CI', expiresOn: '2026-12-05' });
    if (!added.ok) throw new Error('not added');
    const id = added.entry.id;
    expect(await entries.save({ label: 'CI (renewed)', expiresOn: '2027-03-01', usedWhere: 'Jenkins' }, id)).toEqual({
      ok: true,
      entry: { id, label: 'CI (renewed)', expiresOn: '2027-03-01', usedWhere: 'Jenkins' },
    });
    const before = local.dump();
    expect(await entries.save({ label: 'X', expiresOn: '2027-01-01' }, 'nope')).toEqual({ ok: false, reason: 'not-found', message: ENTRY_NOT_FOUND_SENTENCE });
    expect(await entries.remove('nope')).toBe(false);
    expect(local.dump()).toEqual(before);
    expect(await entries.remove(id)).toBe(true);
    expect(await entries.list()).toEqual([]);
  });

  it('says in a sentence per field what is wrong, and saves nothing', async () => {
    const { local, entries } = setUp();
    const errorsOf = async (input: { label: string; expiresOn: string; usedWhere?: string }) => {
      const result = await entries.save(input);
      return result.ok ? {} : result.reason === 'invalid' ? result.errors : { other: result.message };
    };
    expect(await errorsOf({ label: '  ', expiresOn: '', usedWhere: 'x'.repeat(501) })).toEqual({
      label: 'Give the entry a name, so that you can tell it apart from others.',
      expiresOn: 'Enter the date the token expires: the reminders count down to it.',
      usedWhere: 'This is 501 characters long; keep where it is used to 500 characters or fewer.',
    });
    expect(await errorsOf({ label: 'x'.repeat(81), expiresOn: '05/12/2026' })).toEqual({
      label: 'The name is 81 characters long; keep it to 80 or fewer.',
      expiresOn: 'Enter the date as YYYY-MM-DD, for example 2030-06-30.',
    });
    expect(await errorsOf({ label: 'ok', expiresOn: '2026-02-30' })).toEqual({ expiresOn: '2026-02-30 is not a date that exists in the calendar.' });
    expect(await errorsOf({ label: 'ok', expiresOn: '2026-12-01' })).toEqual({ expiresOn: 'This date has passed. Choose 2026-12-02 or a later date.' });
    expect(local.dump()).toEqual({});
    // 80 characters (counted as people count them, not UTF-16 units), 500 of usedWhere and today are fine.
    expect(await entries.save({ label: '🔑'.repeat(80), expiresOn: TODAY, usedWhere: 'é'.repeat(500) })).toMatchObject({ ok: true });
    expect(await errorsOf({ label: 'BUILD', expiresOn: TODAY })).toEqual({});
    expect(await errorsOf({ label: 'build ', expiresOn: TODAY })).toEqual({ label: 'Another reminder-only entry already has this name. Choose a different name.' });
    expect(await errorsOf({ label: ` ${'🔑'.repeat(80)} `, expiresOn: TODAY })).toEqual({ label: 'Another reminder-only entry already has this name. Choose a different name.' });
  });

  it('keeps a saved date that has passed since when editing, but refuses a new past one', async () => {
    const local = createMemoryStorageArea({ [REMINDER_ENTRIES_STORAGE_KEY]: { schemaVersion: 1, data: { entries: [{ id: 'e1', label: 'Old', expiresOn: '2026-11-20', usedWhere: '' }] } } });
    const entries = createReminderEntries({ local, today: () => TODAY });
    expect(await entries.save({ label: 'Old but noted', expiresOn: '2026-11-20' }, 'e1')).toMatchObject({ ok: true });
    expect(await entries.save({ label: 'Old', expiresOn: '2026-11-21' }, 'e1')).toMatchObject({ ok: false, errors: { expiresOn: expect.stringMatching(/^This date has passed/) } });
  });

  it('damaged stored data: the list says so in a sentence, and nothing is overwritten until a reset', async () => {
    for (const stored of [
      { schemaVersion: 1, data: { entries: [{ id: 'e1', label: 'x', expiresOn: 'soon', usedWhere: '' }] } },
      { schemaVersion: 1, data: { entries: 'nope' } },
      { entries: [] }, // no envelope: not data this version wrote
      'garbage',
    ]) {
      const { local, entries } = setUp({ [REMINDER_ENTRIES_STORAGE_KEY]: stored });
      const listing = entries.list();
      await expect(listing).rejects.toBeInstanceOf(ReminderEntriesUnreadableError);
      await expect(listing).rejects.toThrow(ENTRIES_DAMAGED_SENTENCE);
      await expect(entries.save({ label: 'New', expiresOn: '2026-12-05' })).rejects.toThrow(ENTRIES_DAMAGED_SENTENCE);
      await expect(entries.remove('e1')).rejects.toThrow(ENTRIES_DAMAGED_SENTENCE);
      expect(local.dump()).toEqual({ [REMINDER_ENTRIES_STORAGE_KEY]: stored });
      await entries.reset();
      expect(await entries.list()).toEqual([]);
    }
  });

  it('data from a newer version is left untouched, with its own sentence', async () => {
    const stored = { schemaVersion: 2, data: { entries: [], more: true } };
    const { local, entries } = setUp({ [REMINDER_ENTRIES_STORAGE_KEY]: stored });
    await expect(entries.list()).rejects.toThrow(ENTRIES_TOO_NEW_SENTENCE);
    await expect(entries.save({ label: 'New', expiresOn: '2026-12-05' })).rejects.toThrow(ENTRIES_TOO_NEW_SENTENCE);
    expect(local.dump()).toEqual({ [REMINDER_ENTRIES_STORAGE_KEY]: stored });
  });

  it('serialises concurrent saves so none is lost', async () => {
    const { entries } = setUp();
    await Promise.all(['a', 'b', 'c'].map((label) => entries.save({ label, expiresOn: '2026-12-05' })));
    expect((await entries.list()).map((e) => e.label).sort()).toEqual(['a', 'b', 'c']);
  });

  it('reads a frozen sample of version 1 as it is, and writes it back in the same shape', async () => {
    // Frozen: the stored shape of version 1. A version 2 needs a migration from exactly this.
    const v1 = {
      schemaVersion: 1,
      data: { entries: [{ id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', label: 'Release bot', expiresOn: '2027-01-15', usedWhere: 'Jenkins credentials "confluence-release"' }] },
    };
    const { local, entries } = setUp({ [REMINDER_ENTRIES_STORAGE_KEY]: v1 });
    expect(await entries.list()).toEqual(v1.data.entries);
    await entries.save({ label: 'Release bot', expiresOn: '2027-01-15', usedWhere: 'Jenkins credentials "confluence-release"' }, v1.data.entries[0]!.id);
    expect(local.dump()).toEqual({ [REMINDER_ENTRIES_STORAGE_KEY]: v1 });
  });
});
