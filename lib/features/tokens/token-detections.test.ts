import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import type { TokenFormInput } from './token-form-input';
import { TOKEN_DETECTIONS_STORAGE_KEY } from './token-detections-area';
import { createTokenVault, type TokenVault } from './token-vault';
import { TOKENS_STORAGE_KEY } from './tokens-area';

const SECRET_A = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const PASSPHRASE = 'correct horse battery staple';
const HOST = 'acme.atlassian.net';
const NOW = new Date(2025, 2, 10, 12, 0, 0);

function cloudInput(overrides: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: SECRET_A, expiresOn: '2025-06-08', sites: [], ...overrides };
}

function setup(local: StorageAreaLike & { dump(): Record<string, unknown> } = createMemoryStorageArea()) {
  return { local, vault: createTokenVault({ local, session: createMemoryStorageArea(), now: () => NOW }) };
}

async function addOk(vault: TokenVault, input: TokenFormInput = cloudInput()): Promise<string> {
  const result = await vault.add(input);
  if (!result.ok) throw new Error(`add failed: ${JSON.stringify(result)}`);
  return result.token.id;
}

/** What a check holds after reading the secret: the secret it sends and the revision to record against. */
async function readForCheck(vault: TokenVault, id: string) {
  const result = await vault.getSecret(id);
  if (!result.ok) throw new Error(`no secret: ${result.reason}`);
  return result;
}

