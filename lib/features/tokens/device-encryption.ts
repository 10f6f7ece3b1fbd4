import type { DeviceKeyStore } from '../../core/storage/device-key-store';
import { TokenVaultError } from './token-vault-error';
import { open, seal, type RandomBytes, type Sealed } from './vault-crypto';

/** Ciphertext under a device key, with the id of that key. */
export interface DeviceSealed extends Sealed {
  keyId: string;
}

export type DeviceOpened = { ok: true; plaintext: string } | { ok: false; reason: 'key-lost' | 'damaged' };

/**
 * The outer layer of every stored secret: AES-GCM under this browser's non-extractable device
 * key. It keeps secrets out of clear text in `storage.local`, which Firefox cannot close to
 * content scripts. The key is asked of the store on every use, never cached: a key that
 * vanished from IndexedDB is noticed at once instead of being used for new secrets that a
 * restart would then lose too.
 */
export interface DeviceEncryption {
  /** The id of the key kept now; undefined while this browser has none. */
  currentKeyId(): Promise<string | undefined>;
  /**
   * Makes the device key first when there is none. Only sealing a secret the person has just
   * given (or is migrating from clear text) does that; what older keys sealed is then reported
   * as undecryptable (vault-problems.ts), never silently dropped.
   */
  seal(plaintext: string, context: string): Promise<DeviceSealed>;
  /** 'key-lost': sealed under a key this browser no longer has; 'damaged': the data was altered. */
  open(sealed: DeviceSealed, context: string): Promise<DeviceOpened>;
}

export function createDeviceEncryption(options: { store: DeviceKeyStore; subtle: SubtleCrypto; randomBytes: RandomBytes }): DeviceEncryption {
  const { store, subtle, randomBytes } = options;

  async function fromStore<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw new TokenVaultError(`This browser's key store could not be ${what}: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  return {
    async currentKeyId() {
      return (await fromStore('read', () => store.load()))?.id;
    },
    async seal(plaintext, context) {
      const device = (await fromStore('read', () => store.load())) ?? (await fromStore('written', () => store.create()));
      return { keyId: device.id, ...(await seal(subtle, device.key, plaintext, context, randomBytes)) };
    },
    async open(sealed, context) {
      const device = await fromStore('read', () => store.load());
      if (!device || device.id !== sealed.keyId) return { ok: false, reason: 'key-lost' };
      const plaintext = await open(subtle, device.key, sealed, context);
      return plaintext === undefined ? { ok: false, reason: 'damaged' } : { ok: true, plaintext };
    },
  };
}
