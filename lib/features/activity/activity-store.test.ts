import { describe, expect, it } from 'vitest';
import { ACTIVITY_LOG_LIMIT, type ActivityEntry } from '../../atlassian/activity-log';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import { ACTIVITY_STORAGE_KEY } from './activity-area';
import { createActivityStore } from './activity-store';

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

/** Counts `set` calls, so tests can see that a burst is written in batches. */
function countingStorage() {
  const inner = createMemoryStorageArea();
  let sets = 0;
  const area: StorageAreaLike = {
    get: (keys) => inner.get(keys),
    set: async (items) => {
      sets++;
      await inner.set(items);
    },
    remove: (keys) => inner.remove(keys),
  };
  return { area, inner, sets: () => sets };
}

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
    store.record(entry(3));
    expect(await createActivityStore(local).list('all')).toEqual([]);
    expect(await store.list('all')).toEqual([entry(3)]);
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
});
