import { describe, expect, it } from 'vitest';
import type { DeviceKeyStore } from '../../core/storage/device-key-store';
import { createMemoryDeviceKeyStore, type MemoryDeviceKeyStore } from '../../core/storage/memory-device-key-store';
import { createMemoryStorageArea, type StorageAreaLike } from '../../core/storage/storage-area';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';
import { base64ToBytes } from './base64';
import { createDeviceEncryption } from './device-encryption';
import V1_LOCKED from './fixtures/tokens-v1-locked.json';
import V1_PLAIN from './fixtures/tokens-v1-plain.json';
import LOCAL_V2_PLAIN from './fixtures/local-v2-plain.json';
import { migrateTokenStorage } from './migrate-token-storage';
import { writeSessionKey } from './session-key';
import { TOKEN_DETECTIONS_STORAGE_KEY } from './token-detections-area';
import { createTokenVault } from './token-vault';
import { TOKENS_STORAGE_KEY } from './tokens-area';
import type { TokensDataV1 } from './tokens-v2-migration';
import { defaultRandomBytes, deriveVaultKey, exportVaultKey, sealedFromText, secretContext } from './vault-crypto';

/*
 * The migrations of "tokens" (1 → 2: detections out; 2 → 3: no secret in clear), run on the
 * frozen samples in fixtures/ exactly as released versions stored them: version 1 without a
 * passphrase and locked with one, version 2 without one.
 */

type V1Envelope = { schemaVersion: 1; data: TokensDataV1 };
type Local = StorageAreaLike & { dump(): Record<string, unknown> };
const plain = () => structuredClone(V1_PLAIN) as unknown as V1Envelope;
const locked = () => structuredClone(V1_LOCKED) as unknown as V1Envelope;
const localV2 = () => structuredClone(LOCAL_V2_PLAIN) as Record<string, unknown>;
const v2Records = () => localV2().tokens as { data: { tokens: (Record<string, unknown> & { id: string; secret: { value: string } })[] } };

const PASSPHRASE = 'correct horse battery staple';
const LOCKED_SECRETS = [
  'fake-locked-secret-work-0123456789abcdef-WORK',
  'fake-locked-pat-intranet-0123456789abc-INTR',
  'fake-locked-secret-every-0123456789abcd-EVRY',
];
const PLAIN_SECRETS = ['fake-fixture-secret-0123456789-WXYZ', 'fake-fixture-pat-0123456789-ABCD'];
const V2_SECRETS = ['fake-v2-secret-work-0123456789abcdef-WRK2', 'fake-v2-pat-intranet-0123456789abc-INT2', 'fake-v2-secret-every-0123456789abcd-EVR2'];

