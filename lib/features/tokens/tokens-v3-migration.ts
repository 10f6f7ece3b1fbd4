import type { DeviceEncryption } from './device-encryption';
import { sealedToText, secretContext } from './vault-crypto';

/*
 * Version 3 of the "tokens" key put every secret under the device key: one in clear ('plain')
 * becomes 'device'; one encrypted with the passphrase ('aes-gcm') becomes 'passphrase+device'
 * by encrypting its ciphertext as it is, so no passphrase is needed and the passphrase layer
 * stays byte for byte the same. Only `secret` changes: every other field, and every record the
 * current schema would call damaged, is carried over as it was. Encryption is async, so this
 * runs from migrate-token-storage.ts rather than the area's table of pure steps. The version-2
 * secret shapes are frozen here.
 */

type StoredSecretV2 = { kind: 'plain'; value: string } | { kind: 'aes-gcm'; iv: string; ciphertext: string };

export interface TokensDataV2 {
  tokens: unknown[];
  lock: unknown;
}

function secretV2(value: unknown): StoredSecretV2 | undefined {
  const secret = value as Partial<Record<string, unknown>> | null | undefined;
  if (typeof secret !== 'object' || secret === null) return undefined;
  if (secret.kind === 'plain' && typeof secret.value === 'string' && secret.value !== '') return { kind: 'plain', value: secret.value };
  if (secret.kind === 'aes-gcm' && typeof secret.iv === 'string' && typeof secret.ciphertext === 'string') {
    return { kind: 'aes-gcm', iv: secret.iv, ciphertext: secret.ciphertext };
  }
  return undefined;
}

async function sealRecord(record: unknown, device: DeviceEncryption): Promise<unknown> {
  if (typeof record !== 'object' || record === null) return record;
  const { id, secret } = record as { id?: unknown; secret?: unknown };
  const v2 = secretV2(secret);
  if (!v2) return record;
  // A record too damaged to have an id still keeps no secret in clear.
  const context = secretContext(typeof id === 'string' ? id : '');
  const sealed =
    v2.kind === 'plain'
      ? { kind: 'device', ...(await device.seal(v2.value, context)) }
      : { kind: 'passphrase+device', ...(await device.seal(sealedToText(v2), context)) };
  return { ...record, secret: sealed };
}

/** The same data with every version-2 secret under the device key. Does not change its input. */
export async function sealSecretsV2(data: TokensDataV2, device: DeviceEncryption): Promise<TokensDataV2> {
  const tokens: unknown[] = [];
  for (const record of data.tokens) tokens.push(await sealRecord(record, device));
  return { tokens, lock: data.lock };
}
