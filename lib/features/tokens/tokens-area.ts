import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { tokensDataSchema, type TokensData } from './token-record';
import { tokensV1ToV2 } from './tokens-v2-migration';

export const TOKENS_STORAGE_KEY = 'tokens';
export const TOKENS_SCHEMA_VERSION = 2;

/**
 * `tokensMigrations[n]` turns version-n data into version n + 1. Each step sees one key only:
 * what a step moves to another key is copied there first (migrate-token-storage.ts). Keep the
 * frozen samples in fixtures/ unchanged and assert what they migrate to.
 */
export const tokensMigrations: Record<number, (old: any) => unknown> = {
  1: tokensV1ToV2,
};

export const tokensAreaDefinition: VersionedAreaDefinition<TokensData> = {
  key: TOKENS_STORAGE_KEY,
  version: TOKENS_SCHEMA_VERSION,
  parse: (data) => tokensDataSchema.parse(data),
  empty: () => ({ tokens: [], lock: null }),
  migrations: tokensMigrations,
};

/** The tokens area lives in `local` storage only: `sync` would copy secrets to other machines. */
export function createTokensArea(local: StorageAreaLike): VersionedArea<TokensData> {
  return createVersionedArea(local, tokensAreaDefinition);
}
