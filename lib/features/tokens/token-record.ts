import * as z from 'zod';
import { BASE64 } from './base64';
import { TOKEN_KINDS } from './token-kind';

// Detections are stored apart from the records since schema version 2; re-exported for existing importers.
export { detectedIdentitySchema, siteDetectionSchema, type DetectedIdentity, type SiteDetection } from './site-detection';

const base64 = z.string().regex(BASE64, 'must be base64');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/**
 * A secret at rest (schema version 3): always AES-GCM under this browser's device key
 * (device-encryption.ts), whose id is kept beside it. With a passphrase, what the device key
 * encrypts is the passphrase layer's ciphertext, never the secret itself (secret-codec.ts).
 */
const deviceSealed = { keyId: z.string().min(1), iv: base64, ciphertext: base64 };
export const storedSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('device'), ...deviceSealed }),
  z.object({ kind: z.literal('passphrase+device'), ...deviceSealed }),
]);
export type StoredSecret = z.infer<typeof storedSecretSchema>;

export const tokenRecordSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Atlassian account email; Cloud kinds only. */
  email: z.string().optional(),
  kind: z.enum(TOKEN_KINDS),
  secret: storedSecretSchema,
  /**
   * '…abcd', kept beside the secret so that the list can show it while the vault is locked.
   * Four characters say next to nothing of a ~190-character token.
   */
  secretHint: z.string(),
  /**
   * Goes up by one with every edit of what a detection vouches for (the secret or the email;
   * any edit of a Data Center token): a detection made at an earlier revision no longer holds.
   */
  secretRevision: z.number().int().positive(),
  expiresOn: isoDate.optional(),
  createdAt: z.string(),
  /** Hosts the token is for; empty means every Cloud site where it is detected to work. */
  sites: z.array(z.string()),
  dcBaseUrl: z.string().optional(),
  readOnly: z.boolean(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

/**
 * How the passphrase key is derived and checked. The iteration count and salt are stored so
 * that the count can be raised later without losing vaults made with the old one.
 */
export const vaultLockSchema = z.object({
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().positive(),
    salt: base64,
  }),
  /** A known text encrypted under the key: a wrong passphrase is caught before any data is touched. */
  verifier: z.object({ iv: base64, ciphertext: base64 }),
});
export type VaultLock = z.infer<typeof vaultLockSchema>;

/** What every secret of a vault with `lock` must be stored as. */
export function expectedSecretKind(lock: VaultLock | null): StoredSecret['kind'] {
  return lock ? 'passphrase+device' : 'device';
}

/** Every record valid, of the lock's kind, each id once: what the vault writes. */
export const tokensDataSchema = z
  .object({ tokens: z.array(tokenRecordSchema), lock: vaultLockSchema.nullable() })
  .superRefine((data, ctx) => {
    // Mixed storage would leave a secret without its passphrase layer in a locked vault, or unreadable in an open one.
    const expected = expectedSecretKind(data.lock);
    data.tokens.forEach((token, index) => {
      if (token.secret.kind !== expected) {
        ctx.addIssue({ code: 'custom', path: ['tokens', index, 'secret', 'kind'], message: `must be ${expected}` });
      }
    });
    const ids = new Set<string>();
    data.tokens.forEach((token, index) => {
      if (ids.has(token.id)) ctx.addIssue({ code: 'custom', path: ['tokens', index, 'id'], message: 'duplicate id' });
      ids.add(token.id);
    });
  });

/**
 * The "tokens" key as read: the lock checked, each record left for damaged-records.ts to judge
 * on its own, so that one damaged record leaves the others usable.
 */
export const storedTokensDataSchema = z.object({ tokens: z.array(z.unknown()), lock: vaultLockSchema.nullable() });
export type StoredTokensData = z.infer<typeof storedTokensDataSchema>;

/** What the vault works with: the usable records, the lock, and the damaged records kept as they were. */
export type TokensData = z.infer<typeof tokensDataSchema> & { damaged: readonly unknown[] };
