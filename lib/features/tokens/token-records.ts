import { damagedIds } from './damaged-records';
import { localIsoDate } from './iso-date';
import type { PassphraseLock } from './passphrase-lock';
import { secretHint } from './secret-hint';
import type { StoredDetection } from './token-detection-record';
import { prunedDetections, summarize } from './token-detections';
import type { TokenFieldErrors, TokenFormInput } from './token-form-input';
import type { TokenRecord, TokensData } from './token-record';
import { tokenRevision, type TokenRevision } from './token-revision';
import type { TokenSummary } from './token-summary';
import { TokenVaultError } from './token-vault-error';
import { FIRST_SECRET_REVISION } from './tokens-v2-migration';
import { validateReplacement, type ReplacementInput } from './validate-replacement';
import { validateTokenInput } from './validate-token-input';
import type { RandomBytes } from './vault-crypto';
import type { VaultStorage } from './vault-storage';

/** With the secret, the revision it is at: a detection made with it is recorded against that revision. */
export type SecretResult =
  | { ok: true; secret: string; secretRevision: number }
  | { ok: false; reason: 'locked' | 'not-found' };

export type TokenWriteResult =
  | { ok: true; token: TokenSummary }
  | { ok: false; reason: 'invalid'; errors: TokenFieldErrors }
  | { ok: false; reason: 'locked' | 'not-found' | 'stale'; message: string };

/** The saved tokens themselves; their secrets are sealed and opened by the passphrase lock. */
export interface TokenRecords {
  list(): Promise<TokenSummary[]>;
  get(id: string): Promise<TokenSummary | undefined>;
  add(input: TokenFormInput): Promise<TokenWriteResult>;
  /**
   * An empty secret in the form keeps the saved one. `basedOn`: the revision the form was filled
   * from; when the token has changed since, nothing is written (`stale`). Absent: no such check.
   */
  update(id: string, input: TokenFormInput, basedOn?: TokenRevision): Promise<TokenWriteResult>;
  /**
   * "Replace token": a new secret and the new token's expiry date; everything else of the record
   * stays. `basedOn` as for `update`. Always needs the key, so a locked vault answers `locked`.
   */
  replace(id: string, replacement: ReplacementInput, basedOn?: TokenRevision): Promise<TokenWriteResult>;
  /** False when there was no such token. */
  remove(id: string): Promise<boolean>;
  /** For the request client, inside the background only. */
  getSecret(id: string): Promise<SecretResult>;
}

export interface TokenRecordsOptions {
  storage: VaultStorage;
  lock: Pick<PassphraseLock, 'codecFor'>;
  now: () => Date;
  randomBytes: RandomBytes;
}

const LOCKED_SECRET = 'Your tokens are locked. Unlock them with your passphrase to replace this secret: it is encrypted with the same key.';

const MESSAGES = {
  lockedAdd: 'Your tokens are locked. Unlock them with your passphrase first: a new token is encrypted with the same key.',
  lockedEdit: `${LOCKED_SECRET} (You can change the other fields without unlocking by leaving the token field empty.)`,
  // The same answer as an edit with a new secret; there are no other fields to offer instead.
  lockedReplace: LOCKED_SECRET,
  notFound: 'This token no longer exists; it may have been removed in another window.',
  stale: 'This token was changed in another window: reload to see the change, then edit it again.',
  staleReplace: 'This token was changed in another window: reload to see what it keeps now, then replace it again.',
} as const;

