import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { tokensDataSchema, type TokensData } from './token-record';

export const TOKENS_STORAGE_KEY = 'tokens';
export const TOKENS_SCHEMA_VERSION = 1;

/**
 * `tokensMigrations[n]` turns version-n data into version n + 1. Version 1 is the first, so
 * there is none yet. To add version 2: bump TOKENS_SCHEMA_VERSION, add `1: (v1) => v2` here,
 * keep the v1 fixture in tokens-area.test.ts and assert what it migrates to.
 */
export const tokensMigrations: Record<number, (old: any) => unknown> = {};

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
