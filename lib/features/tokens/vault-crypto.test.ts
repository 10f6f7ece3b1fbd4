import { describe, expect, it } from 'vitest';
import {
  deriveVaultKey,
  exportVaultKey,
  importVaultKey,
  keyMatchesVerifier,
  makeVerifier,
  open,
  PBKDF2_ITERATIONS,
  seal,
  sealedFromText,
  sealedToText,
  secretContext,
} from './vault-crypto';

const subtle = globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
// A low count keeps these unit tests fast; the vault itself always uses PBKDF2_ITERATIONS.
const FAST_ITERATIONS = 1_000;
const salt = new Uint8Array(16).fill(1);

describe('vault cryptography', () => {
  it('uses at least 600,000 PBKDF2 iterations for new passphrases', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('derives the same key from the same passphrase, salt and count, whatever the Unicode form', async () => {
    const composed = await deriveVaultKey(subtle, 'pässphrase', salt, FAST_ITERATIONS);
    const decomposed = await deriveVaultKey(subtle, 'pa\u0308ssphrase', salt, FAST_ITERATIONS);
    expect(await exportVaultKey(subtle, composed)).toBe(await exportVaultKey(subtle, decomposed));
    const otherSalt = await deriveVaultKey(subtle, 'pässphrase', new Uint8Array(16).fill(2), FAST_ITERATIONS);
    expect(await exportVaultKey(subtle, otherSalt)).not.toBe(await exportVaultKey(subtle, composed));
  });

  it('seals and opens a secret only under the same key and context', async () => {
    const key = await deriveVaultKey(subtle, 'first passphrase', salt, FAST_ITERATIONS);
    const other = await deriveVaultKey(subtle, 'second passphrase', salt, FAST_ITERATIONS);
    const sealed = await seal(subtle, key, 'fake-secret-value', secretContext('t1'), random);
    expect(sealed.ciphertext).not.toContain('fake');
    expect(await open(subtle, key, sealed, secretContext('t1'))).toBe('fake-secret-value');
    expect(await open(subtle, key, sealed, secretContext('t2'))).toBeUndefined();
    expect(await open(subtle, other, sealed, secretContext('t1'))).toBeUndefined();
    const again = await seal(subtle, key, 'fake-secret-value', secretContext('t1'), random);
    expect(again.iv).not.toBe(sealed.iv);
  });

  it('tells the right key from a wrong one with the verifier, also after a session round trip', async () => {
    const key = await deriveVaultKey(subtle, 'first passphrase', salt, FAST_ITERATIONS);
    const other = await deriveVaultKey(subtle, 'second passphrase', salt, FAST_ITERATIONS);
    const verifier = await makeVerifier(subtle, key, random);
    expect(await keyMatchesVerifier(subtle, key, verifier)).toBe(true);
    expect(await keyMatchesVerifier(subtle, other, verifier)).toBe(false);
    const restored = await importVaultKey(subtle, await exportVaultKey(subtle, key));
    expect(await keyMatchesVerifier(subtle, restored, verifier)).toBe(true);
  });

  it('writes a ciphertext as text and reads it back, refusing anything else', async () => {
    const key = await deriveVaultKey(subtle, 'a passphrase long enough', salt, FAST_ITERATIONS);
    const sealed = await seal(subtle, key, 'fake-secret', secretContext('t1'), random);
    expect(sealedFromText(sealedToText(sealed))).toEqual(sealed);
    for (const text of ['', 'no-dot', '.only', 'a.b.c']) expect(sealedFromText(text)).toBeUndefined();
  });
});