function expectNoneIn(value: unknown, secrets: readonly string[]) {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Every record field of version 1 as it was, detections out, revision 1, the secret sealed as `kind`. */
function expectedTokens(v1: V1Envelope, kind: 'device' | 'passphrase+device') {
  return {
    schemaVersion: 3,
    data: {
      tokens: v1.data.tokens.map(({ detected: _moved, ...record }) => ({
        ...record,
        secretRevision: 1,
        secret: { kind, keyId: expect.any(String), iv: expect.any(String), ciphertext: expect.any(String) },
      })),
      lock: v1.data.lock,
    },
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

function setup(initial: Record<string, unknown> | Local, deviceKeys: MemoryDeviceKeyStore = createMemoryDeviceKeyStore()) {
  const local: Local = 'dump' in initial && typeof initial.dump === 'function' ? (initial as Local) : createMemoryStorageArea(initial as Record<string, unknown>);
  const session = createMemoryStorageArea();
  return { local, session, deviceKeys, vault: createTokenVault({ local, session, deviceKeys }) };
}

function deviceFor(store: DeviceKeyStore) {
  return createDeviceEncryption({ store, subtle: globalThis.crypto.subtle, randomBytes: defaultRandomBytes });
}

/** Storage whose writes of `failingKey` fail, as if the browser stopped just before them. */
function stoppingBefore(failingKey: string, initial: Record<string, unknown>) {
  const memory = createMemoryStorageArea(initial);
  let stopping = true;
  const area: Local & { restart(): void } = {
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

describe('tokens version 1 → 3 without a passphrase', () => {
  it('keeps every token, field, detection and secret, and keeps no secret in clear', async () => {
    const { vault, local, deviceKeys } = setup({ [TOKENS_STORAGE_KEY]: plain() });
    const summaries = await vault.list();

    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(expectedTokens(plain(), 'device'));
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(plain()));
    expectNoneIn(local.dump(), PLAIN_SECRETS);
    const keyId = (await deviceKeys.load())?.id;
    const stored = local.dump()[TOKENS_STORAGE_KEY] as { data: { tokens: { secret: { keyId: string } }[] } };
    expect(stored.data.tokens.map((t) => t.secret.keyId)).toEqual([keyId, keyId]);

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
      revision: expect.stringMatching(/^[0-9a-f]{16}$/), // derived from the record: nothing to migrate
    });
    expect(summaries[1]).toMatchObject({ label: 'Intranet', kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/confluence', readOnly: false, detected: [] });
    expect(await vault.lockState()).toBe('none');
    const ids = plain().data.tokens.map((t) => t.id);
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(PLAIN_SECRETS.map((secret) => ({ ok: true, secret, secretRevision: 1 })));
    expect(await vault.problems()).toEqual({ damaged: 0, undecryptable: [] });
  });
});

describe('tokens version 1 → 3 with a passphrase', () => {
  it('migrates while locked: the passphrase layer is kept byte for byte inside the device layer, and unlocks to the same secrets', async () => {
    const { vault, local, session, deviceKeys } = setup({ [TOKENS_STORAGE_KEY]: locked() });
    expect(await vault.lockState()).toBe('locked');
    const summaries = await vault.list();

    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(expectedTokens(locked(), 'passphrase+device'));
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(locked()));
    expect(session.dump()).toEqual({});
    expectNoneIn(local.dump(), LOCKED_SECRETS);
    // Nothing was decrypted: under the device layer lies version 1's ciphertext, IV and all.
    const device = deviceFor(deviceKeys);
    const stored = (local.dump()[TOKENS_STORAGE_KEY] as { data: { tokens: { id: string; secret: { keyId: string; iv: string; ciphertext: string } }[] } }).data;
    for (const [i, record] of stored.tokens.entries()) {
      const opened = await device.open(record.secret, secretContext(record.id));
      if (!opened.ok) throw new Error('the device layer did not open');
      const { kind: _kind, ...passphraseLayer } = locked().data.tokens[i]!.secret as { kind: string; iv: string; ciphertext: string };
      expect(sealedFromText(opened.plaintext)).toEqual(passphraseLayer);
    }

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

  it('migrates while unlocked: the key of this browser session still opens every secret', async () => {
    const { vault, local, session } = setup({ [TOKENS_STORAGE_KEY]: locked() });
    const kdf = locked().data.lock as { kdf: { salt: string; iterations: number } };
    const key = await deriveVaultKey(globalThis.crypto.subtle, PASSPHRASE, base64ToBytes(kdf.kdf.salt), kdf.kdf.iterations);
    await writeSessionKey(session, { salt: kdf.kdf.salt, key: await exportVaultKey(globalThis.crypto.subtle, key) });

    expect(await vault.lockState()).toBe('unlocked');
    const ids = locked().data.tokens.map((t) => t.id);
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(LOCKED_SECRETS.map((secret) => ({ ok: true, secret, secretRevision: 1 })));
    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(expectedTokens(locked(), 'passphrase+device'));
    expectNoneIn(local.dump(), LOCKED_SECRETS);
  });

  it('keeps detections made with the migrated secrets after a passphrase change, and removing the passphrase leaves no secret in clear', async () => {
    const { vault, local } = setup({ [TOKENS_STORAGE_KEY]: locked() });
    await vault.unlock(PASSPHRASE);
    const before = await vault.list();
    expect(await vault.changePassphrase(PASSPHRASE, 'another long passphrase')).toEqual({ ok: true });
    expect(await vault.list()).toEqual(before);
    expect(await vault.removePassphrase('another long passphrase')).toEqual({ ok: true });
    expect(await vault.list()).toEqual(before);
    expectNoneIn(local.dump(), LOCKED_SECRETS);
    const ids = locked().data.tokens.map((t) => t.id);
    expect(await Promise.all(ids.map((id) => vault.getSecret(id)))).toEqual(LOCKED_SECRETS.map((secret) => ({ ok: true, secret, secretRevision: 1 })));
  });
});

describe('tokens version 2 → 3', () => {
  it('keeps every token, field, revision, detection and secret of the version-2 sample, and keeps no secret in clear', async () => {
    const { vault, local, deviceKeys } = setup(localV2());
    const summaries = await vault.list();

    const records = v2Records().data.tokens;
    const keyId = (await deviceKeys.load())?.id;
    expect(local.dump()).toEqual({
      [TOKENS_STORAGE_KEY]: {
        schemaVersion: 3,
        data: {
          lock: null,
          tokens: records.map((r) => ({ ...r, secret: { kind: 'device', keyId, iv: expect.any(String), ciphertext: expect.any(String) } })),
        },
      },
      [TOKEN_DETECTIONS_STORAGE_KEY]: localV2()[TOKEN_DETECTIONS_STORAGE_KEY], // untouched
    });
    expectNoneIn(local.dump(), V2_SECRETS);

    expect(summaries).toMatchObject(records.map(({ secret: _s, secretRevision: _r, ...fields }) => fields));
    expect(summaries.map((s) => s.detected.map((d) => `${d.site} ${d.kind}`))).toEqual([
      ['acme.atlassian.net scoped', 'beta.atlassian.net classic'],
      [],
      ['gamma.atlassian.net scoped'],
    ]);
    expect(summaries[0]?.detected[0]).toEqual({
      site: 'acme.atlassian.net',
      kind: 'scoped',
      checkedAt: '2025-04-02T09:00:00.000Z',
      identity: { accountId: '557058:acc-ada', displayName: 'Ada Example' },
    });
    expect(await Promise.all(records.map((r) => vault.getSecret(r.id)))).toEqual([
      { ok: true, secret: V2_SECRETS[0], secretRevision: 1 },
      { ok: true, secret: V2_SECRETS[1], secretRevision: 1 },
      { ok: true, secret: V2_SECRETS[2], secretRevision: 2 },
    ]);
    expect(await vault.lockState()).toBe('none');
  });

  it('keeps a damaged version-2 record as it was, its secret sealed, and the good ones usable', async () => {
    const initial = localV2();
    const tokens = initial[TOKENS_STORAGE_KEY] as { data: { tokens: Record<string, unknown>[] } };
    tokens.data.tokens[1]!.readOnly = 'yes';
    const { vault, local } = setup(initial);
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work', 'Every site']);
    expect(await vault.problems()).toEqual({ damaged: 1, undecryptable: [] });
    expectNoneIn(local.dump(), V2_SECRETS);
    const stored = (local.dump()[TOKENS_STORAGE_KEY] as { data: { tokens: Record<string, unknown>[] } }).data.tokens;
    const { secret: _sealed, ...kept } = stored[1]!;
    const { secret: _clear, ...before } = tokens.data.tokens[1]!;
    expect(kept).toEqual(before);
  });

  it('stops safely when the tokens cannot be written, and the next start finishes with the same device key', async () => {
    const local = stoppingBefore(TOKENS_STORAGE_KEY, localV2());
    const deviceKeys = createMemoryDeviceKeyStore();
    await expect(migrateTokenStorage(local, deviceFor(deviceKeys))).rejects.toThrow('the browser stopped');
    expect(local.dump()).toEqual(localV2()); // half way: nothing written, the secrets still where they were

    local.restart();
    const { vault } = setup(local, deviceKeys);
    expect((await vault.list()).map((t) => t.label)).toEqual(['Work', 'Intranet', 'Every site']);
    expect(deviceKeys.created).toBe(1);
    expectNoneIn(local.dump(), V2_SECRETS);
    expect(await vault.getSecret(v2Records().data.tokens[0]!.id)).toMatchObject({ ok: true, secret: V2_SECRETS[0] });
  });

  it('writes nothing when no device key can be kept, and says so', async () => {
    const failing: DeviceKeyStore = {
      load: async () => undefined,
      create: async () => {
        throw new Error('IndexedDB is not available');
      },
    };
    const local = createMemoryStorageArea(localV2());
    const vault = createTokenVault({ local, session: createMemoryStorageArea(), deviceKeys: failing });
    await expect(vault.list()).rejects.toThrow("This browser's key store could not be written: IndexedDB is not available");
    expect(local.dump()).toEqual(localV2());
  });
});

describe('the tokens migration is safe to repeat and to interrupt', () => {
  it('changes nothing when run again, or on data already migrated', async () => {
    for (const initial of [{ [TOKENS_STORAGE_KEY]: locked() }, { [TOKENS_STORAGE_KEY]: plain() }, localV2()]) {
      const local = createMemoryStorageArea(initial);
      const deviceKeys = createMemoryDeviceKeyStore();
      await migrateTokenStorage(local, deviceFor(deviceKeys));
      const once = local.dump();
      await migrateTokenStorage(local, deviceFor(deviceKeys));
      expect(local.dump()).toEqual(once);
      await Promise.all([migrateTokenStorage(local, deviceFor(deviceKeys)), createTokenVault({ local, session: createMemoryStorageArea(), deviceKeys }).list()]);
      expect(local.dump()).toEqual(once);
      expect(deviceKeys.created).toBe(1);
    }
  });

  it('moves the detections again when the browser stopped before the tokens were written', async () => {
    const local = stoppingBefore(TOKENS_STORAGE_KEY, { [TOKENS_STORAGE_KEY]: plain() });
    const deviceKeys = createMemoryDeviceKeyStore();
    await expect(migrateTokenStorage(local, deviceFor(deviceKeys))).rejects.toThrow('the browser stopped');
    // Half way: the detections were copied, the tokens are still version 1, detections and all.
    expect(local.dump()[TOKENS_STORAGE_KEY]).toEqual(plain());
    expect(local.dump()[TOKEN_DETECTIONS_STORAGE_KEY]).toEqual(expectedDetections(plain()));

    local.restart();
    const { vault } = setup(local, deviceKeys);
    const summaries = await vault.list();
    expect(local.dump()).toEqual({ [TOKENS_STORAGE_KEY]: expectedTokens(plain(), 'device'), [TOKEN_DETECTIONS_STORAGE_KEY]: expectedDetections(plain()) });
    expect(summaries.map((s) => s.detected)).toEqual(plain().data.tokens.map((t) => t.detected));
    expectNoneIn(local.dump(), PLAIN_SECRETS);
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

  it('leaves tokens from a newer version untouched, and older tokens when the detections are newer', async () => {
    const newer = { [TOKENS_STORAGE_KEY]: { schemaVersion: 4, data: { future: true } } };
    const local = createMemoryStorageArea(newer);
    await expect(createTokenVault({ local, session: createMemoryStorageArea() }).list()).rejects.toBeInstanceOf(StoredDataTooNewError);
    expect(local.dump()).toEqual(newer);

    const newerDetections = { [TOKENS_STORAGE_KEY]: plain(), [TOKEN_DETECTIONS_STORAGE_KEY]: { schemaVersion: 2, data: { future: true } } };
    const both = createMemoryStorageArea(newerDetections);
    await expect(createTokenVault({ local: both, session: createMemoryStorageArea() }).list()).rejects.toBeInstanceOf(StoredDataTooNewError);
    expect(both.dump()).toEqual(newerDetections);
  });
});
