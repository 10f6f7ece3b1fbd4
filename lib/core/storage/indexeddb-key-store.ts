import { generateDeviceKey, type DeviceKey, type DeviceKeyStore } from './device-key-store';

/*
 * The device key in the extension origin's IndexedDB. A content script runs in the page's
 * origin: opening this name there opens the page's own (empty) database, never this one. The
 * CryptoKey is stored by structured clone, which keeps it non-extractable. Exists in Chrome's
 * service worker and Firefox's background page alike.
 */
export const DEVICE_KEY_DB_NAME = 'ctc-device-key';
const DB_VERSION = 1;
const STORE_NAME = 'keys';
const RECORD_KEY = 'device';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DEVICE_KEY_DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another connection'));
  });
}

/** Anything else kept under the key's name is not a key: it is never used, nor replaced. */
function asDeviceKey(value: unknown): DeviceKey | undefined {
  const kept = value as Partial<DeviceKey> | undefined;
  return kept && typeof kept.id === 'string' && kept.key instanceof CryptoKey ? { id: kept.id, key: kept.key } : undefined;
}

/** One request in its own transaction; settles once the transaction has (a write is then on disk). */
async function inTransaction<T>(factory: IDBFactory, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase(factory);
  try {
    const transaction = db.transaction(STORE_NAME, mode);
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([request(run(transaction.objectStore(STORE_NAME))), done]);
    return result;
  } finally {
    db.close();
  }
}

export function createIndexedDbKeyStore(factory: IDBFactory = globalThis.indexedDB): DeviceKeyStore {
  const load = async () => asDeviceKey(await inTransaction(factory, 'readonly', (store) => store.get(RECORD_KEY)));
  return {
    load,
    async create() {
      // Made before the transaction opens: a transaction ends when it waits on anything but itself.
      const made = await generateDeviceKey();
      try {
        // `add`, not `put`: a key that is already kept (another caller's) is never overwritten.
        await inTransaction(factory, 'readwrite', (store) => store.add(made, RECORD_KEY));
        return made;
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
        const kept = await load();
        if (!kept) throw new Error('IndexedDB holds something other than a device key under its name.');
        return kept;
      }
    },
  };
}
