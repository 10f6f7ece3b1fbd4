import { generateDeviceKey, type DeviceKey, type DeviceKeyStore } from './device-key-store';

/** A device key store in memory, for unit tests: `forget()` stands for a lost IndexedDB. */
export interface MemoryDeviceKeyStore extends DeviceKeyStore {
  forget(): void;
  /** How many keys were made so far. */
  readonly created: number;
}

export function createMemoryDeviceKeyStore(): MemoryDeviceKeyStore {
  let kept: Promise<DeviceKey> | undefined;
  let created = 0;
  return {
    load: async () => (kept ? await kept : undefined),
    create() {
      // Set before the key exists, as IndexedDB's `add` refuses a second one: two callers get one key.
      kept ??= generateDeviceKey().then((key) => {
        created++;
        return key;
      });
      return kept;
    },
    forget() {
      kept = undefined;
    },
    get created() {
      return created;
    },
  };
}
