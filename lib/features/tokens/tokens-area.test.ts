import { describe, expect, it } from 'vitest';
import { createMemoryDeviceKeyStore } from '../../core/storage/memory-device-key-store';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import V1_LOCKED from './fixtures/tokens-v1-locked.json';
import V1_PLAIN from './fixtures/tokens-v1-plain.json';
import LOCAL_V2_PLAIN from './fixtures/local-v2-plain.json';
import { createDeviceEncryption } from './device-encryption';
import { tokensDataSchema } from './token-record';
import { createTokensArea, TOKENS_SCHEMA_VERSION, TOKENS_STORAGE_KEY } from './tokens-area';
import { detectionsFromTokensV1, tokensV1ToV2, type TokensDataV1 } from './tokens-v2-migration';
import { sealSecretsV2, type TokensDataV2 } from './tokens-v3-migration';
import { defaultRandomBytes, sealedFromText, secretContext } from './vault-crypto';

// The frozen samples (fixtures/): what they migrate to is asserted here and in migrate-token-storage.test.ts.
const v1 = () => structuredClone(V1_PLAIN) as unknown as { schemaVersion: 1; data: TokensDataV1 };
const v1Locked = () => structuredClone(V1_LOCKED) as unknown as { schemaVersion: 1; data: TokensDataV1 };
const v2 = () => structuredClone(LOCAL_V2_PLAIN.tokens.data) as TokensDataV2;

/** The version-2 records: every version-1 field as it was, the detections gone, revision 1. */
function expectedV2(data: TokensDataV1) {
  return { lock: data.lock, tokens: data.tokens.map(({ detected: _moved, ...record }) => ({ ...record, secretRevision: 1 })) };
}

function device() {
  const store = createMemoryDeviceKeyStore();
  return { store, encryption: createDeviceEncryption({ store, subtle: globalThis.crypto.subtle, randomBytes: defaultRandomBytes }) };
}

