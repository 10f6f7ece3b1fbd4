import type { StorageAreaLike } from '../../core/storage/storage-area';
import { migrateTokenStorage } from './migrate-token-storage';
import type { StoredDetection } from './token-detection-record';
import { createTokenDetectionsArea } from './token-detections-area';
import type { TokensData } from './token-record';
import { toVaultError } from './token-vault-error';
import { createTokensArea } from './tokens-area';

/**
 * The vault's two keys in `storage.local`: "tokens" (records with their secrets, and the lock)
 * and "tokenDetections". Every read migrates first; errors carry no stored value.
 */
export interface VaultStorage {
  /**
   * Runs `operation` after every earlier one has finished. Every operation that writes, or
   * depends on the vault key, goes through here: a re-encryption must never interleave with an
   * add, or one of them would be lost. Never call it from inside an operation (it would wait on itself).
   */
  exclusive<T>(operation: () => Promise<T>): Promise<T>;
  readTokens(): Promise<TokensData>;
  writeTokens(data: TokensData): Promise<void>;
  readDetections(): Promise<StoredDetection[]>;
  writeDetections(detections: StoredDetection[]): Promise<void>;
}

export function createVaultStorage(local: StorageAreaLike): VaultStorage {
  const tokensArea = createTokensArea(local);
  const detectionsArea = createTokenDetectionsArea(local);

  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const next = queue.then(operation);
    queue = next.catch(() => undefined);
    return next;
  }

  // Checked before every read (one `get`), so no path reads version-1 tokens without moving
  // their detections out. One migration at a time, shared by every reader: a second one started
  // from the same version-1 copy could finish after a change made in between, and undo it.
  // Once a run has found nothing of version 1, nothing in this service worker's life writes
  // version 1 again: later reads skip the extra `get`.
  let migration: Promise<void> | undefined;
  let current = false;
  function migrated(): Promise<void> {
    if (current) return Promise.resolve();
    migration ??= migrateTokenStorage(local)
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
        return tokensArea.read();
      }),
    writeTokens: (data) => guarded('The tokens could not be saved', () => tokensArea.write(data)),
    readDetections: () =>
      guarded('The saved token detections could not be read', async () => {
        await migrated();
        return (await detectionsArea.read()).detections;
      }),
    writeDetections: (detections) => guarded('The token detections could not be saved', () => detectionsArea.write({ detections })),
  };
}
