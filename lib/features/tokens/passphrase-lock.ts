import type { StorageAreaLike } from '../../core/storage/storage-area';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { DeviceEncryption } from './device-encryption';
import { passphraseProblem } from './passphrase-policy';
import { createSecretCodec, type SecretCodec } from './secret-codec';
import { forgetSessionKey, readSessionKey, writeSessionKey } from './session-key';
import type { TokenRecord, TokensData, VaultLock } from './token-record';
import {
  deriveVaultKey,
  exportVaultKey,
  importVaultKey,
  keyMatchesVerifier,
  makeVerifier,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  type RandomBytes,
} from './vault-crypto';
import type { VaultStorage } from './vault-storage';

/** 'none': no passphrase (secrets under the device key alone); 'locked' / 'unlocked': passphrase set. */
export type LockState = 'none' | 'locked' | 'unlocked';

export type PassphraseResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-passphrase' | 'weak-passphrase' | 'no-passphrase' | 'already-set'; message: string };

/**
 * The passphrase lock of the token vault: the passphrase, the session key it unlocks, and the
 * encryption of every secret under that key and the device key (secret-codec.ts). The token
 * records are token-records.ts's.
 */
export interface PassphraseLock {
  /** For `lock` (the vault's current one): undefined while locked. Call from inside `storage.exclusive`. */
  codecFor(lock: VaultLock | null): Promise<SecretCodec | undefined>;
  lockState(): Promise<LockState>;
  setPassphrase(passphrase: string): Promise<PassphraseResult>;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<PassphraseResult>;
  removePassphrase(passphrase: string): Promise<PassphraseResult>;
  unlock(passphrase: string): Promise<PassphraseResult>;
  /** Forgets the session key; the passphrase is needed again. */
  lock(): Promise<void>;
}

export interface PassphraseLockOptions {
  storage: VaultStorage;
  /** `browser.storage.session`, restricted to trusted contexts: holds the unlocked key. */
  session: StorageAreaLike;
  /** The outer layer of every secret, passphrase or not. */
  device: DeviceEncryption;
  subtle: SubtleCrypto;
  randomBytes: RandomBytes;
}

const MESSAGES = {
  wrongPassphrase: 'That passphrase is not the one your tokens are locked with. Nothing was changed.',
  wrongOldPassphrase: 'The current passphrase is not the one your tokens are locked with. Nothing was changed.',
  noPassphrase: 'No passphrase is set: your tokens are not locked.',
  alreadySet: 'A passphrase is already set. Use “Change passphrase” to replace it.',
} as const;

