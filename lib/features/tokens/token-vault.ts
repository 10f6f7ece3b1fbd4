import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createPassphraseLock, type LockState, type PassphraseLock, type PassphraseResult } from './passphrase-lock';
import { createTokenDetections, type DetectionToRecord } from './token-detections';
import { createTokenRecords, type SecretResult, type TokenRecords, type TokenWriteResult } from './token-records';
import type { TokenSummary } from './token-summary';
import { defaultRandomBytes, type RandomBytes } from './vault-crypto';
import { createVaultStorage } from './vault-storage';

export type { DetectionToRecord, LockState, PassphraseResult, SecretResult, TokenWriteResult };

export interface TokenVaultOptions {
  /** `browser.storage.local`: the only place tokens are kept (never `sync`). */
  local: StorageAreaLike;
  /** `browser.storage.session`, restricted to trusted contexts: holds the unlocked key. */
  session: StorageAreaLike;
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
}

/**
 * The token vault: the records (token-records.ts), the passphrase lock that seals their secrets
 * (passphrase-lock.ts) and the detections kept apart from both (token-detections.ts), on one
 * storage whose operations run one at a time (vault-storage.ts).
 */
export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const storage = createVaultStorage(options.local);
  const lock = createPassphraseLock({
    storage,
    session: options.session,
    subtle: options.crypto ?? globalThis.crypto.subtle,
    randomBytes,
  });
  const records = createTokenRecords({ storage, lock, now, randomBytes });
  const detections = createTokenDetections({ storage, now });
  return {
    list: records.list,
    get: records.get,
    add: records.add,
    update: records.update,
    remove: records.remove,
    getSecret: records.getSecret,
    lockState: lock.lockState,
    setPassphrase: lock.setPassphrase,
    changePassphrase: lock.changePassphrase,
    removePassphrase: lock.removePassphrase,
    unlock: lock.unlock,
    lock: lock.lock,
    recordDetection: detections.record,
  };
}
