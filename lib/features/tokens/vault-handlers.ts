import type { ExtensionPageHandler } from '../../core/messaging/router';
import {
  vaultChangePassphraseMessageSchema,
  vaultLockMessageSchema,
  vaultRemovePassphraseMessageSchema,
  vaultSetPassphraseMessageSchema,
  vaultStateMessageSchema,
  vaultUnlockMessageSchema,
  type VaultChangePassphraseMessage,
  type VaultLockMessage,
  type VaultRemovePassphraseMessage,
  type VaultResult,
  type VaultSetPassphraseMessage,
  type VaultStateMessage,
  type VaultStateResult,
  type VaultUnlockMessage,
} from './schemas/vault';
import type { BackgroundDeps } from '../../background-deps';

/* The passphrase lock of the token vault. Passphrases are judged by the vault, never echoed. */

export const vaultStateHandler: ExtensionPageHandler<BackgroundDeps, VaultStateMessage, VaultStateResult> = {
  type: 'vault-state',
  from: 'extension-page',
  schema: vaultStateMessageSchema,
  async handle(_message, _sender, deps) {
    return { lock: await deps.vault.lockState() };
  },
};

export const vaultSetPassphraseHandler: ExtensionPageHandler<BackgroundDeps, VaultSetPassphraseMessage, VaultResult> = {
  type: 'vault-set-passphrase',
  from: 'extension-page',
  schema: vaultSetPassphraseMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.setPassphrase(message.passphrase);
  },
};

export const vaultChangePassphraseHandler: ExtensionPageHandler<BackgroundDeps, VaultChangePassphraseMessage, VaultResult> = {
  type: 'vault-change-passphrase',
  from: 'extension-page',
  schema: vaultChangePassphraseMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.changePassphrase(message.oldPassphrase, message.newPassphrase);
  },
};

export const vaultRemovePassphraseHandler: ExtensionPageHandler<BackgroundDeps, VaultRemovePassphraseMessage, VaultResult> = {
  type: 'vault-remove-passphrase',
  from: 'extension-page',
  schema: vaultRemovePassphraseMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.removePassphrase(message.passphrase);
  },
};

export const vaultUnlockHandler: ExtensionPageHandler<BackgroundDeps, VaultUnlockMessage, VaultResult> = {
  type: 'vault-unlock',
  from: 'extension-page',
  schema: vaultUnlockMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.unlock(message.passphrase);
  },
};

export const vaultLockHandler: ExtensionPageHandler<BackgroundDeps, VaultLockMessage, VaultResult> = {
  type: 'vault-lock',
  from: 'extension-page',
  schema: vaultLockMessageSchema,
  async handle(_message, _sender, deps) {
    await deps.vault.lock();
    return { ok: true };
  },
};
