import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * PBKDF2-SHA-256 iterations for new passphrases (OWASP's 2023 figure for this hash). Vaults
 * store their own count, so raising this re-keys older vaults at their next unlock.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
// 96-bit IVs are what AES-GCM is specified for; each encryption draws a fresh one.
const IV_BYTES = 12;
const VERIFIER_TEXT = 'confluence-token-companion vault verifier v1';

export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>;

export const defaultRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

export interface Sealed {
  iv: string;
  ciphertext: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The AES-GCM-256 key for a passphrase; extractable so it can be kept in session storage. */
export async function deriveVaultKey(
  subtle: SubtleCrypto,
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  // NFC so that the same passphrase typed on different systems gives the same key.
  const material = await subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportVaultKey(subtle: SubtleCrypto, key: CryptoKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle.exportKey('raw', key)));
}

export async function importVaultKey(subtle: SubtleCrypto, raw: string): Promise<CryptoKey> {
  return subtle.importKey('raw', base64ToBytes(raw), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * Encrypts `plaintext`, bound to `context` (additional data): a ciphertext copied onto another
 * token, or onto the verifier, fails to decrypt instead of passing for it.
 */
export async function seal(
  subtle: SubtleCrypto,
  key: CryptoKey,
  plaintext: string,
  context: string,
  randomBytes: RandomBytes,
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plaintext),
  );
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

/** The plaintext, or undefined when the key is wrong or the data was altered. */
export async function open(subtle: SubtleCrypto, key: CryptoKey, sealed: Sealed, context: string): Promise<string | undefined> {
  try {
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(sealed.iv), additionalData: encoder.encode(context) },
      key,
      base64ToBytes(sealed.ciphertext),
    );
    return decoder.decode(plaintext);
  } catch {
    return undefined;
  }
}

export function secretContext(tokenId: string): string {
  return `token:${tokenId}`;
}

export function makeVerifier(subtle: SubtleCrypto, key: CryptoKey, randomBytes: RandomBytes): Promise<Sealed> {
  return seal(subtle, key, VERIFIER_TEXT, 'verifier', randomBytes);
}

export async function keyMatchesVerifier(subtle: SubtleCrypto, key: CryptoKey, verifier: Sealed): Promise<boolean> {
  return (await open(subtle, key, verifier, 'verifier')) === VERIFIER_TEXT;
}

/** One ciphertext as text, for encrypting it again under another key ('.' is not base64). */
export function sealedToText(sealed: Sealed): string {
  return `${sealed.iv}.${sealed.ciphertext}`;
}

export function sealedFromText(text: string): Sealed | undefined {
  const [iv, ciphertext, ...rest] = text.split('.');
  return iv && ciphertext && rest.length === 0 ? { iv, ciphertext } : undefined;
}