export function createPassphraseLock(options: PassphraseLockOptions): PassphraseLock {
  const { storage, session, device, subtle, randomBytes } = options;

  /** The key from this browser session, if it opens the current vault. */
  async function sessionKey(lock: VaultLock): Promise<CryptoKey | undefined> {
    const stored = await readSessionKey(session);
    if (!stored || stored.salt !== lock.kdf.salt) return undefined;
    try {
      const key = await importVaultKey(subtle, stored.key);
      return (await keyMatchesVerifier(subtle, key, lock.verifier)) ? key : undefined;
    } catch {
      return undefined;
    }
  }

  async function keyFromPassphrase(lock: VaultLock, passphrase: string): Promise<CryptoKey | undefined> {
    const key = await deriveVaultKey(subtle, passphrase, base64ToBytes(lock.kdf.salt), lock.kdf.iterations);
    return (await keyMatchesVerifier(subtle, key, lock.verifier)) ? key : undefined;
  }

  async function newLock(passphrase: string): Promise<{ lock: VaultLock; key: CryptoKey }> {
    const salt = randomBytes(SALT_BYTES);
    const key = await deriveVaultKey(subtle, passphrase, salt, PBKDF2_ITERATIONS);
    const verifier = await makeVerifier(subtle, key, randomBytes);
    return {
      key,
      lock: { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: bytesToBase64(salt) }, verifier },
    };
  }

  async function rememberKey(lock: VaultLock, key: CryptoKey): Promise<void> {
    await writeSessionKey(session, { salt: lock.kdf.salt, key: await exportVaultKey(subtle, key) });
  }

  /** `key`: the passphrase key; undefined when no passphrase is set. */
  function codec(key: CryptoKey | undefined): SecretCodec {
    return createSecretCodec({ subtle, randomBytes, device, passphraseKey: key });
  }

  /**
   * Re-stores every secret under `to` (undefined: the device key alone) with the new lock, in
   * one write. Everything is decrypted and re-encrypted in memory first, so a failure (a secret
   * whose device key is gone included) leaves storage as it was. Only the secrets change:
   * revisions stay, so detections still hold. Damaged records are written back as they were.
   */
  async function rekey(data: TokensData, from: CryptoKey | undefined, to: CryptoKey | undefined, lock: VaultLock | null) {
    const tokens: TokenRecord[] = [];
    for (const record of data.tokens) {
      const secret = await codec(from).reveal(record);
      tokens.push({ ...record, secret: await codec(to).seal(record.id, secret) });
    }
    await storage.writeTokens({ ...data, tokens, lock });
  }

  return {
    async codecFor(lock) {
      if (!lock) return codec(undefined);
      const key = await sessionKey(lock);
      return key ? codec(key) : undefined;
    },

    lockState() {
      return storage.exclusive(async (): Promise<LockState> => {
        const { lock } = await storage.readTokens();
        if (!lock) return 'none';
        return (await sessionKey(lock)) ? 'unlocked' : 'locked';
      });
    },

    setPassphrase(passphrase) {
      return storage.exclusive(async (): Promise<PassphraseResult> => {
        const data = await storage.readTokens();
        if (data.lock) return { ok: false, reason: 'already-set', message: MESSAGES.alreadySet };
        const problem = passphraseProblem(passphrase);
        if (problem) return { ok: false, reason: 'weak-passphrase', message: problem };
        const { lock, key } = await newLock(passphrase);
        await rekey(data, undefined, key, lock);
        await rememberKey(lock, key);
        return { ok: true };
      });
    },

    changePassphrase(oldPassphrase, newPassphrase) {
      return storage.exclusive(async (): Promise<PassphraseResult> => {
        const data = await storage.readTokens();
        if (!data.lock) return { ok: false, reason: 'no-passphrase', message: MESSAGES.noPassphrase };
        const problem = passphraseProblem(newPassphrase);
        if (problem) return { ok: false, reason: 'weak-passphrase', message: problem };
        const oldKey = await keyFromPassphrase(data.lock, oldPassphrase);
        if (!oldKey) return { ok: false, reason: 'wrong-passphrase', message: MESSAGES.wrongOldPassphrase };
        const { lock, key } = await newLock(newPassphrase);
        await rekey(data, oldKey, key, lock);
        await rememberKey(lock, key);
        return { ok: true };
      });
    },

    removePassphrase(passphrase) {
      return storage.exclusive(async (): Promise<PassphraseResult> => {
        const data = await storage.readTokens();
        if (!data.lock) return { ok: false, reason: 'no-passphrase', message: MESSAGES.noPassphrase };
        const key = await keyFromPassphrase(data.lock, passphrase);
        if (!key) return { ok: false, reason: 'wrong-passphrase', message: MESSAGES.wrongPassphrase };
        await rekey(data, key, undefined, null);
        await forgetSessionKey(session);
        return { ok: true };
      });
    },

    unlock(passphrase) {
      return storage.exclusive(async (): Promise<PassphraseResult> => {
        const data = await storage.readTokens();
        if (!data.lock) return { ok: false, reason: 'no-passphrase', message: MESSAGES.noPassphrase };
        const key = await keyFromPassphrase(data.lock, passphrase);
        if (!key) return { ok: false, reason: 'wrong-passphrase', message: MESSAGES.wrongPassphrase };
        if (data.lock.kdf.iterations < PBKDF2_ITERATIONS) {
          // A vault from before the count was raised: re-key now, while the passphrase is at hand.
          const upgraded = await newLock(passphrase);
          await rekey(data, key, upgraded.key, upgraded.lock);
          await rememberKey(upgraded.lock, upgraded.key);
        } else {
          await rememberKey(data.lock, key);
        }
        return { ok: true };
      });
    },

    lock() {
      return storage.exclusive(() => forgetSessionKey(session));
    },
  };
}
