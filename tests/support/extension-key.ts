import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './extension-build';

/*
 * The fixed extension id of the Chromium policy build (tests/e2e/policy.spec.ts): a machine
 * policy names the extension it configures by id, and an unpacked extension's id is otherwise
 * derived from its folder's path. A manifest `key` (a public key) fixes it. Only the public key
 * is kept: nothing is ever signed with it, it is a test fixture, not a secret.
 */

/** The public key, PEM (SubjectPublicKeyInfo, made once with node:crypto; its private half was never saved). */
export const E2E_PUBLIC_KEY_FILE = join(PROJECT_ROOT, 'tests', 'support', 'e2e-manifest-key.pub.pem');

/** The manifest's `key`: the DER public key in base64, which is the PEM's body without its armour. */
export function manifestKeyFromPem(pem: string): string {
  return pem
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('-----'))
    .join('')
    .trim();
}

/** Chromium's id for a manifest key: sha256 of the DER key, the first 32 hex digits written with a–p for 0–f. */
export function extensionIdForKey(manifestKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(manifestKey, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

export function e2eManifestKey(): string {
  return manifestKeyFromPem(readFileSync(E2E_PUBLIC_KEY_FILE, 'utf8'));
}
