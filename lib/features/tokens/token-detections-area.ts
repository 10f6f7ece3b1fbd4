import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { tokenDetectionsDataSchema, type TokenDetectionsData } from './token-detection-record';

/** Apart from "tokens", so that recording what a check found never rewrites a record holding a secret. */
export const TOKEN_DETECTIONS_STORAGE_KEY = 'tokenDetections';
export const TOKEN_DETECTIONS_SCHEMA_VERSION = 1;

/** `tokenDetectionsMigrations[n]` turns version-n data into version n + 1; version 1 is the first. */
export const tokenDetectionsMigrations: Record<number, (old: any) => unknown> = {};

export const tokenDetectionsAreaDefinition: VersionedAreaDefinition<TokenDetectionsData> = {
  key: TOKEN_DETECTIONS_STORAGE_KEY,
  version: TOKEN_DETECTIONS_SCHEMA_VERSION,
  parse: (data) => tokenDetectionsDataSchema.parse(data),
  empty: () => ({ detections: [] }),
  migrations: tokenDetectionsMigrations,
};

/** In `local` storage, like the tokens it describes. */
export function createTokenDetectionsArea(local: StorageAreaLike): VersionedArea<TokenDetectionsData> {
  return createVersionedArea(local, tokenDetectionsAreaDefinition);
}
