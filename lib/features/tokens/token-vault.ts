import type { StorageAreaLike } from '../../core/storage/storage-area';
import { bytesToBase64, base64ToBytes } from './base64';
import { localIsoDate } from './iso-date';
import { passphraseProblem } from './passphrase-policy';
import { secretHint } from './secret-hint';
import { forgetSessionKey, readSessionKey, writeSessionKey } from './session-key';
import type { TokenFieldErrors, TokenFormInput } from './token-form-input';
import type { CloudKind } from './token-kind';
import type { DetectedIdentity, StoredSecret, TokenRecord, TokensData, VaultLock } from './token-record';
import { toTokenSummary, type TokenSummary } from './token-summary';
import { toVaultError, TokenVaultError } from './token-vault-error';
import { createTokensArea } from './tokens-area';
import { validateTokenInput } from './validate-token-input';
import {
  defaultRandomBytes,
  deriveVaultKey,
  exportVaultKey,
  importVaultKey,
  keyMatchesVerifier,
  makeVerifier,
  open,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  seal,
  secretContext,
  type RandomBytes,
} from './vault-crypto';

export interface TokenVaultOptions {
  /** `browser.storage.local`: the only place tokens are kept (never `sync`). */
  local: StorageAreaLike;
  /** `browser.storage.session`, restricted to trusted contexts: holds the unlocked key. */
  session: StorageAreaLike;
  crypto?: SubtleCrypto;
  now?: () => Date;
  randomBytes?: RandomBytes;
}

/** 'none': no passphrase, secrets in clear; 'locked' / 'unlocked': passphrase set. */
export type LockState = 'none' | 'locked' | 'unlocked';

export type SecretResult = { ok: true; secret: string } | { ok: false; reason: 'locked' | 'not-found' };

export type TokenWriteResult =
  | { ok: true; token: TokenSummary }
  | { ok: false; reason: 'invalid'; errors: TokenFieldErrors }
  | { ok: false; reason: 'locked' | 'not-found'; message: string };

export type PassphraseResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-passphrase' | 'weak-passphrase' | 'no-passphrase' | 'already-set'; message: string };

/** What a probe showed for one site; 'unknown' forgets an earlier detection there. */
export interface DetectionToRecord {
  kind: CloudKind | 'unknown';
  identity?: DetectedIdentity;
}

export interface TokenVault {
  list(): Promise<TokenSummary[]>;
  get(id: string): Promise<TokenSummary | undefined>;
  add(input: TokenFormInput): Promise<TokenWriteResult>;
  /** An empty secret in the form keeps the saved one. */
  update(id: string, input: TokenFormInput): Promise<TokenWriteResult>;
  /** False when there was no such token. */
  remove(id: string): Promise<boolean>;
  /** For the request client, inside the background only. */
  getSecret(id: string): Promise<SecretResult>;
  lockState(): Promise<LockState>;
  setPassphrase(passphrase: string): Promise<PassphraseResult>;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<PassphraseResult>;
  removePassphrase(passphrase: string): Promise<PassphraseResult>;
  unlock(passphrase: string): Promise<PassphraseResult>;
  /** Forgets the session key; the passphrase is needed again. */
  lock(): Promise<void>;
  recordDetection(id: string, site: string, result: DetectionToRecord): Promise<TokenSummary | undefined>;
}

const MESSAGES = {
  lockedAdd: 'Your tokens are locked. Unlock them with your passphrase first: a new token is encrypted with the same key.',
  lockedEdit: 'Your tokens are locked. Unlock them with your passphrase to replace this secret: it is encrypted with the same key. (You can change the other fields without unlocking by leaving the token field empty.)',
  notFound: 'This token no longer exists; it may have been removed in another window.',
  wrongPassphrase: 'That passphrase is not the one your tokens are locked with. Nothing was changed.',
  wrongOldPassphrase: 'The current passphrase is not the one your tokens are locked with. Nothing was changed.',
  noPassphrase: 'No passphrase is set: your tokens are not locked.',
  alreadySet: 'A passphrase is already set. Use “Change passphrase” to replace it.',
} as const;

