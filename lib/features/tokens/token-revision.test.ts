import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import type { TokenFormInput } from './token-form-input';
import type { TokenRecord } from './token-record';
import { tokenRevision, tokenRevisionSchema } from './token-revision';
import { createTokenVault, type TokenVault } from './token-vault';

// Fake secrets: long enough for a hint, never a real token prefix.
const SECRET_A = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const PAT = 'fake-dc-pat-0123456789abcdefghijklmn-CCCC';
const PASSPHRASE = 'correct horse battery staple';
const STALE = 'This token was changed in another window: reload to see the change, then edit it again.';

function cloudInput(overrides: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: '', expiresOn: '2025-06-08', sites: ['acme.atlassian.net'], ...overrides };
}
const dcInput = (overrides: Partial<TokenFormInput> = {}): TokenFormInput => ({
  label: 'DC',
  kind: 'dc-pat',
  secret: '',
  dcBaseUrl: 'https://confluence.dc.test/confluence',
  ...overrides,
});

function setup() {
  const local = createMemoryStorageArea();
  const vault = createTokenVault({ local, session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10, 12, 0, 0) });
  return { local, vault };
}

async function added(vault: TokenVault, input: TokenFormInput) {
  const result = await vault.add(input);
  if (!result.ok) throw new Error(`add failed: ${JSON.stringify(result)}`);
  return result.token;
}

async function updated(vault: TokenVault, id: string, input: TokenFormInput, basedOn?: string) {
  const result = await vault.update(id, input, basedOn);
  if (!result.ok) throw new Error(`update failed: ${JSON.stringify(result)}`);
  return result.token;
}

const record: TokenRecord = {
  id: 'a1',
  label: 'Work',
  email: 'ada@example.com',
  kind: 'classic',
  secret: { kind: 'device', keyId: 'device-key-1', iv: 'AAAAAAAAAAAAAAAA', ciphertext: btoa(SECRET_A) },
  secretHint: '…AAAA',
  secretRevision: 1,
  expiresOn: '2025-06-08',
  createdAt: '2025-03-10T09:00:00.000Z',
  sites: ['acme.atlassian.net'],
  readOnly: false,
};

describe('tokenRevision', () => {
  it('is a short hash of the record, the same for the same record whatever its key order', () => {
    const revision = tokenRevision(record);
    expect(tokenRevisionSchema.safeParse(revision).success).toBe(true);
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as TokenRecord;
    expect(tokenRevision(reordered)).toBe(revision);
    expect(tokenRevision(structuredClone(record))).toBe(revision);
  });

  it('does not depend on the secret as stored (re-sealed, another key), only on its revision counter', () => {
    const resealed: TokenRecord = { ...record, secret: { kind: 'passphrase+device', keyId: 'device-key-2', iv: 'BBBBBBBBBBBBBBBB', ciphertext: btoa(SECRET_B) } };
    expect(tokenRevision(resealed)).toBe(tokenRevision(record));
    expect(tokenRevision({ ...record, secretRevision: 2 })).not.toBe(tokenRevision(record));
  });

  it('differs when any one field but the secret differs', () => {
    const changes: Partial<TokenRecord>[] = [
      { label: 'Home' },
      { kind: 'scoped' },
      { email: 'grace@example.com' },
      { secretRevision: 2 },
      { expiresOn: '2025-06-09' },
      { createdAt: '2025-03-11T09:00:00.000Z' },
      { sites: ['acme.atlassian.net', 'beta.atlassian.net'] },
      { dcBaseUrl: 'https://confluence.dc.test' },
      { readOnly: true },
    ];
    for (const change of changes) expect(tokenRevision({ ...record, ...change }), JSON.stringify(change)).not.toBe(tokenRevision(record));
  });

  it('tells an absent optional field from an empty one', () => {
    const { email: _email, ...noEmail } = record;
    expect(tokenRevision(noEmail)).not.toBe(tokenRevision({ ...record, email: '' }));
  });
});

