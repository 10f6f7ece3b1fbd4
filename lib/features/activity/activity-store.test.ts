import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_LOG_LIMIT, type ActivityEntry } from '../../atlassian/activity-log';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import { ACTIVITY_STORAGE_KEY, activityAreaDefinition } from './activity-area';
import { ActivityLogUnreadableError, createActivityStore, type ActivityChange } from './activity-store';

function entry(n: number, patch: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    time: new Date(Date.UTC(2025, 2, 1, 12, 0, 0) + n * 1000).toISOString(),
    tokenLabel: 'Work',
    site: 'acme.atlassian.net',
    operation: 'getCurrentUser',
    method: 'GET',
    path: `/wiki/rest/api/user/current/${n}`,
    status: 200,
    durationMs: 12,
    outcome: 'ok',
    retries: 0,
    ...patch,
  };
}

/** Counts `get` and `set` calls, so tests can see that a burst is written in batches. */
function countingStorage(initial: Record<string, unknown> = {}) {
  const inner = createMemoryStorageArea(initial);
  let sets = 0;
  let gets = 0;
  const area: StorageAreaLike = {
    get: (keys) => {
      gets++;
      return inner.get(keys);
    },
    set: async (items) => {
      sets++;
      await inner.set(items);
    },
    remove: (keys) => inner.remove(keys),
  };
  return { area, inner, sets: () => sets, gets: () => gets };
}

