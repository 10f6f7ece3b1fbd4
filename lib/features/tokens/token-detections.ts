import { damagedIds } from './damaged-records';
import type { CloudKind } from './token-kind';
import type { DetectedIdentity, SiteDetection } from './site-detection';
import type { StoredDetection } from './token-detection-record';
import type { TokenRecord } from './token-record';
import { toTokenSummary, type TokenSummary } from './token-summary';
import type { VaultStorage } from './vault-storage';

/** What a probe showed for one site; 'unknown' forgets an earlier detection there. */
export interface DetectionToRecord {
  kind: CloudKind | 'unknown';
  identity?: DetectedIdentity;
}

type TokenForDetections = Pick<TokenRecord, 'id' | 'secretRevision' | 'sites'>;

function holdsFor(token: TokenForDetections, detection: StoredDetection): boolean {
  return (
    detection.tokenId === token.id &&
    detection.secretRevision === token.secretRevision &&
    (token.sites.length === 0 || token.sites.includes(detection.site))
  );
}

/**
 * The detections that hold for `token` now: made with its current secret and email, on a site
 * it is for. Decided on reading too, so a summary never depends on both keys having been written.
 */
export function detectionsFor(token: TokenForDetections, stored: readonly StoredDetection[]): SiteDetection[] {
  return stored.filter((d) => holdsFor(token, d)).map(({ tokenId: _id, secretRevision: _revision, ...detection }) => detection);
}

/**
 * `stored` without what holds for no saved token any more (removed, edited, or a site dropped).
 * What was found for a damaged record (`keptIds`) stays, as the record itself does.
 */
export function prunedDetections(
  stored: readonly StoredDetection[],
  tokens: readonly TokenForDetections[],
  keptIds: ReadonlySet<string> = new Set(),
): StoredDetection[] {
  const byId = new Map(tokens.map((t) => [t.id, t]));
  return stored.filter((d) => {
    const token = byId.get(d.tokenId);
    return token !== undefined ? holdsFor(token, d) : keptIds.has(d.tokenId);
  });
}

export function summarize(record: TokenRecord, stored: readonly StoredDetection[]): TokenSummary {
  return toTokenSummary(record, detectionsFor(record, stored));
}

export interface TokenDetections {
  /**
   * Records what probing `site` showed, made with the secret at `secretRevision` (from
   * `getSecret`). Dropped when the secret or email was edited since, or the site is no longer
   * the token's. Writes "tokenDetections" only, never the record holding the secret.
   * The token as it is afterwards; undefined when there is no such token.
   */
  record(id: string, site: string, result: DetectionToRecord, secretRevision: number): Promise<TokenSummary | undefined>;
}

export function createTokenDetections(options: { storage: VaultStorage; now: () => Date }): TokenDetections {
  const { storage, now } = options;
  return {
    record(id, site, result, secretRevision) {
      return storage.exclusive(async () => {
        const { tokens, damaged } = await storage.readTokens();
        const token = tokens.find((t) => t.id === id);
        if (!token) return undefined;
        const stored = await storage.readDetections();
        const host = site.trim().toLowerCase();
        const entry: StoredDetection | undefined =
          result.kind === 'unknown'
            ? undefined
            : {
                tokenId: id,
                secretRevision,
                site: host,
                kind: result.kind,
                checkedAt: now().toISOString(),
                ...(result.identity ? { identity: copyIdentity(result.identity) } : {}),
              };
        if (secretRevision !== token.secretRevision || (entry && !holdsFor(token, entry))) {
          return summarize(token, stored); // made with credentials, or for a site, the token no longer has
        }
        const others = stored.filter((d) => !(d.tokenId === id && d.site === host));
        const detections = prunedDetections(entry ? [...others, entry] : others, tokens, damagedIds(damaged));
        await storage.writeDetections(detections);
        return summarize(token, detections);
      });
    },
  };
}

// Field by field: a probe's identity object may carry more than is meant to be kept.
function copyIdentity(identity: DetectedIdentity): DetectedIdentity {
  return identity.displayName !== undefined
    ? { accountId: identity.accountId, displayName: identity.displayName }
    : { accountId: identity.accountId };
}
