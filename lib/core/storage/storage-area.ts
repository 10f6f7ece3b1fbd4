/**
 * The slice of `browser.storage.StorageArea` the project uses, so that stores run
 * against real extension storage in the browser and an in-memory fake in Node tests.
 */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** In-memory storage area for unit tests; values are cloned as real storage does. */
export function createMemoryStorageArea(initial: Record<string, unknown> = {}): StorageAreaLike & {
  dump(): Record<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(key)) out[key] = structuredClone(data.get(key));
      }
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
    dump() {
      return structuredClone(Object.fromEntries(data));
    },
  };
}
