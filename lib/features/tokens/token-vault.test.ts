import { describe, expect, it } from 'vitest';
import { RejectedMessageError } from '../../core/messaging/reply';
import { createMemoryDeviceKeyStore } from '../../core/storage/memory-device-key-store';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';
import { bytesToBase64 } from './base64';
import { SecretUndecryptableError } from './secret-undecryptable-error';
import { SESSION_KEY_STORAGE_KEY } from './session-key';
import type { TokenFormInput } from './token-form-input';
import type { TokensData } from './token-record';
import { createTokenVault, type TokenVault } from './token-vault';
import { TokenVaultError } from './token-vault-error';
import { TOKENS_SCHEMA_VERSION, TOKENS_STORAGE_KEY } from './tokens-area';
import { deriveVaultKey, makeVerifier, PBKDF2_ITERATIONS, seal, secretContext } from './vault-crypto';

// Fake secrets: long enough to show a hint, never a real token prefix.
const SECRET_A = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const SECRET_C = 'fake-secret-charlie-0123456789abcdefgh-CCCC';
const ALL_SECRETS = [SECRET_A, SECRET_B, SECRET_C];
const PASSPHRASE = 'correct horse battery staple';
const OTHER_PASSPHRASE = 'a different long passphrase';

function cloudInput(overrides: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: SECRET_A, expiresOn: '2025-06-08', sites: [], ...overrides };
}

function setup() {
  const local = createMemoryStorageArea();
  const session = createMemoryStorageArea();
  // Shared by every vault made from `options`: a restarted service worker finds the same IndexedDB.
  const deviceKeys = createMemoryDeviceKeyStore();
  const options = { local, session, deviceKeys, now: () => new Date(2025, 2, 10, 12, 0, 0) };
  return { local, session, deviceKeys, options, vault: createTokenVault(options) };
}

/** What `getSecret` answers for a token whose secret is at `secretRevision`. */
function revealed(secret: string, secretRevision = 1) {
  return { ok: true, secret, secretRevision };
}

async function revisionOf(vault: TokenVault, id: string): Promise<number> {
  const result = await vault.getSecret(id);
  if (!result.ok) throw new Error(`no secret: ${result.reason}`);
  return result.secretRevision;
}

async function addOk(vault: TokenVault, input: TokenFormInput) {
  const result = await vault.add(input);
  if (!result.ok) throw new Error(`add failed: ${JSON.stringify(result)}`);
  return result.token;
}

function snapshot(...areas: { dump(): Record<string, unknown> }[]): string {
  return JSON.stringify(areas.map((a) => a.dump()));
}

