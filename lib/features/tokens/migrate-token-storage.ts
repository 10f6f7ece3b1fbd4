import type { StorageAreaLike } from '../../core/storage/storage-area';
import type { DeviceEncryption } from './device-encryption';
import { createTokenDetectionsArea } from './token-detections-area';
import { storedTokensDataSchema, tokensDataSchema } from './token-record';
import { createTokensArea, TOKENS_STORAGE_KEY } from './tokens-area';
import { detectionsFromTokensV1, tokensV1ToV2, type TokensDataV1 } from './tokens-v2-migration';
import { sealSecretsV2, type TokensDataV2 } from './tokens-v3-migration';

/**
 * Brings "tokens" to the current version (3: no secret in clear). Each run works out the whole
 * new data in memory before its first write, and the tokens are written last, in one write: a
 * browser that stops part way leaves the old version, which the next run migrates again from
 * the start. Running twice therefore changes nothing; data newer than this version is left
 * untouched. A device key made by a run that then stopped is found and used by the next one.
 */
export async function migrateTokenStorage(local: StorageAreaLike, device: DeviceEncryption): Promise<void> {
  const stored = (await local.get(TOKENS_STORAGE_KEY))[TOKENS_STORAGE_KEY] as { schemaVersion?: unknown; data?: unknown } | undefined;
  // Empty, current, newer (refused on read) or without an envelope (reported on read): nothing to do.
  if (stored?.schemaVersion === 1) await fromVersion1(local, stored.data as TokensDataV1, device);
  else if (stored?.schemaVersion === 2) await fromVersion2(local, stored.data, device);
}

/**
 * Version 1 kept detections inside the records: they are written to "tokenDetections" before
 * the tokens, so a stop between the two writes leaves version-1 tokens whose detections are
 * copied again next time, replacing the first copy. A malformed version-1 vault is refused
 * whole, as version 2 did, with nothing written.
 */
async function fromVersion1(local: StorageAreaLike, v1: TokensDataV1, device: DeviceEncryption): Promise<void> {
  const tokens = tokensDataSchema.parse(await sealSecretsV2(tokensV1ToV2(v1) as TokensDataV2, device));
  const moved = detectionsFromTokensV1(v1);
  // While "tokens" is at version 1, its records are the truth about their own detections.
  const ids = new Set(v1.tokens.map((t) => t.id));
  await createTokenDetectionsArea(local).update((current) => ({
    detections: [...current.detections.filter((d) => !ids.has(d.tokenId)), ...moved],
  }));
  await createTokensArea(local).write(tokens);
}

/** Only the secrets change; a record the current schema calls damaged is sealed and kept all the same. */
async function fromVersion2(local: StorageAreaLike, data: unknown, device: DeviceEncryption): Promise<void> {
  const v2 = storedTokensDataSchema.parse(data);
  await createTokensArea(local).write(storedTokensDataSchema.parse(await sealSecretsV2(v2, device)));
}
