import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import V1_PLAIN from './fixtures/tokens-v1-plain.json';
import { tokensDataSchema } from './token-record';
import { createTokensArea, TOKENS_SCHEMA_VERSION, TOKENS_STORAGE_KEY } from './tokens-area';
import { detectionsFromTokensV1, tokensV1ToV2, type TokensDataV1 } from './tokens-v2-migration';

// The frozen version-1 sample (fixtures/): what it migrates to is asserted here and in migrate-token-storage.test.ts.
const v1 = () => structuredClone(V1_PLAIN) as unknown as { schemaVersion: 1; data: TokensDataV1 };

/** The version-2 records: every version-1 field as it was, the detections gone, revision 1. */
function expectedV2(data: TokensDataV1) {
  return { lock: data.lock, tokens: data.tokens.map(({ detected: _moved, ...record }) => ({ ...record, secretRevision: 1 })) };
}

describe('tokens storage area', () => {
  it('is at schema version 2 under its own key', () => {
    expect(TOKENS_STORAGE_KEY).toBe('tokens');
    expect(TOKENS_SCHEMA_VERSION).toBe(2);
  });

  it('migrates the version-1 sample step by step: the same records without their detections, which move out whole', () => {
    const sample = v1().data;
    const migrated = tokensDataSchema.parse(tokensV1ToV2(sample));
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

  it('starts empty and writes a versioned envelope', async () => {
    const storage = createMemoryStorageArea();
    const area = createTokensArea(storage);
    expect(await area.read()).toEqual({ tokens: [], lock: null });
    await area.write({ tokens: [], lock: null });
    expect(storage.dump()).toEqual({ [TOKENS_STORAGE_KEY]: { schemaVersion: 2, data: { tokens: [], lock: null } } });
  });

  it('refuses data without a version envelope instead of guessing, and leaves it alone', async () => {
    const storage = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: v1().data });
    await expect(createTokensArea(storage).read()).rejects.toThrow(/No migration for "tokens" from version 0/);
    expect(storage.dump()[TOKENS_STORAGE_KEY]).toEqual(v1().data);
  });

  it('refuses a vault that mixes clear and encrypted secrets, or repeats an id', () => {
    const encrypted = expectedV2(v1().data);
    (encrypted.tokens[0] as unknown as { secret: unknown }).secret = { kind: 'aes-gcm', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' };
    expect(tokensDataSchema.safeParse(encrypted).success).toBe(false);
    const repeated = expectedV2(v1().data);
    repeated.tokens[1]!.id = repeated.tokens[0]!.id;
    expect(tokensDataSchema.safeParse(repeated).success).toBe(false);
    expect(tokensDataSchema.safeParse(expectedV2(v1().data)).success).toBe(true);
  });
});
