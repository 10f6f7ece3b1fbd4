import * as z from 'zod';
import {
  ACTIVITY_LOG_LIMIT,
  activityEntrySchema,
  filterActivity,
  type ActivityEntry,
  type ActivityFilter,
} from '../../atlassian/activity-log';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';
import { parseStoredActivity, readStoredActivity, writeValidatedActivity } from './activity-area';

/**
 * The persisted activity log. The request client reports each call synchronously (`record`);
 * entries wait in memory and are written in batches, one write at a time, so a burst of calls
 * costs a few storage writes and loses none. Reads and `clear` wait for pending writes first.
 *
 * Only the background writes the log, and it holds one store per service worker. So the stored
 * log is read and validated once per service-worker life (on the first batch, list or clear
 * that needs it); after that the validated copy in memory is the log, each batch validates only
 * its own entries, and each write stores the in-memory copy without reading storage again.
 *
 * A stored log that cannot be used (damaged, or written by a newer version of the extension) is
 * left untouched: `list` rejects with an `ActivityLogUnreadableError` whose message is a sentence
 * for a person, new entries are dropped (reported once through `onWriteError`), and `clear` —
 * which never depends on reading the stored log — replaces it with an empty log.
 */
export interface ActivityStore {
  /** Queues an entry; never throws (the client's log sink must not fail a call). */
  record(entry: ActivityEntry): void;
  /** Newest first. Rejects with `ActivityLogUnreadableError` when the stored log cannot be used. */
  list(filter: ActivityFilter): Promise<ActivityEntry[]>;
  /**
   * Empties the log, whatever is stored (a damaged log included); returns how many entries it
   * held (0 when that cannot be told). Rejects only when storage refuses the write itself.
   */
  clear(): Promise<number>;
  /** Resolves once every entry recorded so far is stored (or dropped and reported). */
  flush(): Promise<void>;
}

/** What changed in the stored log; given to `onChange` after the write succeeded. */
export type ActivityChange = { kind: 'appended'; count: number } | { kind: 'cleared'; count: number };

export interface ActivityStoreOptions {
  limit?: number;
  /**
   * Told when a batch could not be stored (its entries are dropped, never retried forever),
   * and when recorded entries were malformed. While the stored log is unreadable, told once
   * (with the `ActivityLogUnreadableError`), not for every dropped batch.
   */
  onWriteError?: (error: unknown) => void;
  /**
   * Called after each successful write of the log (a batch appended, the log cleared), e.g. to
   * tell open extension pages to reload it. Must not throw; a throw is ignored.
   */
  onChange?: (change: ActivityChange) => void;
}

/** The stored activity log cannot be used. The message is a sentence a page may show as is. */
export class ActivityLogUnreadableError extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-new',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ActivityLogUnreadableError';
  }
}

const CLEAR_ADVICE = 'Clear the activity log to start a new one; until then new calls are not logged.';

function toUnreadable(error: unknown): ActivityLogUnreadableError {
  if (error instanceof StoredDataTooNewError) {
    return new ActivityLogUnreadableError(
      'too-new',
      `The saved activity log was written by a newer version of the extension and cannot be shown. Update the extension, or clear the activity log to start a new one.`,
      { cause: error },
    );
  }
  // Issue paths and messages name fields and expected types, never stored values.
  const where =
    error instanceof z.ZodError
      ? error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; ') + (error.issues.length > 3 ? '; …' : '')
      : error instanceof Error
        ? error.message
        : 'unknown problem';
  return new ActivityLogUnreadableError('damaged', `The saved activity log is damaged (${where}) and cannot be shown. ${CLEAR_ADVICE}`, {
    cause: error,
  });
}

/** How many entries a stored value seems to hold, without validating it; 0 when it cannot be told. */
function countStoredEntries(stored: unknown): number {
  const entries = (stored as { data?: { entries?: unknown } } | null | undefined)?.data?.entries;
  return Array.isArray(entries) ? entries.length : 0;
}

export function createActivityStore(local: StorageAreaLike, options: ActivityStoreOptions = {}): ActivityStore {
  const limit = options.limit ?? ACTIVITY_LOG_LIMIT;
  let pending: ActivityEntry[] = [];
  // Every task that reads or changes `log`/`unreadable` runs here, one at a time, in order.
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  /** The validated log, oldest first, as stored; null until the stored log has been read. */
  let log: ActivityEntry[] | null = null;
  /** Set when the stored log was read and cannot be used; cleared by `clear`. */
  let unreadable: ActivityLogUnreadableError | null = null;
  let unreadableReported = false;

  const report = (error: unknown) => options.onWriteError?.(error);
  const notify = (change: ActivityChange) => {
    try {
      options.onChange?.(change);
    } catch {
      // A change notice that could not be sent changes nothing stored.
    }
  };

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const done = writing.then(task);
    writing = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /**
   * The validated log; reads storage only the first time (and again after a failed read).
   * Only ever called from a queued task.
   */
  async function load(): Promise<ActivityEntry[]> {
    if (log) return log;
    if (unreadable) throw unreadable;
    // A failing `get` is storage's trouble, not the data's: not remembered, the next task reads again.
    const stored = await readStoredActivity(local);
    let parsed: ReturnType<typeof parseStoredActivity>;
    try {
      parsed = parseStoredActivity(stored);
    } catch (error) {
      unreadable = toUnreadable(error);
      throw unreadable;
    }
    if (parsed.migrated) {
      // Store the current version now; if storage refuses, the next batch's write stores it anyway.
      await writeValidatedActivity(local, parsed.data).catch(report);
    }
    log = parsed.data.entries;
    return log;
  }

  async function writeBatch(): Promise<void> {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;

    let current: ActivityEntry[];
    try {
      current = await load();
    } catch (error) {
      if (!(error instanceof ActivityLogUnreadableError)) report(error);
      else if (!unreadableReported) {
        unreadableReported = true;
        report(error);
      }
      return;
    }

    // Only the new entries are validated: `current` already is.
    const valid: ActivityEntry[] = [];
    let malformed = 0;
    for (const entry of batch) {
      const parsed = activityEntrySchema.safeParse(entry);
      if (parsed.success) valid.push(parsed.data);
      else malformed++;
    }
    if (malformed > 0) report(new Error(`${malformed} malformed activity ${malformed === 1 ? 'entry was' : 'entries were'} not stored.`));
    if (valid.length === 0) return;

    const joined = current.concat(valid);
    const next = joined.length > limit ? joined.slice(joined.length - limit) : joined;
    try {
      await writeValidatedActivity(local, { entries: next });
    } catch (error) {
      report(error); // storage still holds `current`, and so does memory
      return;
    }
    log = next;
    notify({ kind: 'appended', count: valid.length });
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
      const entries = await enqueue(load);
      return filterActivity(entries, filter).reverse();
    },

    async clear() {
      await flush();
      return enqueue(async () => {
        // The count is a courtesy: it never decides whether the log is cleared.
        let held = 0;
        if (log) held = log.length;
        else {
          try {
            held = countStoredEntries(await readStoredActivity(local));
          } catch {
            held = 0;
          }
        }
        await writeValidatedActivity(local, { entries: [] });
        log = [];
        unreadable = null;
        unreadableReported = false;
        notify({ kind: 'cleared', count: held });
        return held;
      });
    },

    flush,
  };
}
