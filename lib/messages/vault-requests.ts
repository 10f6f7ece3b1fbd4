import type { LockState } from '../features/tokens/token-vault';
import { request, type SendMessage } from '../core/messaging/ask';
import {
  vaultResultSchema,
  vaultStateResultSchema,
  type VaultChangePassphraseMessage,
  type VaultLockMessage,
  type VaultRemovePassphraseMessage,
  type VaultResult,
  type VaultSetPassphraseMessage,
  type VaultStateMessage,
  type VaultUnlockMessage,
} from '../features/tokens/schemas/vault';

/** The options page's requests about the passphrase lock; replies are validated. */

export async function requestVaultState(send: SendMessage): Promise<LockState> {
  const message: VaultStateMessage = { type: 'vault-state' };
  return (await request(send, message, vaultStateResultSchema)).lock;
}

export function requestSetPassphrase(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultSetPassphraseMessage = { type: 'vault-set-passphrase', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestChangePassphrase(send: SendMessage, oldPassphrase: string, newPassphrase: string): Promise<VaultResult> {
  const message: VaultChangePassphraseMessage = { type: 'vault-change-passphrase', oldPassphrase, newPassphrase };
  return request(send, message, vaultResultSchema);
}

export function requestRemovePassphrase(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultRemovePassphraseMessage = { type: 'vault-remove-passphrase', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestUnlock(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultUnlockMessage = { type: 'vault-unlock', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestLock(send: SendMessage): Promise<VaultResult> {
  const message: VaultLockMessage = { type: 'vault-lock' };
  return request(send, message, vaultResultSchema);
}
