import type { DeviceKeyStore } from '../../core/storage/device-key-store';
import { createMemoryDeviceKeyStore } from '../../core/storage/memory-device-key-store';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createDeviceEncryption } from './device-encryption';
import { createPassphraseLock, type LockState, type PassphraseLock, type PassphraseResult } from './passphrase-lock';
import { createTokenDetections, type DetectionToRecord } from './token-detections';
import { createTokenRecords, type SecretResult, type TokenRecords, type TokenWriteResult } from './token-records';
import type { TokenSummary } from './token-summary';
import { defaultRandomBytes, type RandomBytes } from './vault-crypto';
import { createVaultProblems, type VaultProblems } from './vault-problems';
import { createVaultStorage } from './vault-storage';

export type { DetectionToRecord, LockState, PassphraseResult, SecretResult, TokenWriteResult, VaultProblems };

export interface TokenVaultOptions {
  /** `browser.storage.local`: the only place tokens are kept (never `sync`). */
  local: StorageAreaLike;
  /** `browser.storage.session`, restricted to trusted contexts: holds the unlocked key. */
  session: StorageAreaLike;
  /**
   * Where the device key every secret is encrypted with is kept: the background passes the
   * extension's IndexedDB. Unset (unit tests), a key in memory that lasts as long as this vault.
   */
  deviceKeys?: DeviceKeyStore;
  crypto?: SubtleCrypto;
  now?: () => Date;
  randomBytes?: RandomBytes;
}

/** What the background uses: the records, the lock, and recording what a check found. */
export interface TokenVault extends TokenRecords, Omit<PassphraseLock, 'codecFor'> {
  /**
   * `secretRevision`: what `getSecret` gave with the secret the probe used. A detection made
   * with a secret or email edited since is dropped. Undefined when there is no such token.
   */
  recordDetection(id: string, site: string, result: DetectionToRecord, secretRevision: number): Promise<TokenSummary | undefined>;
  /** Damaged records and secrets this browser can no longer decrypt; neither is ever dropped. */
  problems(): Promise<VaultProblems>;
}

/**
 * The token vault: the records (token-records.ts), the passphrase lock and device key that
 * seal their secrets (passphrase-lock.ts, device-encryption.ts) and the detections kept apart
 * from both (token-detections.ts), on one storage whose operations run one at a time
 * (vault-storage.ts).
 */
export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const subtle = options.crypto ?? globalThis.crypto.subtle;
  const device = createDeviceEncryption({ store: options.deviceKeys ?? createMemoryDeviceKeyStore(), subtle, randomBytes });
  const storage = createVaultStorage(options.local, device);
  const lock = createPassphraseLock({ storage, session: options.session, device, subtle, randomBytes });
  const records = createTokenRecords({ storage, lock, now, randomBytes });
  const detections = createTokenDetections({ storage, now });
  const { problems } = createVaultProblems({ storage, device });
  return {
    list: records.list,
    get: records.get,
    add: records.add,
    update: records.update,
    replace: records.replace,
    remove: records.remove,
    getSecret: records.getSecret,
    lockState: lock.lockState,
    setPassphrase: lock.setPassphrase,
    changePassphrase: lock.changePassphrase,
    removePassphrase: lock.removePassphrase,
    unlock: lock.unlock,
    lock: lock.lock,
    recordDetection: detections.record,
    problems,
  };
}
