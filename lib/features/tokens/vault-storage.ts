import type { StorageAreaLike } from '../../core/storage/storage-area';
import { separateDamaged, withDamaged } from './damaged-records';
import type { DeviceEncryption } from './device-encryption';
import { migrateTokenStorage } from './migrate-token-storage';
import type { StoredDetection } from './token-detection-record';
import { createTokenDetectionsArea } from './token-detections-area';
import { tokensDataSchema, type TokensData } from './token-record';
import { toVaultError } from './token-vault-error';
import { createTokensArea } from './tokens-area';

/**
 * The vault's two keys in `storage.local`: "tokens" (records with their secrets, and the lock)
 * and "tokenDetections". Every read migrates first; errors carry no stored value. A damaged
 * record is set apart on reading and written back unchanged (damaged-records.ts).
 */
export interface VaultStorage {
  /**
   * Runs `operation` after every earlier one has finished. Every operation that writes, or
   * depends on the vault key, goes through here: a re-encryption must never interleave with an
   * add, or one of them would be lost. Never call it from inside an operation (it would wait on itself).
   */
  exclusive<T>(operation: () => Promise<T>): Promise<T>;
  readTokens(): Promise<TokensData>;
  /** Refuses records that are not all valid and of the lock's kind; `damaged` is written as it is. */
  writeTokens(data: TokensData): Promise<void>;
  readDetections(): Promise<StoredDetection[]>;
  writeDetections(detections: StoredDetection[]): Promise<void>;
}

/** `device`: what the migration to version 3 seals the secrets found in clear with. */
export function createVaultStorage(local: StorageAreaLike, device: DeviceEncryption): VaultStorage {
  const tokensArea = createTokensArea(local);
  const detectionsArea = createTokenDetectionsArea(local);

  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const next = queue.then(operation);
    queue = next.catch(() => undefined);
    return next;
  }

  // Checked before every read (one `get`), so no path reads version-1 tokens without moving
  // their detections out, nor version-2 secrets in clear. One migration at a time, shared by
  // every reader: a second one started from the same old copy could finish after a change made
  // in between, and undo it.
  // Once a run has found nothing older, nothing in this service worker's life writes an older
  // version again: later reads skip the extra `get`.
  let migration: Promise<void> | undefined;
  let current = false;
  function migrated(): Promise<void> {
    if (current) return Promise.resolve();
    migration ??= migrateTokenStorage(local, device)
      .then(() => {
        current = true;
      })
      .finally(() => {
        migration = undefined;
      });
    return migration;
  }

  async function guarded<T>(action: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toVaultError(action, error);
    }
  }

  return {
    exclusive,
    readTokens: () =>
      guarded('The saved tokens could not be read', async () => {
        await migrated();
        return separateDamaged(await tokensArea.read());
      }),
    writeTokens: (data) =>
      guarded('The tokens could not be saved', async () => {
        const usable = tokensDataSchema.parse({ tokens: data.tokens, lock: data.lock });
        await tokensArea.write(withDamaged({ ...usable, damaged: data.damaged }));
      }),
    readDetections: () =>
      guarded('The saved token detections could not be read', async () => {
        await migrated();
        return (await detectionsArea.read()).detections;
      }),
    writeDetections: (detections) => guarded('The token detections could not be saved', () => detectionsArea.write({ detections })),
  };
}
