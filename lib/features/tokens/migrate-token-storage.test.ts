import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';
import V1_LOCKED from './fixtures/tokens-v1-locked.json';
import V1_PLAIN from './fixtures/tokens-v1-plain.json';
import { migrateTokenStorage } from './migrate-token-storage';
import { TOKEN_DETECTIONS_STORAGE_KEY } from './token-detections-area';
import { createTokenVault } from './token-vault';
import { TOKENS_STORAGE_KEY } from './tokens-area';
import type { TokensDataV1 } from './tokens-v2-migration';

/*
 * The first real migration of "tokens" (version 1 → 2), run on the frozen samples in fixtures/
 * exactly as version 1 stored them: one without a passphrase, one locked with it.
 */

type V1Envelope = { schemaVersion: 1; data: TokensDataV1 };
const plain = () => structuredClone(V1_PLAIN) as unknown as V1Envelope;
const locked = () => structuredClone(V1_LOCKED) as unknown as V1Envelope;

const PASSPHRASE = 'correct horse battery staple';
const LOCKED_SECRETS = [
  'fake-locked-secret-work-0123456789abcdef-WORK',
  'fake-locked-pat-intranet-0123456789abc-INTR',
  'fake-locked-secret-every-0123456789abcd-EVRY',
];
const PLAIN_SECRETS = ['fake-fixture-secret-0123456789-WXYZ', 'fake-fixture-pat-0123456789-ABCD'];

/** Version 2 of the same data: every record field as it was (secret included), detections out, revision 1. */
function expectedTokens(v1: V1Envelope) {
  return {
    schemaVersion: 2,
    data: { tokens: v1.data.tokens.map(({ detected: _moved, ...record }) => ({ ...record, secretRevision: 1 })), lock: v1.data.lock },
  };
}

function expectedDetections(v1: V1Envelope) {
  return {
    schemaVersion: 1,
    data: { detections: v1.data.tokens.flatMap((t) => t.detected.map((d) => ({ ...d, tokenId: t.id, secretRevision: 1 }))) },
  };
}

/** The summaries version 1 would have shown: the record fields a summary has, with the detections of each. */
function expectedSummaryFields(v1: V1Envelope) {
  return v1.data.tokens.map((t) => {
    const { secret: _secret, ...fields } = t;
    return fields;
  });
}

function setup(sample: V1Envelope, local: StorageAreaLike & { dump(): Record<string, unknown> } = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: sample })) {
  const session = createMemoryStorageArea();
  return { local, session, vault: createTokenVault({ local, session }) };
}

/** Storage whose writes of `failingKey` fail, as if the browser stopped just before them. */
function stoppingBefore(failingKey: string, initial: Record<string, unknown>) {
  const memory = createMemoryStorageArea(initial);
  let stopping = true;
  const area: StorageAreaLike & { dump(): Record<string, unknown>; restart(): void } = {
    get: (keys) => memory.get(keys),
    remove: (keys) => memory.remove(keys),
    async set(items) {
      if (stopping && failingKey in items) throw new Error('the browser stopped');
      return memory.set(items);
    },
    dump: () => memory.dump(),
    restart: () => {
      stopping = false;
    },
  };
  return area;
}

describe('tokens version 1 → 2 without a passphrase', () => {
  it('keeps every token, field and secret, moves the detections to their own key, and shows them unchanged', async () => {
    const { vault, local } = setup(plain());
    const summaries = await vault.list();

    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(expectedTokens(plain()));
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(plain()));
    expect(summaries).toMatchObject(expectedSummaryFields(plain()));
    expect(summaries.map((s) => s.detected)).toEqual(plain().data.tokens.map((t) => t.detected));
    expect(summaries[0]).toEqual({
      id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      label: 'Work',
      email: 'ada@example.com',
      kind: 'auto',
      secretHint: '…WXYZ',
      detected: [
        { site: 'acme.atlassian.net', kind: 'scoped', checkedAt: '2025-03-10T10:00:00.000Z', identity: { accountId: 'acc-123', displayName: 'Ada Example' } },
      ],
      mismatch: [],
      expiresOn: '2025-06-08',
      createdAt: '2025-03-10T09:00:00.000Z',
      sites: ['acme.atlassian.net'],
      readOnly: true,
    });
    expect(summaries[1]).toMatchObject({ label: 'Intranet', kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/confluence', readOnly: false, detected: [] });
    expect(await vault.lockState()).toBe('none');
    const ids = plain().data.tokens.map((t) => t.id);
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(PLAIN_SECRETS.map((secret) => ({ ok: true, secret, secretRevision: 1 })));
  });

  it('keeps no secret in the detections key', async () => {
    const { vault, local } = setup(plain());
    await vault.list();
    const detections = JSON.stringify(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]);
    for (const secret of PLAIN_SECRETS) expect(detections).not.toContain(secret);
  });
});

