import { ACTIVITY_LOG_LIMIT, filterActivity, type ActivityEntry, type ActivityFilter } from '../../atlassian/activity-log';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createActivityArea } from './activity-area';

/**
 * The persisted activity log. The request client reports each call synchronously (`record`);
 * entries wait in memory and are written in batches, one write at a time, so a burst of calls
 * costs a few storage writes and loses none. Reads and `clear` wait for pending writes first.
 */
export interface ActivityStore {
  /** Queues an entry; never throws (the client's log sink must not fail a call). */
  record(entry: ActivityEntry): void;
  /** Newest first. */
  list(filter: ActivityFilter): Promise<ActivityEntry[]>;
  /** Empties the log; returns how many entries it held. */
  clear(): Promise<number>;
  /** Resolves once every entry recorded so far is stored. */
  flush(): Promise<void>;
}

export interface ActivityStoreOptions {
  limit?: number;
  /** Told when a batch could not be stored (its entries are dropped, never retried forever). */
  onWriteError?: (error: unknown) => void;
}

export function createActivityStore(local: StorageAreaLike, options: ActivityStoreOptions = {}): ActivityStore {
  const area = createActivityArea(local);
  const limit = options.limit ?? ACTIVITY_LOG_LIMIT;
  let pending: ActivityEntry[] = [];
  // The one write in progress (or the last one); a new batch starts only after it.
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  function writeBatch(): Promise<void> {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return Promise.resolve();
    return area
      .update((data) => {
        const entries = [...data.entries, ...batch];
        return { entries: entries.length > limit ? entries.slice(entries.length - limit) : entries };
      })
      .then(
        () => undefined,
        (error: unknown) => options.onWriteError?.(error),
      );
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // Everything recorded before this write starts goes into it.
    writing = writing.then(writeBatch);
  }

  async function flush(): Promise<void> {
    // A batch scheduled during the wait is chained behind `writing`; wait until nothing is left.
    while (pending.length > 0 || scheduled) {
      if (!scheduled) schedule();
      await writing;
    }
    await writing;
  }

  return {
    record(entry) {
      pending.push(entry);
      schedule();
    },

    async list(filter) {
      await flush();
      return filterActivity((await area.read()).entries, filter).reverse();
    },

    async clear() {
      await flush();
      let cleared = 0;
      const done = writing.then(() =>
        area.update((data) => {
          cleared = data.entries.length;
          return { entries: [] };
        }),
      );
      writing = done.then(
        () => undefined,
        () => undefined,
      );
      await done;
      return cleared;
    },

    flush,
  };
}
