import * as z from 'zod';
import { BASE64 } from './base64';
import { TOKEN_KINDS } from './token-kind';

// Detections are stored apart from the records since schema version 2; re-exported for existing importers.
export { detectedIdentitySchema, siteDetectionSchema, type DetectedIdentity, type SiteDetection } from './site-detection';

const base64 = z.string().regex(BASE64, 'must be base64');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** A secret at rest: in clear without a passphrase, AES-GCM ciphertext with one. */
export const storedSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plain'), value: z.string().min(1) }),
  z.object({ kind: z.literal('aes-gcm'), iv: base64, ciphertext: base64 }),
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

export const tokensDataSchema = z
  .object({ tokens: z.array(tokenRecordSchema), lock: vaultLockSchema.nullable() })
  .superRefine((data, ctx) => {
    // Mixed storage would leave a secret in clear in a locked vault, or unreadable in an open one.
    const expected = data.lock ? 'aes-gcm' : 'plain';
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
export type TokensData = z.infer<typeof tokensDataSchema>;