export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const subtle = options.crypto ?? globalThis.crypto.subtle;
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const area = createTokensArea(options.local);
  const session = options.session;

  // Every operation that writes, or depends on the key, runs one at a time: a re-encryption
  // must never interleave with an add, or one of them would be lost.
  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(operation: () => Promise<T>): Promise<T> {
    const next = queue.then(operation);
    queue = next.catch(() => undefined);
    return next;
  }

  async function read(): Promise<TokensData> {
    try {
      return await area.read();
    } catch (error) {
      throw toVaultError('The saved tokens could not be read', error);
    }
  }

  async function write(data: TokensData): Promise<void> {
    try {
      await area.write(data);
    } catch (error) {
      throw toVaultError('The tokens could not be saved', error);
    }
  }

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

  async function storeSecret(key: CryptoKey | undefined, id: string, secret: string): Promise<StoredSecret> {
    if (!key) return { kind: 'plain', value: secret };
    return { kind: 'aes-gcm', ...(await seal(subtle, key, secret, secretContext(id), randomBytes)) };
  }

  async function revealSecret(key: CryptoKey | undefined, record: TokenRecord): Promise<string> {
    if (record.secret.kind === 'plain') return record.secret.value;
    const secret = key ? await open(subtle, key, record.secret, secretContext(record.id)) : undefined;
    if (secret === undefined) {
      throw new TokenVaultError(
        `The secret of the token “${record.label}” could not be decrypted: its saved data is damaged. Remove that token and add it again.`,
      );
    }
    return secret;
  }

  /**
   * Re-stores every secret under `to` (undefined: in clear) with the new lock, in one write.
   * Everything is decrypted and re-encrypted in memory first, so a failure leaves storage as it was.
   */
  async function rekey(data: TokensData, from: CryptoKey | undefined, to: CryptoKey | undefined, lock: VaultLock | null) {
    const tokens: TokenRecord[] = [];
    for (const record of data.tokens) {
      const secret = await revealSecret(from, record);
      tokens.push({ ...record, secret: await storeSecret(to, record.id, secret) });
    }
    await write({ tokens, lock });
  }

  function newId(): string {
    return Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function today(): string {
    return localIsoDate(now());
  }

  return {
    async list() {
      return (await read()).tokens.map(toTokenSummary);
    },

    async get(id) {
      const record = (await read()).tokens.find((t) => t.id === id);
      return record ? toTokenSummary(record) : undefined;
    },

    add(input) {
      return serialized(async (): Promise<TokenWriteResult> => {
        const data = await read();
        const checked = validateTokenInput(input, { today: today(), existing: data.tokens });
        if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
        const key = data.lock ? await sessionKey(data.lock) : undefined;
        if (data.lock && !key) return { ok: false, reason: 'locked', message: MESSAGES.lockedAdd };
        const { secret, ...fields } = checked.value;
        if (secret === undefined) throw new TokenVaultError('A new token needs a secret.'); // validation guarantees one
        const id = newId();
        const record: TokenRecord = {
          id,
          ...fields,
          secret: await storeSecret(key, id, secret),
          secretHint: secretHint(secret),
          detected: [],
          createdAt: now().toISOString(),
        };
        await write({ ...data, tokens: [...data.tokens, record] });
        return { ok: true, token: toTokenSummary(record) };
      });
    },

    update(id, input) {
      return serialized(async (): Promise<TokenWriteResult> => {
        const data = await read();
        const current = data.tokens.find((t) => t.id === id);
        if (!current) return { ok: false, reason: 'not-found', message: MESSAGES.notFound };
        const checked = validateTokenInput(input, {
          today: today(),
          existing: data.tokens,
          editing: { id, ...(current.expiresOn !== undefined ? { expiresOn: current.expiresOn } : {}) },
        });
        if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
        const { secret, ...fields } = checked.value;
        let stored = current.secret;
        let hint = current.secretHint;
        if (secret !== undefined) {
          const key = data.lock ? await sessionKey(data.lock) : undefined;
          if (data.lock && !key) return { ok: false, reason: 'locked', message: MESSAGES.lockedEdit };
          stored = await storeSecret(key, id, secret);
          hint = secretHint(secret);
        }
        // Probes vouch for one secret with one email; with either changed they prove nothing.
        const credentialsChanged = secret !== undefined || fields.email !== current.email || fields.kind === 'dc-pat';
        const detected = credentialsChanged
          ? []
          : current.detected.filter((d) => fields.sites.length === 0 || fields.sites.includes(d.site));
        const record: TokenRecord = {
          id,
          ...fields,
          secret: stored,
          secretHint: hint,
          detected,
          createdAt: current.createdAt,
        };
        await write({ ...data, tokens: data.tokens.map((t) => (t.id === id ? record : t)) });
        return { ok: true, token: toTokenSummary(record) };
      });
    },

    remove(id) {
      return serialized(async () => {
        const data = await read();
        if (!data.tokens.some((t) => t.id === id)) return false;
        await write({ ...data, tokens: data.tokens.filter((t) => t.id !== id) });
        return true;
      });
    },

    getSecret(id) {
      return serialized(async (): Promise<SecretResult> => {
        const data = await read();
        const record = data.tokens.find((t) => t.id === id);
        if (!record) return { ok: false, reason: 'not-found' };
        if (record.secret.kind === 'plain') return { ok: true, secret: record.secret.value };
        const key = data.lock ? await sessionKey(data.lock) : undefined;
        if (!key) return { ok: false, reason: 'locked' };
        return { ok: true, secret: await revealSecret(key, record) };
      });
    },

    lockState() {
      return serialized(async (): Promise<LockState> => {
        const { lock } = await read();
        if (!lock) return 'none';
        return (await sessionKey(lock)) ? 'unlocked' : 'locked';
      });
    },

    setPassphrase(passphrase) {
      return serialized(async (): Promise<PassphraseResult> => {
        const data = await read();
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
      return serialized(async (): Promise<PassphraseResult> => {
        const data = await read();
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
      return serialized(async (): Promise<PassphraseResult> => {
        const data = await read();
        if (!data.lock) return { ok: false, reason: 'no-passphrase', message: MESSAGES.noPassphrase };
        const key = await keyFromPassphrase(data.lock, passphrase);
        if (!key) return { ok: false, reason: 'wrong-passphrase', message: MESSAGES.wrongPassphrase };
        await rekey(data, key, undefined, null);
        await forgetSessionKey(session);
        return { ok: true };
      });
    },

    unlock(passphrase) {
      return serialized(async (): Promise<PassphraseResult> => {
        const data = await read();
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
      return serialized(() => forgetSessionKey(session));
    },

    recordDetection(id, site, result) {
      return serialized(async () => {
        const data = await read();
        const current = data.tokens.find((t) => t.id === id);
        if (!current) return undefined;
        const host = site.trim().toLowerCase();
        const others = current.detected.filter((d) => d.site !== host);
        const detected =
          result.kind === 'unknown'
            ? others
            : [
                ...others,
                {
                  site: host,
                  kind: result.kind,
                  checkedAt: now().toISOString(),
                  ...(result.identity ? { identity: copyIdentity(result.identity) } : {}),
                },
              ];
        const record: TokenRecord = { ...current, detected };
        await write({ ...data, tokens: data.tokens.map((t) => (t.id === id ? record : t)) });
        return toTokenSummary(record);
      });
    },
  };
}

// Field by field: a probe's identity object may carry more than the record is meant to keep.
function copyIdentity(identity: DetectedIdentity): DetectedIdentity {
  return identity.displayName !== undefined
    ? { accountId: identity.accountId, displayName: identity.displayName }
    : { accountId: identity.accountId };
}
