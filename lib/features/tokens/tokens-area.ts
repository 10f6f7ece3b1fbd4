import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { storedTokensDataSchema, type StoredTokensData } from './token-record';

export const TOKENS_STORAGE_KEY = 'tokens';
/** 3: every secret under the device key (no secret in clear); 2: detections apart; 1: the first. */
export const TOKENS_SCHEMA_VERSION = 3;

/**
 * `tokensMigrations[n]` would turn version-n data into version n + 1, but no step of "tokens"
 * fits a pure step on one key: 1 → 2 moves detections to another key, 2 → 3 encrypts. Both run
 * from migrate-token-storage.ts before any read (tokens-v2-migration.ts, tokens-v3-migration.ts).
 * Keep the frozen samples in fixtures/ unchanged and assert what they migrate to.
 */
export const tokensMigrations: Record<number, (old: any) => unknown> = {};

/** Records are judged one by one after reading (damaged-records.ts); the lock as a whole here. */
export const tokensAreaDefinition: VersionedAreaDefinition<StoredTokensData> = {
  key: TOKENS_STORAGE_KEY,
  version: TOKENS_SCHEMA_VERSION,
  parse: (data) => storedTokensDataSchema.parse(data),
  empty: () => ({ tokens: [], lock: null }),
  migrations: tokensMigrations,
};

/** The tokens area lives in `local` storage only: `sync` would copy secrets to other machines. */
export function createTokensArea(local: StorageAreaLike): VersionedArea<StoredTokensData> {
  return createVersionedArea(local, tokensAreaDefinition);
}