describe('tokens storage area', () => {
  it('is at schema version 3 under its own key', () => {
    expect(TOKENS_STORAGE_KEY).toBe('tokens');
    expect(TOKENS_SCHEMA_VERSION).toBe(3);
  });

  it('migrates the version-1 sample to version 2: the same records without their detections, which move out whole', () => {
    const sample = v1().data;
    const migrated = tokensV1ToV2(sample) as ReturnType<typeof expectedV2>;
    expect(migrated).toEqual(expectedV2(sample));
    expect(migrated.tokens[0]).toEqual({
      id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      label: 'Work',
      email: 'ada@example.com',
      kind: 'auto',
      secret: { kind: 'plain', value: 'fake-fixture-secret-0123456789-WXYZ' },
      secretHint: '…WXYZ',
      secretRevision: 1,
      expiresOn: '2025-06-08',
      createdAt: '2025-03-10T09:00:00.000Z',
      sites: ['acme.atlassian.net'],
      readOnly: true,
    });
    expect(migrated.tokens[1]).toMatchObject({ kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/confluence', readOnly: false });
    expect(detectionsFromTokensV1(sample)).toEqual([
      {
        tokenId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        secretRevision: 1,
        site: 'acme.atlassian.net',
        kind: 'scoped',
        checkedAt: '2025-03-10T10:00:00.000Z',
        identity: { accountId: 'acc-123', displayName: 'Ada Example' },
      },
    ]);
    expect(v1().data).toEqual(sample); // the steps do not change their input
  });

  it('migrates the version-2 sample to version 3: each clear secret under the device key, nothing else changed', async () => {
    const { store, encryption } = device();
    const sample = v2();
    const sealed = await sealSecretsV2(sample, encryption);
    expect(v2()).toEqual(sample); // its input stays as it was
    const key = await store.load();
    expect(sealed.lock).toBeNull();
    expect(sealed.tokens).toHaveLength(sample.tokens.length);
    sealed.tokens.forEach((record, i) => {
      const { secret, ...rest } = record as { secret: Record<string, string> };
      const { secret: before, ...restBefore } = sample.tokens[i] as { secret: { value: string } };
      expect(rest).toEqual(restBefore);
      expect(secret).toEqual({ kind: 'device', keyId: key?.id, iv: expect.any(String), ciphertext: expect.any(String) });
      expect(JSON.stringify(record)).not.toContain(before.value);
    });
    expect(tokensDataSchema.safeParse(sealed).success).toBe(true);
    const first = (sealed.tokens[0] as { id: string; secret: { keyId: string; iv: string; ciphertext: string } });
    expect(await encryption.open(first.secret, secretContext(first.id))).toEqual({ ok: true, plaintext: 'fake-v2-secret-work-0123456789abcdef-WRK2' });
    expect(store.created).toBe(1);
  });

  it('wraps a passphrase ciphertext as it is, without the passphrase', async () => {
    const { encryption } = device();
    const sample = tokensV1ToV2(v1Locked().data) as TokensDataV2;
    const sealed = await sealSecretsV2(sample, encryption);
    expect(sealed.lock).toEqual(sample.lock);
    for (const [i, record] of sealed.tokens.entries()) {
      const { id, secret } = record as { id: string; secret: { kind: string; keyId: string; iv: string; ciphertext: string } };
      expect(secret.kind).toBe('passphrase+device');
      const opened = await encryption.open(secret, secretContext(id));
      if (!opened.ok) throw new Error('not opened');
      const { kind: _kind, ...passphraseLayer } = (sample.tokens[i] as { secret: { kind: string; iv: string; ciphertext: string } }).secret;
      expect(sealedFromText(opened.plaintext)).toEqual(passphraseLayer);
    }
  });

  it('seals the secret of a record that is otherwise damaged, and carries the rest over as it was', async () => {
    const { encryption } = device();
    const sample = v2();
    const damaged = sample.tokens[1] as Record<string, unknown>;
    damaged.readOnly = 'yes';
    delete damaged.id;
    const sealed = await sealSecretsV2({ ...sample, tokens: [...sample.tokens, 'not a record', { label: 'no secret' }] }, encryption);
    expect(JSON.stringify(sealed)).not.toContain('fake-v2-pat-intranet-0123456789abc-INT2');
    expect(sealed.tokens[1]).toMatchObject({ readOnly: 'yes', label: 'Intranet', secret: { kind: 'device' } });
    expect(sealed.tokens.slice(3)).toEqual(['not a record', { label: 'no secret' }]);
  });

  it('starts empty and writes a versioned envelope', async () => {
    const storage = createMemoryStorageArea();
    const area = createTokensArea(storage);
    expect(await area.read()).toEqual({ tokens: [], lock: null });
    await area.write({ tokens: [], lock: null });
    expect(storage.dump()).toEqual({ [TOKENS_STORAGE_KEY]: { schemaVersion: 3, data: { tokens: [], lock: null } } });
  });

  it('refuses data without a version envelope instead of guessing, and leaves it alone', async () => {
    const storage = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: v1().data });
    await expect(createTokensArea(storage).read()).rejects.toThrow(/No migration for "tokens" from version 0/);
    expect(storage.dump()[TOKENS_STORAGE_KEY]).toEqual(v1().data);
  });

  it('writes only records that are all valid, of the lock kind, with each id once', async () => {
    const sealed = await sealSecretsV2(v2(), device().encryption);
    expect(tokensDataSchema.safeParse(sealed).success).toBe(true);
    const mixed = structuredClone(sealed) as { tokens: { id: string; secret: { kind: string } }[] };
    mixed.tokens[0]!.secret.kind = 'passphrase+device';
    expect(tokensDataSchema.safeParse(mixed).success).toBe(false);
    const repeated = structuredClone(sealed) as { tokens: { id: string }[] };
    repeated.tokens[1]!.id = repeated.tokens[0]!.id;
    expect(tokensDataSchema.safeParse(repeated).success).toBe(false);
    expect(tokensDataSchema.safeParse(v2()).success).toBe(false); // a secret in clear is never written again
  });
});
