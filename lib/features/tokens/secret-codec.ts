import type { DeviceEncryption } from './device-encryption';
import { SecretUndecryptableError } from './secret-undecryptable-error';
import type { StoredSecret, TokenRecord } from './token-record';
import { TokenVaultError } from './token-vault-error';
import { open, seal, sealedFromText, sealedToText, secretContext, type RandomBytes } from './vault-crypto';

/** How secrets are stored and read back right now: with the device key, and the passphrase key when one is set. */
export interface SecretCodec {
  seal(id: string, secret: string): Promise<StoredSecret>;
  /**
   * Throws a SecretUndecryptableError when the device key the secret was stored under is gone,
   * a TokenVaultError when the stored secret is damaged; both name the token, never the secret.
   */
  reveal(record: Pick<TokenRecord, 'id' | 'label' | 'secret'>): Promise<string>;
}

/*
 * Two layers, the inner one optional. Without a passphrase the device key encrypts the secret
 * ('device'). With one, the passphrase key (PBKDF2, as before) encrypts the secret and the
 * device key encrypts that ciphertext ('passphrase+device'): the passphrase still protects
 * against whoever copies the profile, the device key against a content script reading
 * `storage.local`. Both are bound to the token id, so a ciphertext moved onto another token fails.
 */
export function createSecretCodec(options: {
  subtle: SubtleCrypto;
  randomBytes: RandomBytes;
  device: DeviceEncryption;
  /** Undefined: no passphrase is set. */
  passphraseKey: CryptoKey | undefined;
}): SecretCodec {
  const { subtle, randomBytes, device, passphraseKey } = options;

  function damaged(label: string): TokenVaultError {
    return new TokenVaultError(`The secret of the token “${label}” could not be decrypted: its saved data is damaged. Remove that token and add it again.`);
  }

  return {
    async seal(id, secret) {
      const context = secretContext(id);
      if (!passphraseKey) return { kind: 'device', ...(await device.seal(secret, context)) };
      const inner = await seal(subtle, passphraseKey, secret, context, randomBytes);
      return { kind: 'passphrase+device', ...(await device.seal(sealedToText(inner), context)) };
    },

    async reveal(record) {
      const context = secretContext(record.id);
      const outer = await device.open(record.secret, context);
      if (!outer.ok) throw outer.reason === 'key-lost' ? new SecretUndecryptableError(record.label) : damaged(record.label);
      if (record.secret.kind === 'device') return outer.plaintext;
      const inner = sealedFromText(outer.plaintext);
      const secret = inner && passphraseKey ? await open(subtle, passphraseKey, inner, context) : undefined;
      if (secret === undefined) throw damaged(record.label);
      return secret;
    },
  };
}
