import type { DeviceEncryption } from './device-encryption';
import type { VaultStorage } from './vault-storage';

/** What keeps saved tokens from being used, for the options page to say. */
export interface VaultProblems {
  /** Records that are not valid tokens (kept as they are, never shown). */
  damaged: number;
  /** Tokens whose secret was stored under a device key this browser no longer has. */
  undecryptable: string[];
}

/** Tells from the key ids alone, so it needs no secret and works while the vault is locked. */
export function createVaultProblems(options: { storage: VaultStorage; device: Pick<DeviceEncryption, 'currentKeyId'> }) {
  const { storage, device } = options;
  return {
    async problems(): Promise<VaultProblems> {
      const { tokens, damaged } = await storage.readTokens();
      let keyId: string | undefined;
      try {
        keyId = tokens.length > 0 ? await device.currentKeyId() : undefined;
      } catch {
        // A key store that cannot be read now is not a lost key: the list still shows, and using a
        // token reports the store's own failure.
        return { damaged: damaged.length, undecryptable: [] };
      }
      return { damaged: damaged.length, undecryptable: tokens.filter((t) => t.secret.keyId !== keyId).map((t) => t.id) };
    },
  };
}