export function createTokenRecords(options: TokenRecordsOptions): TokenRecords {
  const { storage, lock, now, randomBytes } = options;

  function newId(): string {
    return Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function today(): string {
    return localIsoDate(now());
  }

  /**
   * Drops the detections that will no longer hold, then writes the records. In that order, a
   * failure part way loses at most detections (made again by the next check), never an edit
   * that was reported as failed yet saved. Damaged records, and what was found for them, stay.
   * The detections kept.
   */
  async function pruneAndWriteTokens(data: TokensData): Promise<StoredDetection[]> {
    const stored = await storage.readDetections();
    const kept = prunedDetections(stored, data.tokens, damagedIds(data.damaged));
    if (kept.length !== stored.length) await storage.writeDetections(kept);
    await storage.writeTokens(data);
    return kept;
  }

  return {
    async list() {
      const { tokens } = await storage.readTokens();
      const detections = await storage.readDetections();
      return tokens.map((record) => summarize(record, detections));
    },

    async get(id) {
      const record = (await storage.readTokens()).tokens.find((t) => t.id === id);
      return record ? summarize(record, await storage.readDetections()) : undefined;
    },

    add(input) {
      return storage.exclusive(async (): Promise<TokenWriteResult> => {
        const data = await storage.readTokens();
        const checked = validateTokenInput(input, { today: today(), existing: data.tokens });
        if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
        const codec = await lock.codecFor(data.lock);
        if (!codec) return { ok: false, reason: 'locked', message: MESSAGES.lockedAdd };
        const { secret, ...fields } = checked.value;
        if (secret === undefined) throw new TokenVaultError('A new token needs a secret.'); // validation guarantees one
        const id = newId();
        const record: TokenRecord = {
          id,
          ...fields,
          secret: await codec.seal(id, secret),
          secretHint: secretHint(secret),
          secretRevision: FIRST_SECRET_REVISION,
          createdAt: now().toISOString(),
        };
        await storage.writeTokens({ ...data, tokens: [...data.tokens, record] });
        return { ok: true, token: summarize(record, []) };
      });
    },

    update(id, input, basedOn) {
      return storage.exclusive(async (): Promise<TokenWriteResult> => {
        const data = await storage.readTokens();
        const current = data.tokens.find((t) => t.id === id);
        if (!current) return { ok: false, reason: 'not-found', message: MESSAGES.notFound };
        // Checked inside the exclusive section: no other write can land between this and ours.
        if (basedOn !== undefined && basedOn !== tokenRevision(current)) return { ok: false, reason: 'stale', message: MESSAGES.stale };
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
          const codec = await lock.codecFor(data.lock);
          if (!codec) return { ok: false, reason: 'locked', message: MESSAGES.lockedEdit };
          stored = await codec.seal(id, secret);
          hint = secretHint(secret);
        }
        // Probes vouch for one secret with one email; with either changed they prove nothing.
        // A new revision forgets the detections, and any made meanwhile with the old secret.
        const credentialsChanged = secret !== undefined || fields.email !== current.email || fields.kind === 'dc-pat';
        const record: TokenRecord = {
          id,
          ...fields,
          secret: stored,
          secretHint: hint,
          secretRevision: credentialsChanged ? current.secretRevision + 1 : current.secretRevision,
          createdAt: current.createdAt,
        };
        const detections = await pruneAndWriteTokens({ ...data, tokens: data.tokens.map((t) => (t.id === id ? record : t)) });
        return { ok: true, token: summarize(record, detections) };
      });
    },

    replace(id, replacement, basedOn) {
      return storage.exclusive(async (): Promise<TokenWriteResult> => {
        const data = await storage.readTokens();
        const current = data.tokens.find((t) => t.id === id);
        if (!current) return { ok: false, reason: 'not-found', message: MESSAGES.notFound };
        if (basedOn !== undefined && basedOn !== tokenRevision(current)) return { ok: false, reason: 'stale', message: MESSAGES.staleReplace };
        const checked = validateReplacement(replacement, { today: today(), kind: current.kind });
        if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
        const codec = await lock.codecFor(data.lock);
        if (!codec) return { ok: false, reason: 'locked', message: MESSAGES.lockedReplace };
        const { secret, expiresOn } = checked.value;
        const { expiresOn: _oldExpiry, ...kept } = current;
        const record: TokenRecord = {
          ...kept,
          ...(expiresOn !== undefined ? { expiresOn } : {}),
          secret: await codec.seal(id, secret),
          secretHint: secretHint(secret),
          // What was detected or confirmed with the old secret says nothing of the new one (it may
          // be scoped where the old was classic): a new revision makes every check start afresh.
          secretRevision: current.secretRevision + 1,
        };
        const detections = await pruneAndWriteTokens({ ...data, tokens: data.tokens.map((t) => (t.id === id ? record : t)) });
        return { ok: true, token: summarize(record, detections) };
      });
    },

    remove(id) {
      return storage.exclusive(async () => {
        const data = await storage.readTokens();
        if (!data.tokens.some((t) => t.id === id)) return false;
        await pruneAndWriteTokens({ ...data, tokens: data.tokens.filter((t) => t.id !== id) });
        return true;
      });
    },

    getSecret(id) {
      return storage.exclusive(async (): Promise<SecretResult> => {
        const data = await storage.readTokens();
        const record = data.tokens.find((t) => t.id === id);
        if (!record) return { ok: false, reason: 'not-found' };
        const codec = await lock.codecFor(data.lock);
        if (!codec) return { ok: false, reason: 'locked' };
        return { ok: true, secret: await codec.reveal(record), secretRevision: record.secretRevision };
      });
    },
  };
}
