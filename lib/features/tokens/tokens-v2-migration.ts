import type { StoredDetection } from './token-detection-record';

/*
 * Version 2 of the "tokens" key moved each record's detections into their own key
 * ("tokenDetections") and gave each record a secret revision. The version-1 shapes are frozen
 * here: the current schemas may change, what version 1 wrote never does.
 */

interface SiteDetectionV1 {
  site: string;
  kind: 'classic' | 'scoped';
  checkedAt: string;
  identity?: { accountId: string; displayName?: string };
}

interface TokenRecordV1 {
  id: string;
  detected: SiteDetectionV1[];
  /** label, email, kind, secret, secretHint, expiresOn, createdAt, sites, dcBaseUrl, readOnly: unchanged in version 2. */
  [field: string]: unknown;
}

export interface TokensDataV1 {
  tokens: TokenRecordV1[];
  lock: unknown;
}

/** What every migrated record, and every detection moved out of it, starts at. */
export const FIRST_SECRET_REVISION = 1;

/** The "tokens" data of version 2: the same records (secrets as they were, ciphertext or not), without their detections. */
export function tokensV1ToV2(v1: TokensDataV1): unknown {
  return {
    tokens: v1.tokens.map(({ detected: _movedOut, ...record }) => ({ ...record, secretRevision: FIRST_SECRET_REVISION })),
    lock: v1.lock,
  };
}

/** The detections that version 1 kept inside each record, as the "tokenDetections" key holds them. */
export function detectionsFromTokensV1(v1: TokensDataV1): StoredDetection[] {
  return v1.tokens.flatMap((record) =>
    record.detected.map((d) => ({ ...d, tokenId: record.id, secretRevision: FIRST_SECRET_REVISION })),
  );
}
