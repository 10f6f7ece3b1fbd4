import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { tokensDataSchema } from './token-record';
import { createTokensArea, TOKENS_SCHEMA_VERSION, TOKENS_STORAGE_KEY } from './tokens-area';

/**
 * Data as version 1 stores it. Keep this fixture unchanged when version 2 arrives: the test
 * then asserts what it migrates to, proving that nothing a user saved is lost.
 */
const V1_FIXTURE = {
  schemaVersion: 1,
  data: {
    lock: null,
    tokens: [
      {
        id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        label: 'Work',
        email: 'ada@example.com',
        kind: 'auto',
        secret: { kind: 'plain', value: 'fake-fixture-secret-0123456789-WXYZ' },
        secretHint: '…WXYZ',
        detected: [
          {
            site: 'acme.atlassian.net',
            kind: 'scoped',
            checkedAt: '2025-03-10T10:00:00.000Z',
            identity: { accountId: 'acc-123', displayName: 'Ada Example' },
          },
        ],
        expiresOn: '2025-06-08',
        createdAt: '2025-03-10T09:00:00.000Z',
        sites: ['acme.atlassian.net'],
        readOnly: true,
      },
      {
        id: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
        label: 'Intranet',
        kind: 'dc-pat',
        secret: { kind: 'plain', value: 'fake-fixture-pat-0123456789-ABCD' },
        secretHint: '…ABCD',
        detected: [],
        createdAt: '2025-03-10T09:30:00.000Z',
        sites: [],
        dcBaseUrl: 'https://confluence.dc.test/confluence',
        readOnly: false,
      },
    ],
  },
};

describe('tokens storage area', () => {
  it('is at schema version 1 under its own key', () => {
    expect(TOKENS_STORAGE_KEY).toBe('tokens');
    expect(TOKENS_SCHEMA_VERSION).toBe(1);
  });

  it('reads the version-1 fixture with every field intact', async () => {
    const storage = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: V1_FIXTURE });
    expect(await createTokensArea(storage).read()).toEqual(V1_FIXTURE.data);
    expect(storage.dump()[TOKENS_STORAGE_KEY]).toEqual(V1_FIXTURE);
  });

  it('starts empty and writes a versioned envelope', async () => {
    const storage = createMemoryStorageArea();
    const area = createTokensArea(storage);
    expect(await area.read()).toEqual({ tokens: [], lock: null });
    await area.write({ tokens: [], lock: null });
    expect(storage.dump()).toEqual({ [TOKENS_STORAGE_KEY]: { schemaVersion: 1, data: { tokens: [], lock: null } } });
  });

  it('refuses data without a version envelope instead of guessing, and leaves it alone', async () => {
    const storage = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: V1_FIXTURE.data });
    await expect(createTokensArea(storage).read()).rejects.toThrow(/No migration for "tokens" from version 0/);
    expect(storage.dump()[TOKENS_STORAGE_KEY]).toEqual(V1_FIXTURE.data);
  });

  it('refuses a vault that mixes clear and encrypted secrets, or repeats an id', () => {
    const encrypted = structuredClone(V1_FIXTURE.data);
    (encrypted.tokens[0] as { secret: unknown }).secret = { kind: 'aes-gcm', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' };
    expect(tokensDataSchema.safeParse(encrypted).success).toBe(false);
    const repeated = structuredClone(V1_FIXTURE.data);
    repeated.tokens[1]!.id = repeated.tokens[0]!.id;
    expect(tokensDataSchema.safeParse(repeated).success).toBe(false);
  });
});