describe('a token summary’s revision', () => {
  it('changes with every kind of edit of the record', async () => {
    const { vault } = setup();
    const cloud = await added(vault, cloudInput({ secret: SECRET_A }));
    const seen = new Set([cloud.revision]);
    const edits: [string, TokenFormInput][] = [
      ['label', cloudInput({ label: 'Work (renamed)' })],
      ['kind', cloudInput({ label: 'Work (renamed)', kind: 'classic' })],
      ['email', cloudInput({ label: 'Work (renamed)', kind: 'classic', email: 'grace@example.com' })],
      ['secret', cloudInput({ label: 'Work (renamed)', kind: 'classic', email: 'grace@example.com', secret: SECRET_B })],
      ['expiry', cloudInput({ label: 'Work (renamed)', kind: 'classic', email: 'grace@example.com', expiresOn: '2025-06-01' })],
      ['sites', cloudInput({ label: 'Work (renamed)', kind: 'classic', email: 'grace@example.com', expiresOn: '2025-06-01', sites: ['beta.atlassian.net'] })],
      ['read-only', cloudInput({ label: 'Work (renamed)', kind: 'classic', email: 'grace@example.com', expiresOn: '2025-06-01', sites: ['beta.atlassian.net'], readOnly: true })],
    ];
    let revision = cloud.revision;
    for (const [what, input] of edits) {
      const token = await updated(vault, cloud.id, input, revision);
      expect(seen.has(token.revision), what).toBe(false);
      expect((await vault.get(cloud.id))?.revision, what).toBe(token.revision);
      seen.add(token.revision);
      revision = token.revision;
    }

    const dc = await added(vault, dcInput({ secret: PAT }));
    const moved = await updated(vault, dc.id, dcInput({ dcBaseUrl: 'https://wiki.dc.test' }), dc.revision);
    expect(moved.revision).not.toBe(dc.revision);
  });

  it('stays the same on a check (a detection), a passphrase set or removed, and a save that changes nothing', async () => {
    const { vault } = setup();
    const token = await added(vault, cloudInput({ secret: SECRET_A }));
    const read = await vault.getSecret(token.id);
    if (!read.ok) throw new Error('no secret');
    const detected = await vault.recordDetection(token.id, 'acme.atlassian.net', { kind: 'classic', identity: { accountId: 'acc-1' } }, read.secretRevision);
    expect(detected?.detected).toHaveLength(1);
    expect(detected?.revision).toBe(token.revision);

    expect(await vault.setPassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect((await vault.get(token.id))?.revision).toBe(token.revision);
    expect(await vault.removePassphrase(PASSPHRASE)).toEqual({ ok: true });
    expect((await vault.get(token.id))?.revision).toBe(token.revision);

    expect((await updated(vault, token.id, cloudInput(), token.revision)).revision).toBe(token.revision);
  });
});

describe('an update based on a revision', () => {
  it('is refused as stale when the token changed since, and changes nothing', async () => {
    const { vault, local } = setup();
    const token = await added(vault, cloudInput({ secret: SECRET_A }));
    // Another window turns read-only on and renames the token.
    const elsewhere = await updated(vault, token.id, cloudInput({ label: 'Renamed elsewhere', readOnly: true }), token.revision);
    const before = JSON.stringify(local.dump());

    // This window's form was filled before that: its save must not undo it, its secret included.
    const stale = await vault.update(token.id, cloudInput({ label: 'Work', readOnly: false, secret: SECRET_B }), token.revision);
    expect(stale).toEqual({ ok: false, reason: 'stale', message: STALE });
    expect(JSON.stringify(local.dump())).toBe(before);
    expect(await vault.get(token.id)).toEqual(elsewhere);
    expect(await vault.getSecret(token.id)).toMatchObject({ ok: true, secret: SECRET_A });

    // The stale check comes before the form's own: a stale form's field messages would mislead.
    expect(await vault.update(token.id, cloudInput({ label: '' }), token.revision)).toMatchObject({ reason: 'stale' });
  });

  it('is accepted at the current revision, and without one (callers that have none)', async () => {
    const { vault } = setup();
    const token = await added(vault, cloudInput({ secret: SECRET_A }));
    const first = await updated(vault, token.id, cloudInput({ readOnly: true }), token.revision);
    expect(first).toMatchObject({ readOnly: true });
    const second = await updated(vault, token.id, cloudInput({ readOnly: true, label: 'Work 2' }), first.revision);
    expect(second).toMatchObject({ readOnly: true, label: 'Work 2' });
    expect(await updated(vault, token.id, cloudInput({ label: 'Work 3' }))).toMatchObject({ label: 'Work 3', readOnly: false });
  });

  it('of a removed token answers not-found, not stale', async () => {
    const { vault } = setup();
    const token = await added(vault, cloudInput({ secret: SECRET_A }));
    await vault.remove(token.id);
    expect(await vault.update(token.id, cloudInput(), token.revision)).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
