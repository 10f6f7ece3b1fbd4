import type { StorageAreaLike } from '../../core/storage/storage-area';
import { migrateEnvelope } from '../../core/storage/versioned-area';
import { createTokenDetectionsArea } from './token-detections-area';
import { createTokensArea, TOKENS_STORAGE_KEY, tokensAreaDefinition } from './tokens-area';
import { detectionsFromTokensV1, type TokensDataV1 } from './tokens-v2-migration';

/**
 * Brings "tokens" to the current version, moving what version 1 kept inside the records into
 * "tokenDetections" first. Nothing is written unless the whole version-1 data migrates, and the
 * detections are written before the tokens: a browser that stops between the two writes leaves
 * version-1 tokens, whose detections are copied again next time, replacing the first copy.
 * Running twice therefore changes nothing; data newer than this version is left untouched.
 */
export async function migrateTokenStorage(local: StorageAreaLike): Promise<void> {
  const stored = (await local.get(TOKENS_STORAGE_KEY))[TOKENS_STORAGE_KEY] as { schemaVersion?: unknown; data?: unknown } | undefined;
  if (stored?.schemaVersion !== 1) return; // empty, current, newer (refused on read) or malformed (reported on read)
  const tokens = migrateEnvelope(tokensAreaDefinition, stored).data;
  const v1 = stored.data as TokensDataV1;
  const moved = detectionsFromTokensV1(v1);
  // While "tokens" is at version 1, its records are the truth about their own detections.
  const ids = new Set(v1.tokens.map((t) => t.id));
  await createTokenDetectionsArea(local).update((current) => ({
    detections: [...current.detections.filter((d) => !ids.has(d.tokenId)), ...moved],
  }));
  await createTokensArea(local).write(tokens);
}