describe('token detections', () => {
  it('are kept under their own key, with the revision they were made at and no secret, never in the token record', async () => {
    const { vault, local } = setup();
    const id = await addOk(vault);
    const { secretRevision } = await readForCheck(vault, id);
    const tokensBefore = JSON.stringify(local.dump()[TOKENS_STORAGE_KEY]);

    await vault.recordDetection(id, HOST, { kind: 'classic', identity: { accountId: 'acc-1', displayName: 'Ada', extra: SECRET_A } as never }, secretRevision);

    expect(JSON.stringify(local.dump()[TOKENS_STORAGE_KEY])).toBe(tokensBefore);
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual({
      schemaVersion: 1,
      data: {
        detections: [
          { tokenId: id, secretRevision: 1, site: HOST, kind: 'classic', checkedAt: NOW.toISOString(), identity: { accountId: 'acc-1', displayName: 'Ada' } },
        ],
      },
    });
    expect(JSON.stringify(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY])).not.toContain(SECRET_A);
    expect((await vault.get(id))?.detected).toEqual([{ site: HOST, kind: 'classic', checkedAt: NOW.toISOString(), identity: { accountId: 'acc-1', displayName: 'Ada' } }]);
  });

  it('drops a detection made with the old secret when the secret was edited during the check', async () => {
    const { vault, local } = setup();
    const id = await addOk(vault);
    const check = await readForCheck(vault, id); // the check reads SECRET_A and starts probing…
    expect(check.secret).toBe(SECRET_A);

    const edited = await vault.update(id, cloudInput({ secret: SECRET_B })); // …while the user pastes a new secret.
    expect(edited.ok).toBe(true);
    const summary = await vault.recordDetection(id, HOST, { kind: 'scoped' }, check.secretRevision); // the probe of SECRET_A ends

    expect(summary?.detected).toEqual([]);
    expect((await vault.get(id))?.detected).toEqual([]);
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toBeUndefined(); // nothing was ever recorded

    // A check with the new secret records as usual.
    const next = await readForCheck(vault, id);
    expect(next).toMatchObject({ secret: SECRET_B, secretRevision: check.secretRevision + 1 });
    expect((await vault.recordDetection(id, HOST, { kind: 'scoped' }, next.secretRevision))?.detected).toMatchObject([{ site: HOST, kind: 'scoped' }]);
  });

  it('drops it too when the email was edited, or an "unknown" would forget a detection of the new secret', async () => {
    const { vault } = setup();
    const id = await addOk(vault);
    const check = await readForCheck(vault, id);
    await vault.update(id, cloudInput({ secret: '', email: 'grace@example.com' }));
    expect((await vault.recordDetection(id, HOST, { kind: 'classic' }, check.secretRevision))?.detected).toEqual([]);

    const current = await readForCheck(vault, id);
    await vault.recordDetection(id, HOST, { kind: 'classic' }, current.secretRevision);
    expect((await vault.recordDetection(id, HOST, { kind: 'unknown' }, check.secretRevision))?.detected).toMatchObject([{ site: HOST }]);
  });

  it('keeps it when only the label, the passphrase or the lock changed during the check', async () => {
    const { vault } = setup();
    const id = await addOk(vault);
    const check = await readForCheck(vault, id);
    await vault.update(id, cloudInput({ label: 'Work renamed', secret: '', readOnly: true }));
    await vault.setPassphrase(PASSPHRASE);
    await vault.lock();
    expect((await vault.recordDetection(id, HOST, { kind: 'classic' }, check.secretRevision))?.detected).toMatchObject([{ site: HOST, kind: 'classic' }]);
  });

  it('drops a detection for a site removed from the token during the check', async () => {
    const { vault } = setup();
    const id = await addOk(vault, cloudInput({ sites: [HOST, 'beta.atlassian.net'] }));
    const check = await readForCheck(vault, id);
    await vault.update(id, cloudInput({ secret: '', sites: ['beta.atlassian.net'] }));
    expect((await vault.recordDetection(id, HOST, { kind: 'classic' }, check.secretRevision))?.detected).toEqual([]);
  });

  it('forgets the detections of an edited secret or email, and of a removed token, in their own key', async () => {
    const { vault, local } = setup();
    const a = await addOk(vault);
    const b = await addOk(vault, cloudInput({ label: 'Other', secret: SECRET_B }));
    for (const id of [a, b]) await vault.recordDetection(id, HOST, { kind: 'classic' }, (await readForCheck(vault, id)).secretRevision);
    const stored = () => (local.dump()[TOKEN_DETECTIONS_STORAGE_KEY] as { data: { detections: { tokenId: string }[] } }).data.detections;
    expect(stored().map((d) => d.tokenId)).toEqual([a, b]);

    const renamed = await vault.update(a, cloudInput({ label: 'Renamed', secret: '' }));
    expect(renamed.ok && renamed.token.detected).toHaveLength(1);
    const newEmail = await vault.update(a, cloudInput({ label: 'Renamed', secret: '', email: 'grace@example.com' }));
    expect(newEmail.ok && newEmail.token.detected).toEqual([]);
    expect(stored().map((d) => d.tokenId)).toEqual([b]);

    expect(await vault.remove(b)).toBe(true);
    expect(stored()).toEqual([]);
  });

  it('saves nothing of an edit whose detections cannot be forgotten, and loses only detections when the token cannot be saved', async () => {
    const memory = createMemoryStorageArea();
    let failing: string | undefined;
    const local = {
      get: memory.get,
      remove: memory.remove,
      dump: memory.dump,
      async set(items: Record<string, unknown>) {
        if (failing !== undefined && failing in items) throw new Error('the browser stopped');
        return memory.set(items);
      },
    };
    const { vault } = setup(local);
    const id = await addOk(vault);
    await vault.recordDetection(id, HOST, { kind: 'classic' }, (await readForCheck(vault, id)).secretRevision);
    const before = local.dump();

    failing = TOKEN_DETECTIONS_STORAGE_KEY;
    await expect(vault.update(id, cloudInput({ secret: SECRET_B }))).rejects.toThrow('The token detections could not be saved: the browser stopped');
    expect(local.dump()).toEqual(before);
    expect(await vault.getSecret(id)).toEqual({ ok: true, secret: SECRET_A, secretRevision: 1 });
    expect((await vault.get(id))?.detected).toHaveLength(1);

    failing = TOKENS_STORAGE_KEY;
    await expect(vault.update(id, cloudInput({ secret: SECRET_B }))).rejects.toThrow('The tokens could not be saved: the browser stopped');
    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(before[TOKENS_STORAGE_KEY]);
    expect(await vault.getSecret(id)).toEqual({ ok: true, secret: SECRET_A, secretRevision: 1 });
    expect((await vault.get(id))?.detected).toEqual([]);
  });
});