/** Lets the store's queued tasks run (a few turns of the microtask queue and one macrotask). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const stored = (entries: unknown) => ({ [ACTIVITY_STORAGE_KEY]: { schemaVersion: 1, data: { entries } } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('activity store', () => {
  it('stores entries under "activity" with schema version 1, and keeps them across a restart', async () => {
    const local = createMemoryStorageArea();
    const store = createActivityStore(local);
    store.record(entry(1));
    store.record(entry(2, { outcome: 'invalid-token', status: 401 }));
    await store.flush();
    expect(local.dump()).toEqual({ [ACTIVITY_STORAGE_KEY]: { schemaVersion: 1, data: { entries: [entry(1), entry(2, { outcome: 'invalid-token', status: 401 })] } } });

    const restarted = createActivityStore(local);
    expect((await restarted.list('all')).map((e) => e.path)).toEqual([entry(2).path, entry(1).path]);
  });

  it('loses none of a burst of 500 calls and writes them in a few batches', async () => {
    const { area, sets } = countingStorage();
    const store = createActivityStore(area);
    for (let i = 0; i < 500; i++) store.record(entry(i));
    const entries = await store.list('all');
    expect(entries).toHaveLength(500);
    expect(new Set(entries.map((e) => e.path)).size).toBe(500);
    expect(entries[0]?.path).toBe(entry(499).path);
    expect(sets()).toBeLessThanOrEqual(2);
  });

  it('keeps entries recorded while a write is in progress', async () => {
    const { area } = countingStorage();
    const store = createActivityStore(area);
    store.record(entry(1));
    const first = store.flush();
    store.record(entry(2));
    await Promise.resolve();
    store.record(entry(3));
    await first;
    expect((await store.list('all')).map((e) => e.path).sort()).toEqual([entry(1).path, entry(2).path, entry(3).path].sort());
  });

  it('is bounded to 2,000 entries, dropping the oldest', async () => {
    const local = createMemoryStorageArea();
    const store = createActivityStore(local);
    for (let i = 0; i < ACTIVITY_LOG_LIMIT + 25; i++) store.record(entry(i));
    const entries = await store.list('all');
    expect(entries).toHaveLength(ACTIVITY_LOG_LIMIT);
    expect(entries.at(-1)?.path).toBe(entry(25).path);
    expect(entries[0]?.path).toBe(entry(ACTIVITY_LOG_LIMIT + 24).path);
  });

  it('filters, newest first', async () => {
    const store = createActivityStore(createMemoryStorageArea());
    store.record(entry(1));
    store.record(entry(2, { outcome: 'rate-limited', status: 429 }));
    store.record(entry(3, { outcome: 'missing-scope', status: 401 }));
    store.record(entry(4, { outcome: 'no-permission-or-not-found', status: 403 }));
    expect((await store.list('failures')).map((e) => e.status)).toEqual([403, 401, 429]);
    expect((await store.list('auth')).map((e) => e.status)).toEqual([401]);
    expect((await store.list('forbidden')).map((e) => e.status)).toEqual([403]);
    expect((await store.list('rate-limited')).map((e) => e.status)).toEqual([429]);
  });

  it('clears and says how many entries it held', async () => {
    const local = createMemoryStorageArea();
    const store = createActivityStore(local);
    store.record(entry(1));
    store.record(entry(2));
    expect(await store.clear()).toBe(2);
    expect(await store.list('all')).toEqual([]);
    expect(await store.clear()).toBe(0);
    expect(await createActivityStore(local).list('all')).toEqual([]);
    store.record(entry(3));
    expect(await store.list('all')).toEqual([entry(3)]);
    expect(await createActivityStore(local).list('all')).toEqual([entry(3)]);
  });

  it('reports a batch that storage refused, and goes on with the next', async () => {
    const inner = createMemoryStorageArea();
    let fail = true;
    const errors: unknown[] = [];
    const area: StorageAreaLike = {
      get: (keys) => inner.get(keys),
      set: async (items) => {
        if (fail) throw new Error('QUOTA_BYTES quota exceeded');
        await inner.set(items);
      },
      remove: (keys) => inner.remove(keys),
    };
    const store = createActivityStore(area, { onWriteError: (e) => errors.push(e) });
    store.record(entry(1));
    await store.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    store.record(entry(2));
    expect(await store.list('all')).toEqual([entry(2)]);
  });

  it('reads and validates the stored log once, however many batches follow', async () => {
    const { area, gets, sets } = countingStorage(stored(Array.from({ length: ACTIVITY_LOG_LIMIT }, (_, i) => entry(i))));
    const parse = vi.spyOn(activityAreaDefinition, 'parse');
    const store = createActivityStore(area);
    for (let batch = 0; batch < 20; batch++) {
      store.record(entry(ACTIVITY_LOG_LIMIT + batch));
      await store.flush();
    }
    expect(sets()).toBe(20);
    expect(gets()).toBe(1);
    expect(parse).toHaveBeenCalledTimes(1);
    const entries = await store.list('all');
    expect(gets()).toBe(1);
    expect(entries).toHaveLength(ACTIVITY_LOG_LIMIT);
    expect(entries[0]?.path).toBe(entry(ACTIVITY_LOG_LIMIT + 19).path);
    expect(entries.at(-1)?.path).toBe(entry(20).path);
    // What was written is what a fresh service worker reads back.
    expect(await createActivityStore(area).list('all')).toEqual(entries);
  });

  it('loses no entry of a burst recorded while writes are in flight', async () => {
    const { area, gets, sets } = countingStorage();
    const store = createActivityStore(area);
    let n = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i <= round % 7; i++) store.record(entry(n++));
      // Yield a varying amount, so some records land mid-write and some between writes.
      if (round % 3 === 0) await settle();
      else for (let y = 0; y < round % 5; y++) await Promise.resolve();
    }
    const entries = await store.list('all');
    expect(entries.map((e) => e.path)).toEqual(Array.from({ length: n }, (_, i) => entry(n - 1 - i).path));
    expect(gets()).toBe(1);
    expect(sets()).toBeLessThan(n);
    expect(await createActivityStore(area).list('all')).toEqual(entries);
  });

  it('reports a damaged stored log on list, keeps it untouched, and clears it on request', async () => {
    const damaged = stored([entry(1), { ...entry(2), status: 'two hundred' }, { nonsense: true }]);
    const { area, inner } = countingStorage(damaged);
    const errors: unknown[] = [];
    const store = createActivityStore(area, { onWriteError: (e) => errors.push(e) });

    const error = await store.list('all').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ActivityLogUnreadableError);
    expect((error as ActivityLogUnreadableError).reason).toBe('damaged');
    expect((error as Error).message).toMatch(/^The saved activity log is damaged \(.*entries\.1\.status.*\) and cannot be shown\. Clear the activity log/);
    expect((error as Error).message).not.toContain('two hundred');

    // New entries are not written over the damaged log; the damage is reported once, not per batch.
    store.record(entry(3));
    await store.flush();
    store.record(entry(4));
    await store.flush();
    expect(inner.dump()).toEqual(damaged);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ActivityLogUnreadableError);
    await expect(store.list('failures')).rejects.toBeInstanceOf(ActivityLogUnreadableError);

    await store.clear();
    expect(inner.dump()).toEqual(stored([]));
    expect(await store.list('all')).toEqual([]);
    store.record(entry(5));
    expect(await store.list('all')).toEqual([entry(5)]);
    expect(await createActivityStore(area).list('all')).toEqual([entry(5)]);
  });

  it.each([
    ['not an envelope', 'garbage'],
    ['no schema version', { entries: [] }],
    ['entries not a list', { schemaVersion: 1, data: { entries: 'many' } }],
    ['too many entries', stored(Array.from({ length: ACTIVITY_LOG_LIMIT + 1 }, (_, i) => entry(i)))[ACTIVITY_STORAGE_KEY]],
  ])('clears a damaged log, whatever it holds (%s)', async (_name, value) => {
    const local = createMemoryStorageArea({ [ACTIVITY_STORAGE_KEY]: value });
    const store = createActivityStore(local);
    await expect(store.list('all')).rejects.toBeInstanceOf(ActivityLogUnreadableError);
    expect(await store.clear()).toBeGreaterThanOrEqual(0);
    expect(local.dump()).toEqual(stored([]));
    expect(await store.list('all')).toEqual([]);
  });

  it('clears even when it cannot read storage at all, and on a fresh store says how many entries it held', async () => {
    const inner = createMemoryStorageArea(stored([entry(1), entry(2), entry(3)]));
    let readable = true;
    const area: StorageAreaLike = {
      get: async (keys) => {
        if (!readable) throw new Error('storage is unavailable');
        return inner.get(keys);
      },
      set: (items) => inner.set(items),
      remove: (keys) => inner.remove(keys),
    };
    expect(await createActivityStore(area).clear()).toBe(3);
    expect(inner.dump()).toEqual(stored([]));

    await inner.set(stored([entry(1)]));
    readable = false;
    const store = createActivityStore(area);
    expect(await store.clear()).toBe(0);
    expect(inner.dump()).toEqual(stored([]));
    expect(await store.list('all')).toEqual([]);
  });

  it('does not take a failed storage read for damage: the next call reads again', async () => {
    const inner = createMemoryStorageArea(stored([entry(1)]));
    let fail = true;
    const area: StorageAreaLike = {
      get: async (keys) => {
        if (fail) throw new Error('storage is unavailable');
        return inner.get(keys);
      },
      set: (items) => inner.set(items),
      remove: (keys) => inner.remove(keys),
    };
    const store = createActivityStore(area);
    await expect(store.list('all')).rejects.toThrow('storage is unavailable');
    fail = false;
    expect(await store.list('all')).toEqual([entry(1)]);
  });

  it('leaves a log written by a newer version untouched until cleared, and says so', async () => {
    const newer = { [ACTIVITY_STORAGE_KEY]: { schemaVersion: 2, data: { lines: [] } } };
    const local = createMemoryStorageArea(newer);
    const store = createActivityStore(local, { onWriteError: () => {} });
    const error = await store.list('all').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityLogUnreadableError);
    expect((error as ActivityLogUnreadableError).reason).toBe('too-new');
    expect((error as Error).message).toContain('newer version of the extension');
    store.record(entry(1));
    await store.flush();
    expect(local.dump()).toEqual(newer);
    expect(await store.clear()).toBe(0);
    expect(await store.list('all')).toEqual([]);
  });

  it('drops a malformed entry, reports it, and keeps the rest of its batch', async () => {
    const errors: unknown[] = [];
    const store = createActivityStore(createMemoryStorageArea(), { onWriteError: (e) => errors.push(e) });
    store.record(entry(1));
    store.record({ ...entry(2), durationMs: -5 });
    store.record(entry(3));
    expect((await store.list('all')).map((e) => e.path)).toEqual([entry(3).path, entry(1).path]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('1 malformed activity entry was not stored');
  });

  it('calls onChange after each successful write and clear, never for a refused write', async () => {
    const inner = createMemoryStorageArea();
    let fail = false;
    const area: StorageAreaLike = {
      get: (keys) => inner.get(keys),
      set: async (items) => {
        if (fail) throw new Error('QUOTA_BYTES quota exceeded');
        await inner.set(items);
      },
      remove: (keys) => inner.remove(keys),
    };
    const changes: ActivityChange[] = [];
    const stateAtNotice: unknown[] = [];
    const store = createActivityStore(area, {
      onWriteError: () => {},
      onChange: (change) => {
        changes.push(change);
        stateAtNotice.push(inner.dump()[ACTIVITY_STORAGE_KEY]);
      },
    });
    store.record(entry(1));
    store.record(entry(2));
    await store.flush();
    expect(changes).toEqual([{ kind: 'appended', count: 2 }]);
    // The notice comes after the write: a page that reloads the log on it sees the new entries.
    expect(stateAtNotice[0]).toEqual(stored([entry(1), entry(2)])[ACTIVITY_STORAGE_KEY]);

    fail = true;
    store.record(entry(3));
    await store.flush();
    expect(changes).toHaveLength(1);

    fail = false;
    expect(await store.clear()).toBe(2);
    expect(changes).toEqual([
      { kind: 'appended', count: 2 },
      { kind: 'cleared', count: 2 },
    ]);
  });

  it('goes on when onChange throws', async () => {
    const store = createActivityStore(createMemoryStorageArea(), {
      onChange: () => {
        throw new Error('no receiver');
      },
    });
    store.record(entry(1));
    await store.flush();
    store.record(entry(2));
    expect((await store.list('all')).map((e) => e.path)).toEqual([entry(2).path, entry(1).path]);
    expect(await store.clear()).toBe(2);
  });
});

