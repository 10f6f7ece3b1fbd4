import * as z from 'zod';
import type { TokenRecord } from './token-record';

/**
 * A token's revision names one state of its record, so that a write based on an older state (a
 * form opened before another window saved) can be refused instead of silently undoing that save.
 *
 * Derived, never stored, so no stored data has to change: a short hash of every field of the
 * record but the secret. `secretRevision` stands in for the secret (it goes up whenever the secret
 * is replaced), so nothing of the secret, not even its ciphertext, goes into the hash; re-sealing
 * the same secret (setting a passphrase) is no change. Detections are kept apart from the record,
 * so a check never changes the revision.
 *
 * Not a security measure: it only tells a stale form from a fresh one.
 */
export type TokenRevision = string;

/** 16 hex digits: FNV-1a, 64 bits. */
export const tokenRevisionSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not a token revision');

type RevisedFields = Omit<TokenRecord, 'secret' | 'secretHint'>;

export function tokenRevision(record: RevisedFields): TokenRevision {
  // A fixed order and explicit nulls: the same record always gives the same text, whatever key
  // order or absent optional fields it was built with.
  const canonical = JSON.stringify([
    record.id,
    record.label,
    record.kind,
    record.email ?? null,
    record.secretRevision,
    record.expiresOn ?? null,
    record.createdAt,
    record.sites,
    record.dcBaseUrl ?? null,
    record.readOnly,
  ]);
  return fnv1a64(canonical);
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