function expectNoSecretIn(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [String(error), error.stack ?? '', JSON.stringify(error, Object.getOwnPropertyNames(error))].join('\n');
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('token vault without a passphrase', () => {
  it('adds, lists, edits and removes tokens', async () => {
    const { vault, local } = setup();
    const work = await addOk(vault, cloudInput({ sites: ['acme.atlassian.net'] }));
    const intranet = await addOk(vault, {
      label: 'Intranet',
      kind: 'dc-pat',
      secret: SECRET_B,
      dcBaseUrl: 'https://confluence.dc.test/confluence',
      readOnly: true,
    });
    expect(work).toMatchObject({
      label: 'Work',
      email: 'ada@example.com',
      kind: 'auto',
      secretHint: '…AAAA',
      expiresOn: '2025-06-08',
      sites: ['acme.atlassian.net'],
      readOnly: false,
      detected: [],
      mismatch: [],
      createdAt: new Date(2025, 2, 10, 12, 0, 0).toISOString(),
    });
    expect(work.id).toMatch(/^[0-9a-f]{32}$/);
    expect(intranet).toMatchObject({ kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/confluence', readOnly: true });
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work', 'Intranet']);
    expect(await vault.get(work.id)).toEqual(work);
    expect(await vault.getSecret(intranet.id)).toEqual(revealed(SECRET_B));
    expect(await vault.lockState()).toBe('none');

    const renamed = await vault.update(work.id, cloudInput({ label: 'Work (acme)', secret: '', readOnly: true }));
    expect(renamed).toMatchObject({ ok: true, token: { id: work.id, label: 'Work (acme)', readOnly: true, secretHint: '…AAAA', createdAt: work.createdAt } });
    expect(await vault.getSecret(work.id)).toEqual(revealed(SECRET_A));

    const replaced = await vault.update(work.id, cloudInput({ label: 'Work (acme)', secret: SECRET_C }));
    expect(replaced).toMatchObject({ ok: true, token: { secretHint: '…CCCC' } });
    expect(await vault.getSecret(work.id)).toEqual(revealed(SECRET_C, 2));

    expect(await vault.remove(intranet.id)).toBe(true);
    expect(await vault.remove(intranet.id)).toBe(false);
    expect(await vault.getSecret(intranet.id)).toEqual({ ok: false, reason: 'not-found' });
    expect((await vault.list()).map((t) => t.id)).toEqual([work.id]);
    expect(local.dump()[TOKENS_STORAGE_KEY]).toMatchObject({ schemaVersion: TOKENS_SCHEMA_VERSION });
  });

  it('returns field errors and saves nothing when the form is invalid', async () => {
    const { vault, local } = setup();
    await addOk(vault, cloudInput());
    const before = snapshot(local);
    const result = await vault.add(cloudInput({ label: 'WORK', email: 'nope', secret: `${SECRET_B}\n`, expiresOn: '2027-01-01' }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: {
        label: 'Another token already has this name. Choose a different name.',
        email: 'This is not an email address. Enter it like name@example.com.',
        secret: expect.stringContaining('line break'),
        expiresOn: 'Choose a date from 2025-03-11 to 2026-03-10: Atlassian Cloud tokens expire 1 to 365 days after they are created.',
      },
    });
    expectNoSecretIn(result);
    expect(snapshot(local)).toBe(before);
  });

  it('says when the token to edit is gone', async () => {
    const { vault } = setup();
    expect(await vault.update('missing', cloudInput())).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringContaining('no longer exists') });
  });

  it('records detections per site, warns on a mismatch and forgets them when the credentials change', async () => {
    const { vault, options } = setup();
    const token = await addOk(vault, cloudInput({ kind: 'classic' }));
    const revision = await revisionOf(vault, token.id);
    await vault.recordDetection(token.id, 'acme.atlassian.net', { kind: 'classic', identity: { accountId: 'acc-1', displayName: 'Ada Example' } }, revision);
    const summary = await vault.recordDetection(token.id, 'Beta.atlassian.net', { kind: 'scoped' }, revision);
    expect(summary?.detected).toEqual([
      { site: 'acme.atlassian.net', kind: 'classic', checkedAt: options.now().toISOString(), identity: { accountId: 'acc-1', displayName: 'Ada Example' } },
      { site: 'beta.atlassian.net', kind: 'scoped', checkedAt: options.now().toISOString() },
    ]);
    expect(summary?.mismatch).toEqual([{ site: 'beta.atlassian.net', detected: 'scoped', sentence: expect.stringMatching(/^You chose “classic token”, but on beta\.atlassian\.net/) }]);

    // Re-detecting a site replaces its entry; an unknown outcome forgets it.
    const again = await vault.recordDetection(token.id, 'beta.atlassian.net', { kind: 'unknown' }, revision);
    expect(again?.detected.map((d) => d.site)).toEqual(['acme.atlassian.net']);

    // Narrowing the sites drops detections for the others; the kind alone keeps them.
    await vault.recordDetection(token.id, 'beta.atlassian.net', { kind: 'classic' }, revision);
    const narrowed = await vault.update(token.id, cloudInput({ kind: 'auto', secret: '', sites: ['beta.atlassian.net'] }));
    expect(narrowed.ok && narrowed.token.detected.map((d) => d.site)).toEqual(['beta.atlassian.net']);

    const newSecret = await vault.update(token.id, cloudInput({ secret: SECRET_B, sites: [] }));
    expect(newSecret.ok && newSecret.token.detected).toEqual([]);
    expect(await vault.recordDetection('missing', 'acme.atlassian.net', { kind: 'classic' }, 1)).toBeUndefined();
  });

  it('does not lose concurrent additions', async () => {
    const { vault } = setup();
    await Promise.all(['One', 'Two', 'Three', 'Four'].map((label) => vault.add(cloudInput({ label }))));
    expect((await vault.list()).map((t) => t.label).sort()).toEqual(['Four', 'One', 'Three', 'Two']);
  });

  it('leaves data written by a newer version untouched', async () => {
    const local = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: { schemaVersion: TOKENS_SCHEMA_VERSION + 1, data: { future: true } } });
    const before = snapshot(local);
    const vault = createTokenVault({ local, session: createMemoryStorageArea() });
    expect(await caught(vault.list())).toBeInstanceOf(StoredDataTooNewError);
    expect(await caught(vault.add(cloudInput()))).toBeInstanceOf(StoredDataTooNewError);
    expect(snapshot(local)).toBe(before);
  });

  it('keeps going with the good records when one is damaged, reports it, and writes it back as it was', async () => {
    const { vault, local } = setup();
    const work = await addOk(vault, cloudInput());
    const other = await addOk(vault, cloudInput({ label: 'Other', secret: SECRET_B }));
    const revision = await revisionOf(vault, other.id);
    await vault.recordDetection(other.id, 'acme.atlassian.net', { kind: 'classic' }, revision);
    const stored = local.dump()[TOKENS_STORAGE_KEY] as { data: { tokens: Record<string, unknown>[] } };
    const damaged = structuredClone(stored);
    damaged.data.tokens[1]!.readOnly = SECRET_C;
    await local.set({ [TOKENS_STORAGE_KEY]: damaged });
    const kept = structuredClone(damaged.data.tokens[1]);

    expect((await vault.list()).map((t) => t.label)).toEqual(['Work']);
    expect(await vault.problems()).toEqual({ damaged: 1, undecryptable: [] });
    expect(await vault.getSecret(work.id)).toEqual(revealed(SECRET_A));
    expect(await vault.getSecret(other.id)).toEqual({ ok: false, reason: 'not-found' });
    expectNoSecretIn(await vault.list());

    // Every write keeps the damaged record as it is, and what was found for it.
    const third = await addOk(vault, cloudInput({ label: 'Third', secret: SECRET_C }));
    await vault.update(work.id, cloudInput({ label: 'Work renamed', secret: '' }));
    await vault.remove(third.id);
    expect(await vault.setPassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect(await vault.removePassphrase(PASSPHRASE)).toEqual({ ok: true });
    const after = local.dump() as Record<string, { data: { tokens?: unknown[]; detections?: { tokenId: string }[] } }>;
    expect(after[TOKENS_STORAGE_KEY]!.data.tokens).toContainEqual(kept);
    expect(after[TOKENS_STORAGE_KEY]!.data.tokens).toHaveLength(2);
    expect(after.tokenDetections!.data.detections!.map((d) => d.tokenId)).toEqual([other.id]);
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work renamed']);
    expect(await vault.problems()).toEqual({ damaged: 1, undecryptable: [] });
  });

  it('reports a damaged lock without repeating what is stored', async () => {
    const { vault, local } = setup();
    await addOk(vault, cloudInput());
    const stored = local.dump()[TOKENS_STORAGE_KEY] as { data: Record<string, unknown> };
    const damaged = structuredClone(stored);
    damaged.data.lock = SECRET_B;
    await local.set({ [TOKENS_STORAGE_KEY]: damaged });
    const error = await caught(vault.list());
    expect(error).toBeInstanceOf(TokenVaultError);
    expect(String(error)).toMatch(/The saved tokens could not be read: the saved token data is malformed \(lock/);
    expectNoSecretIn(errorText(error));
  });
});

describe('token vault at rest', () => {
  it('keeps every secret encrypted under a non-extractable device key, with or without a passphrase', async () => {
    const deviceKeys = createMemoryDeviceKeyStore();
    const local = createMemoryStorageArea();
    const vault = createTokenVault({ local, session: createMemoryStorageArea(), deviceKeys, now: () => new Date(2025, 2, 10) });
    await addOk(vault, cloudInput());
    await addOk(vault, { label: 'DC', kind: 'dc-pat', secret: SECRET_B, dcBaseUrl: 'https://confluence.dc.test' });
    const key = await deviceKeys.load();
    expect(key?.key.extractable).toBe(false);
    expect(key?.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const secrets = () => (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data.tokens.map((t) => t.secret);
    expect(secrets()).toEqual([
      { kind: 'device', keyId: key?.id, iv: expect.any(String), ciphertext: expect.any(String) },
      { kind: 'device', keyId: key?.id, iv: expect.any(String), ciphertext: expect.any(String) },
    ]);
    expectNoSecretIn(local.dump());
    await vault.setPassphrase(PASSPHRASE);
    expect(secrets().map((s) => [s.kind, s.keyId])).toEqual([
      ['passphrase+device', key?.id],
      ['passphrase+device', key?.id],
    ]);
    expectNoSecretIn(local.dump());
    expect(deviceKeys.created).toBe(1);
  });
});

describe('token vault when this browser has lost its device key', () => {
  /** Two tokens saved, then the device key gone (the IndexedDB deleted) and the service worker restarted. */
  async function lostKey(passphrase?: string) {
    const deviceKeys = createMemoryDeviceKeyStore();
    const local = createMemoryStorageArea();
    const session = createMemoryStorageArea();
    const options = { local, session, deviceKeys, now: () => new Date(2025, 2, 10, 12, 0, 0) };
    const before = createTokenVault(options);
    const work = await addOk(before, cloudInput({ sites: ['acme.atlassian.net'] }));
    const dc = await addOk(before, { label: 'Intranet', kind: 'dc-pat', secret: SECRET_B, dcBaseUrl: 'https://confluence.dc.test', readOnly: true });
    await before.recordDetection(work.id, 'acme.atlassian.net', { kind: 'classic', identity: { accountId: 'acc-1' } }, 1);
    if (passphrase) await before.setPassphrase(passphrase);
    const summaries = await before.list();
    deviceKeys.forget();
    return { deviceKeys, local, session, work, dc, summaries, vault: createTokenVault(options) };
  }

  it('still lists every token with its fields and detections, and says which secrets cannot be decrypted', async () => {
    const { vault, local, work, dc, summaries, deviceKeys } = await lostKey();
    const stored = snapshot(local);
    expect(await vault.list()).toEqual(summaries);
    expect(await vault.problems()).toEqual({ damaged: 0, undecryptable: [work.id, dc.id] });
    const error = await caught(vault.getSecret(work.id));
    expect(error).toBeInstanceOf(SecretUndecryptableError);
    expect(error).toBeInstanceOf(RejectedMessageError);
    expect(String(error)).toContain('The saved secret of “Work” cannot be decrypted: this browser no longer has the key it was encrypted with. Edit the token and enter its secret again.');
    expectNoSecretIn(errorText(error));
    // Reading made no key and changed nothing.
    expect(deviceKeys.created).toBe(1);
    expect(snapshot(local)).toBe(stored);
  });

  it('edits other fields without the secret, and makes a token usable again when its secret is entered again', async () => {
    const { vault, local, work, dc, deviceKeys } = await lostKey();
    expect(await vault.update(dc.id, { label: 'Intranet (old)', kind: 'dc-pat', secret: '', dcBaseUrl: 'https://confluence.dc.test', readOnly: true })).toMatchObject({ ok: true });
    const replaced = await vault.update(work.id, cloudInput({ sites: ['acme.atlassian.net'], secret: SECRET_C }));
    expect(replaced).toMatchObject({ ok: true, token: { secretHint: '…CCCC' } });
    expect(await vault.getSecret(work.id)).toEqual(revealed(SECRET_C, 2));
    // A new key was made for the new secret; the other token is still said to need its secret.
    expect(deviceKeys.created).toBe(2);
    expect(await vault.problems()).toEqual({ damaged: 0, undecryptable: [dc.id] });
    await expect(vault.getSecret(dc.id)).rejects.toBeInstanceOf(SecretUndecryptableError);
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work', 'Intranet (old)']);
    expectNoSecretIn(local.dump());
  });

  it('refuses a passphrase change it cannot finish, naming the token, with nothing changed', async () => {
    const { vault, local, session } = await lostKey();
    const before = snapshot(local, session);
    const error = await caught(vault.setPassphrase(PASSPHRASE));
    expect(error).toBeInstanceOf(SecretUndecryptableError);
    expect(String(error)).toContain('“Work” cannot be decrypted');
    expect(snapshot(local, session)).toBe(before);
  });

  it('with a passphrase: unlocks, then says the same, and takes the secret again', async () => {
    const { vault, work } = await lostKey(PASSPHRASE);
    expect(await vault.lockState()).toBe('unlocked'); // the passphrase key is in session storage, not IndexedDB
    await vault.lock();
    expect(await vault.getSecret(work.id)).toEqual({ ok: false, reason: 'locked' });
    expect(await vault.unlock(PASSPHRASE)).toEqual({ ok: true });
    await expect(vault.getSecret(work.id)).rejects.toBeInstanceOf(SecretUndecryptableError);
    expect(await vault.update(work.id, cloudInput({ sites: ['acme.atlassian.net'], secret: SECRET_C }))).toMatchObject({ ok: true });
    expect(await vault.getSecret(work.id)).toEqual(revealed(SECRET_C, 2));
  });
});

describe('token vault with a passphrase', () => {
  it('encrypts every secret, locks, refuses a wrong passphrase without changing anything, and unlocks', async () => {
    const { vault, local, session, options } = setup();
    const a = await addOk(vault, cloudInput());
    const b = await addOk(vault, cloudInput({ label: 'Other', secret: SECRET_B }));

    expect(await vault.setPassphrase('short')).toMatchObject({ ok: false, reason: 'weak-passphrase' });
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ ok: false, reason: 'no-passphrase' });
    expect(await vault.setPassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect(await vault.setPassphrase(OTHER_PASSPHRASE)).toMatchObject({ ok: false, reason: 'already-set' });

    const stored = local.dump()[TOKENS_STORAGE_KEY] as { schemaVersion: number; data: TokensData };
    expectNoSecretIn(local.dump());
    expect(stored.data.tokens.map((t) => t.secret.kind)).toEqual(['passphrase+device', 'passphrase+device']);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(stored.data.lock?.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(atob(stored.data.lock?.kdf.salt ?? '')).toHaveLength(16);

    // Setting the passphrase unlocks for this session; the list still shows hints.
    expect(await vault.lockState()).toBe('unlocked');
    expect(await vault.getSecret(a.id)).toEqual(revealed(SECRET_A));
    expect((await vault.list()).map((t) => t.secretHint)).toEqual(['…AAAA', '…BBBB']);

    // A restarted service worker finds the key in session storage.
    const restarted = createTokenVault(options);
    expect(await restarted.getSecret(b.id)).toEqual(revealed(SECRET_B));

    await vault.lock();
    expect(session.dump()).toEqual({});
    expect(await vault.lockState()).toBe('locked');
    expect(await vault.getSecret(a.id)).toEqual({ ok: false, reason: 'locked' });
    expect(await vault.getSecret('missing')).toEqual({ ok: false, reason: 'not-found' });
    expect((await vault.list()).map((t) => t.secretHint)).toEqual(['…AAAA', '…BBBB']);

    // New secrets need the key; other edits do not.
    const lockedAdd = await vault.add(cloudInput({ label: 'Third', secret: SECRET_C }));
    expect(lockedAdd).toMatchObject({ ok: false, reason: 'locked', message: expect.stringContaining('Unlock them with your passphrase first') });
    expect(await vault.update(a.id, cloudInput({ secret: SECRET_C }))).toMatchObject({ ok: false, reason: 'locked' });
    expect(await vault.update(a.id, cloudInput({ label: 'Work renamed', secret: '' }))).toMatchObject({ ok: true });

    const before = snapshot(local, session);
    const wrong = await vault.unlock(OTHER_PASSPHRASE);
    expect(wrong).toEqual({ ok: false, reason: 'wrong-passphrase', message: 'That passphrase is not the one your tokens are locked with. Nothing was changed.' });
    expect(snapshot(local, session)).toBe(before);
    expect(await vault.lockState()).toBe('locked');

    expect(await vault.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(Object.keys(session.dump())).toEqual([SESSION_KEY_STORAGE_KEY]);
    expect(await vault.getSecret(a.id)).toEqual(revealed(SECRET_A));
    expect(await addOk(vault, cloudInput({ label: 'Third', secret: SECRET_C }))).toMatchObject({ secretHint: '…CCCC' });
    expectNoSecretIn(local.dump());
    expectNoSecretIn(await vault.list());

    // A ciphertext moved onto another token does not decrypt as that token's secret.
    const data = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data;
    const swapped = structuredClone(data);
    swapped.tokens[0]!.secret = structuredClone(data.tokens[1]!.secret);
    await local.set({ [TOKENS_STORAGE_KEY]: { schemaVersion: TOKENS_SCHEMA_VERSION, data: swapped } });
    const error = await caught(vault.getSecret(a.id));
    expect(error).toBeInstanceOf(TokenVaultError);
    expect(String(error)).toMatch(/could not be decrypted: its saved data is damaged/);
    expectNoSecretIn(errorText(error));
  });

  it('changes the passphrase with every token intact, and refuses a wrong current one', async () => {
    const { vault, local, session } = setup();
    const ids = [
      (await addOk(vault, cloudInput())).id,
      (await addOk(vault, cloudInput({ label: 'B', secret: SECRET_B }))).id,
      (await addOk(vault, { label: 'C', kind: 'dc-pat', secret: SECRET_C, dcBaseUrl: 'https://confluence.dc.test' })).id,
    ];
    await vault.setPassphrase(PASSPHRASE);
    const saltBefore = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data.lock?.kdf.salt;

    const before = snapshot(local, session);
    expect(await vault.changePassphrase(OTHER_PASSPHRASE, 'yet another passphrase')).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    expect(await vault.changePassphrase(PASSPHRASE, 'tiny')).toMatchObject({ ok: false, reason: 'weak-passphrase' });
    expect(snapshot(local, session)).toBe(before);

    expect(await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).toEqual({ ok: true });
    const lock = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data.lock;
    expect(lock?.kdf.salt).not.toBe(saltBefore);
    expectNoSecretIn(local.dump());
    expect(await vault.lockState()).toBe('unlocked');

    await vault.lock();
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    expect(await vault.unlock(OTHER_PASSPHRASE)).toEqual({ ok: true });
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(ALL_SECRETS.map((secret) => revealed(secret)));
  });

  it('removes the passphrase with every token intact, and refuses a wrong one', async () => {
    const { vault, local, session } = setup();
    const a = await addOk(vault, cloudInput());
    const b = await addOk(vault, cloudInput({ label: 'B', secret: SECRET_B }));
    expect(await vault.removePassphrase(PASSPHRASE)).toMatchObject({ ok: false, reason: 'no-passphrase' });
    await vault.setPassphrase(PASSPHRASE);
    await vault.lock();

    const before = snapshot(local, session);
    expect(await vault.removePassphrase(OTHER_PASSPHRASE)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    expect(snapshot(local, session)).toBe(before);

    expect(await vault.removePassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect(await vault.lockState()).toBe('none');
    expect(session.dump()).toEqual({});
    const data = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data;
    expect(data.lock).toBeNull();
    expect(data.tokens.map((t) => t.secret.kind)).toEqual(['device', 'device']);
    expectNoSecretIn(local.dump());
    expect(await vault.getSecret(a.id)).toEqual(revealed(SECRET_A));
    expect(await vault.getSecret(b.id)).toEqual(revealed(SECRET_B));
  });

  it('re-encrypts all or nothing: a failed write leaves storage as it was', async () => {
    const memory = createMemoryStorageArea();
    let failWrites = false;
    const local: StorageAreaLike = {
      get: (keys) => memory.get(keys),
      remove: (keys) => memory.remove(keys),
      async set(items) {
        if (failWrites) throw new Error('QUOTA_BYTES quota exceeded');
        return memory.set(items);
      },
    };
    const session = createMemoryStorageArea();
    const vault = createTokenVault({ local, session, now: () => new Date(2025, 2, 10) });
    await addOk(vault, cloudInput());
    await addOk(vault, cloudInput({ label: 'B', secret: SECRET_B }));
    const before = snapshot(memory, session);

    failWrites = true;
    const error = await caught(vault.setPassphrase(PASSPHRASE));
    expect(error).toBeInstanceOf(TokenVaultError);
    expect(String(error)).toContain('The tokens could not be saved: QUOTA_BYTES quota exceeded');
    expectNoSecretIn(errorText(error));
    expect(snapshot(memory, session)).toBe(before);
    expect(await vault.lockState()).toBe('none');
  });

  it('re-encrypts all or nothing: one unreadable secret stops a passphrase change before anything is written', async () => {
    const { vault, local, session } = setup();
    await addOk(vault, cloudInput());
    await addOk(vault, cloudInput({ label: 'B', secret: SECRET_B }));
    await vault.setPassphrase(PASSPHRASE);
    const data = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data;
    const damaged = structuredClone(data);
    damaged.tokens[1]!.secret.ciphertext = bytesToBase64(new Uint8Array(48));
    await local.set({ [TOKENS_STORAGE_KEY]: { schemaVersion: TOKENS_SCHEMA_VERSION, data: damaged } });
    const before = snapshot(local, session);

    const error = await caught(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE));
    expect(error).toBeInstanceOf(TokenVaultError);
    expect(String(error)).toContain('The secret of the token “B” could not be decrypted');
    expectNoSecretIn(errorText(error));
    expect(snapshot(local, session)).toBe(before);
  });

  it('raises an older, lower iteration count at the next unlock', async () => {
    const subtle = globalThis.crypto.subtle;
    const salt = new Uint8Array(16).fill(7);
    const oldKey = await deriveVaultKey(subtle, PASSPHRASE, salt, 1_000);
    const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
    // As version 2 stored it (the migration to version 3 wraps the secret in the device layer).
    const data = {
      lock: {
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000, salt: bytesToBase64(salt) },
        verifier: await makeVerifier(subtle, oldKey, random),
      },
      tokens: [
        {
          id: 'old1',
          label: 'Old',
          email: 'ada@example.com',
          kind: 'classic',
          secret: { kind: 'aes-gcm', ...(await seal(subtle, oldKey, SECRET_A, secretContext('old1'), random)) },
          secretHint: '…AAAA',
          secretRevision: 1,
          expiresOn: '2025-06-08',
          createdAt: '2025-01-01T00:00:00.000Z',
          sites: [],
          readOnly: false,
        },
      ],
    };
    const local = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: { schemaVersion: 2, data } });
    const vault = createTokenVault({ local, session: createMemoryStorageArea() });
    expect(await vault.lockState()).toBe('locked');
    expect(await vault.unlock(PASSPHRASE)).toEqual({ ok: true });
    const lock = (local.dump()[TOKENS_STORAGE_KEY] as { data: TokensData }).data.lock;
    expect(lock?.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(lock?.kdf.salt).not.toBe(bytesToBase64(salt));
    expect(await vault.getSecret('old1')).toEqual(revealed(SECRET_A));
    expectNoSecretIn(local.dump());
  });

  it('never lets a secret out through results or errors', async () => {
    const { vault } = setup();
    const outputs: unknown[] = [];
    const a = await addOk(vault, cloudInput());
    outputs.push(a, await vault.list(), await vault.get(a.id));
    outputs.push(await vault.add(cloudInput({ label: 'Work', secret: SECRET_B })));
    outputs.push(await vault.add(cloudInput({ label: 'X', email: SECRET_B, secret: SECRET_C, sites: [SECRET_B] })));
    outputs.push(await vault.update(a.id, cloudInput({ secret: SECRET_B, expiresOn: SECRET_C })));
    outputs.push(await vault.update(a.id, cloudInput({ secret: SECRET_B })));
    outputs.push(await vault.setPassphrase(PASSPHRASE));
    await vault.lock();
    outputs.push(await vault.add(cloudInput({ label: 'Y', secret: SECRET_C })));
    outputs.push(await vault.update(a.id, cloudInput({ secret: SECRET_C })));
    outputs.push(await vault.getSecret(a.id));
    outputs.push(await vault.unlock(SECRET_A));
    outputs.push(await vault.list());
    expectNoSecretIn(outputs);
  });
});

describe('token vault when the key store cannot be read', () => {
  it('still lists every token, and says why a secret cannot be used', async () => {
    const deviceKeys = createMemoryDeviceKeyStore();
    const local = createMemoryStorageArea();
    const vault = createTokenVault({ local, session: createMemoryStorageArea(), deviceKeys, now: () => new Date(2025, 2, 10) });
    const work = await addOk(vault, cloudInput());
    deviceKeys.load = async () => {
      throw new Error('IndexedDB is not available');
    };
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work']);
    expect(await vault.problems()).toEqual({ damaged: 0, undecryptable: [] });
    const error = await caught(vault.getSecret(work.id));
    expect(error).toBeInstanceOf(TokenVaultError);
    expect(String(error)).toContain("This browser's key store could not be read: IndexedDB is not available");
  });
});
