/**
 * Where the extension keeps its device key: an AES-GCM-256 CryptoKey made non-extractable, so
 * no code (the extension's own included) can read its bytes, only encrypt and decrypt with it.
 * The browser keeps it in the extension origin's IndexedDB (indexeddb-key-store.ts); unit tests
 * keep it in memory (memory-device-key-store.ts).
 */
export interface DeviceKey {
  /** Stored beside what the key encrypted: a secret from a lost key is told apart from a damaged one. */
  id: string;
  key: CryptoKey;
}

export interface DeviceKeyStore {
  /** The kept key; undefined when there is none (never made, or lost with the profile's data). */
  load(): Promise<DeviceKey | undefined>;
  /** Makes and keeps a key, unless one is kept already: then that one. A kept key is never replaced. */
  create(): Promise<DeviceKey>;
}

/** A new key that can encrypt and decrypt and can never be exported. */
export async function generateDeviceKey(): Promise<DeviceKey> {
  const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { id: globalThis.crypto.randomUUID(), key };
}
