import * as z from 'zod/mini';
import { passphraseResultSchema } from './token-write';
import { lockStateSchema } from './token-view';

/*
 * Extension page → background: the passphrase lock of the token vault. The passphrase itself is
 * never stored or sent back; the vault judges it (length, right or wrong) and says so in `message`.
 */

const passphrase = z.string().check(z.maxLength(1024));

export const vaultStateMessageSchema = z.strictObject({ type: z.literal('vault-state') });
export type VaultStateMessage = z.infer<typeof vaultStateMessageSchema>;
export const vaultStateResultSchema = z.strictObject({ lock: lockStateSchema });
export type VaultStateResult = z.infer<typeof vaultStateResultSchema>;

export const vaultSetPassphraseMessageSchema = z.strictObject({ type: z.literal('vault-set-passphrase'), passphrase });
export type VaultSetPassphraseMessage = z.infer<typeof vaultSetPassphraseMessageSchema>;

export const vaultChangePassphraseMessageSchema = z.strictObject({
  type: z.literal('vault-change-passphrase'),
  oldPassphrase: passphrase,
  newPassphrase: passphrase,
});
export type VaultChangePassphraseMessage = z.infer<typeof vaultChangePassphraseMessageSchema>;

export const vaultRemovePassphraseMessageSchema = z.strictObject({ type: z.literal('vault-remove-passphrase'), passphrase });
export type VaultRemovePassphraseMessage = z.infer<typeof vaultRemovePassphraseMessageSchema>;

export const vaultUnlockMessageSchema = z.strictObject({ type: z.literal('vault-unlock'), passphrase });
export type VaultUnlockMessage = z.infer<typeof vaultUnlockMessageSchema>;

export const vaultLockMessageSchema = z.strictObject({ type: z.literal('vault-lock') });
export type VaultLockMessage = z.infer<typeof vaultLockMessageSchema>;

/** The reply to every vault message but `vault-state`. */
export const vaultResultSchema = passphraseResultSchema;
export type VaultResult = z.infer<typeof vaultResultSchema>;