describe('tokens version 1 → 2 with a passphrase', () => {
  it('migrates while locked, leaving the secrets as ciphertext, and unlocks to the same secrets', async () => {
    const { vault, local, session } = setup(locked());
    expect(await vault.lockState()).toBe('locked');
    const summaries = await vault.list();

    // The ciphertext, its IV and the lock are carried over byte for byte: nothing was decrypted.
    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(expectedTokens(locked()));
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(locked()));
    expect(session.dump()).toEqual({});
    const stored = JSON.stringify(local.dump());
    for (const secret of LOCKED_SECRETS) expect(stored).not.toContain(secret);

    expect(summaries).toMatchObject(expectedSummaryFields(locked()));
    expect(summaries.map((s) => s.detected)).toEqual(locked().data.tokens.map((t) => t.detected));
    expect(summaries.map((s) => s.mismatch)).toEqual([
      [],
      [],
      [{ site: 'gamma.atlassian.net', detected: 'scoped', sentence: expect.stringMatching(/^You chose “classic token”, but on gamma\.atlassian\.net/) }],
    ]);
    const ids = locked().data.tokens.map((t) => t.id);
    expect(await vault.getSecret(ids[0]!)).toEqual({ ok: false, reason: 'locked' });

    expect(await vault.unlock('not the passphrase at all')).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    expect(await vault.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(LOCKED_SECRETS.map((secret) => ({ ok: true, secret, secretRevision: 1 })));
    expect(await vault.list()).toEqual(summaries);
  });

  it('keeps detections made with the migrated secrets after a passphrase change', async () => {
    const { vault } = setup(locked());
    await vault.unlock(PASSPHRASE);
    const before = await vault.list();
    expect(await vault.changePassphrase(PASSPHRASE, 'another long passphrase')).toEqual({ ok: true });
    expect(await vault.list()).toEqual(before);
  });
});

describe('the tokens migration is safe to repeat and to interrupt', () => {
  it('changes nothing when run again, or on data already migrated', async () => {
    const local = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: locked() });
    await migrateTokenStorage(local);
    const once = local.dump();
    await migrateTokenStorage(local);
    expect(local.dump()).toEqual(once);
    await Promise.all([migrateTokenStorage(local), createTokenVault({ local, session: createMemoryStorageArea() }).list()]);
    expect(local.dump()).toEqual(once);
  });

  it('moves the detections again when the browser stopped before the tokens were written', async () => {
    const local = stoppingBefore(TOKENS_STORAGE_KEY, { [TOKENS_STORAGE_KEY]: plain() });
    await expect(migrateTokenStorage(local)).rejects.toThrow('the browser stopped');
    // Half way: the detections were copied, the tokens are still version 1, detections and all.
    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(plain());
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(plain()));

    local.restart();
    const { vault } = setup(plain(), local);
    const summaries = await vault.list();
    expect(local.dump()).toEqual({ [TOKENS_STORAGE_KEY]: expectedTokens(plain()), [TOKEN_DETECTIONS_STORAGE_KEY]: expectedDetections(plain()) });
    expect(summaries.map((s) => s.detected)).toEqual(plain().data.tokens.map((t) => t.detected));
  });

  it('writes nothing when the detections cannot be written', async () => {
    const local = stoppingBefore(TOKEN_DETECTIONS_STORAGE_KEY, { [TOKENS_STORAGE_KEY]: locked() });
    const before = local.dump();
    await expect(createTokenVault({ local, session: createMemoryStorageArea() }).list()).rejects.toThrow(
      'The saved tokens could not be read: the browser stopped',
    );
    expect(local.dump()).toEqual(before);
  });

  it('writes nothing when the version-1 data is malformed', async () => {
    const damaged = plain();
    (damaged.data.tokens[0] as Record<string, unknown>).readOnly = 'yes';
    const local = createMemoryStorageArea({ [TOKENS_STORAGE_KEY]: damaged });
    await expect(createTokenVault({ local, session: createMemoryStorageArea() }).list()).rejects.toThrow(
      /could not be read: the saved token data is malformed \(tokens\.0\.readOnly/,
    );
    expect(local.dump()).toEqual({ [TOKENS_STORAGE_KEY]: damaged });
  });

  it('leaves tokens from a newer version untouched, and version-1 tokens when the detections are newer', async () => {
    const newer = { [TOKENS_STORAGE_KEY]: { schemaVersion: 3, data: { future: true } } };
    const local = createMemoryStorageArea(newer);
    await expect(createTokenVault({ local, session: createMemoryStorageArea() }).list()).rejects.toBeInstanceOf(StoredDataTooNewError);
    expect(local.dump()).toEqual(newer);

    const newerDetections = { [TOKENS_STORAGE_KEY]: plain(), [TOKEN_DETECTIONS_STORAGE_KEY]: { schemaVersion: 2, data: { future: true } } };
    const both = createMemoryStorageArea(newerDetections);
    await expect(createTokenVault({ local: both, session: createMemoryStorageArea() }).list()).rejects.toBeInstanceOf(StoredDataTooNewError);
    expect(both.dump()).toEqual(newerDetections);
  });
});
