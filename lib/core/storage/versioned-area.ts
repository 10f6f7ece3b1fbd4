import type { StorageAreaLike } from './storage-area';

/**
 * One storage key holding `{ schemaVersion, data }`. Each domain (sites, tokens, activity log)
 * owns its own key and version, so one domain's migration never touches another's data.
 *
 * `migrations[n]` turns the data of version n into the data of version n + 1. Data written by a
 * newer version of the extension than this one is never overwritten (a downgrade loses nothing).
 */
export interface VersionedAreaDefinition<T> {
  key: string;
  version: number;
  /** Validates the current version's data; throw (zod `parse`) on malformed data. */
  parse(data: unknown): T;
  empty(): T;
  migrations: Record<number, (old: any) => unknown>;
}

export class StoredDataTooNewError extends Error {
  constructor(key: string, found: number, supported: number) {
    super(
      `Stored "${key}" data has schema version ${found}, newer than this extension understands (${supported}). ` +
        'Update the extension; the data was left untouched.',
    );
    this.name = 'StoredDataTooNewError';
  }
}

export interface VersionedArea<T> {
  read(): Promise<T>;
  write(data: T): Promise<void>;
  update(change: (current: T) => T): Promise<T>;
}

export function migrateEnvelope<T>(
  def: VersionedAreaDefinition<T>,
  stored: unknown,
): { data: T; migrated: boolean } {
  if (stored === undefined || stored === null) return { data: def.empty(), migrated: false };
  const envelope = stored as { schemaVersion?: unknown; data?: unknown };
  const from = typeof envelope.schemaVersion === 'number' ? envelope.schemaVersion : 0;
  if (from > def.version) throw new StoredDataTooNewError(def.key, from, def.version);
  let data: unknown = from === 0 ? stored : envelope.data;
  for (let v = from; v < def.version; v++) {
    const step = def.migrations[v];
    if (!step) throw new Error(`No migration for "${def.key}" from version ${v} to ${v + 1}.`);
    data = step(data);
  }
  return { data: def.parse(data), migrated: from !== def.version };
}

export function createVersionedArea<T>(
  area: StorageAreaLike,
  def: VersionedAreaDefinition<T>,
): VersionedArea<T> {
  // Writes are chained so that two concurrent updates cannot lose each other's change.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<T> {
    const stored = (await area.get(def.key))[def.key];
    const { data, migrated } = migrateEnvelope(def, stored);
    if (migrated) await write(data);
    return data;
  }

  async function write(data: T): Promise<void> {
    await area.set({ [def.key]: { schemaVersion: def.version, data: def.parse(data) } });
  }

  function update(change: (current: T) => T): Promise<T> {
    const next = queue.then(async () => {
      const updated = change(await read());
      await write(updated);
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return { read, write, update };
}
