import type { ApiResult, AtlassianClient } from '../../atlassian/client';
import type { Failure } from '../../atlassian/failure';
import type { User } from '../../atlassian/schemas/user';
import { detectKind, type KindDetection, type ProbeOutcome, type ProbeTarget } from './detect-kind';
import type { TokenSummary } from '../tokens/token-summary';
import type { TokenVault } from '../tokens/token-vault';
import { toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import type { CloudIdSource } from '../pages/cloud-id-source';
import { credentialFor } from './credential';
import { cloudSite } from '../../sites/site';

export type IdentityResult = ApiResult<User>;

/** What detecting a token's kind on one site found, with the answers it was based on. */
export interface DetectionRun {
  detection: KindDetection;
  /** The `user/current` answers, by where they were asked. */
  site?: IdentityResult;
  gateway?: IdentityResult;
  /** Why the cloudId (needed for the gateway) could not be had. */
  cloudIdFailure?: ActionFailure;
}

export interface DetectOnSiteDeps {
  client: Pick<AtlassianClient, 'request'>;
  cloudIds: Pick<CloudIdSource, 'get'>;
}

function toProbeOutcome(result: IdentityResult): ProbeOutcome {
  if (result.ok) {
    const { type, accountId, displayName } = result.data;
    return {
      ok: true,
      identity: { type, ...(accountId ? { accountId } : {}), ...(displayName ? { displayName } : {}) },
    };
  }
  return {
    ok: false,
    failureClass: result.failure.class,
    ...(result.failure.status !== undefined ? { status: result.failure.status } : {}),
  };
}

/**
 * Tells classic from scoped on `site` by asking who the token is (lib/tokens/detect-kind.ts
 * decides; this wires its probes to the request client). `known` reuses answers already had,
 * so a health check that just asked the site is not repeated.
 */
export async function detectOnSite(
  deps: DetectOnSiteDeps,
  token: TokenSummary,
  secret: string,
  site: string,
  known: { site?: IdentityResult; gateway?: IdentityResult } = {},
): Promise<DetectionRun> {
  const run: Omit<DetectionRun, 'detection'> = { ...known };
  const probe = async (target: ProbeTarget): Promise<ProbeOutcome> => {
    const where = target.kind === 'classic' ? 'site' : 'gateway';
    let result = run[where];
    if (!result) {
      result = await deps.client.request({
        credential: credentialFor(token, secret, target.kind),
        site: cloudSite(site, target.kind === 'scoped' ? target.cloudId : undefined),
        operation: 'getCurrentUser',
      });
      run[where] = result;
    }
    return toProbeOutcome(result);
  };
  const getCloudId = async (host: string): Promise<string | undefined> => {
    const lookup = await deps.cloudIds.get(host);
    if (lookup.ok) return lookup.cloudId;
    run.cloudIdFailure = lookup.failure;
    return undefined;
  };
  const detection = await detectKind({ site, probe, getCloudId });
  return { ...run, detection };
}

/** The failure that best explains why detection found no kind. */
export function detectionFailure(run: DetectionRun): ActionFailure | undefined {
  const failures: Failure[] = [run.site, run.gateway].flatMap((r) => (r && !r.ok ? [r.failure] : []));
  if (run.detection.kind === 'unknown' && run.detection.reason === 'no-cloud-id' && run.cloudIdFailure) return run.cloudIdFailure;
  // A site that answered as the anonymous user says the most: the credentials were ignored there.
  const anonymous = failures.find((f) => f.class === 'anonymous-fallback');
  const best = anonymous ?? (run.gateway && !run.gateway.ok ? run.gateway.failure : failures[0]);
  return best ? toActionFailure(best) : undefined;
}

/**
 * Records what a detection run showed on the token, where it says something lasting.
 * `secretRevision`: what `getSecret` gave with the secret the run used.
 */
export async function recordDetectionRun(
  vault: Pick<TokenVault, 'recordDetection'>,
  tokenId: string,
  site: string,
  run: DetectionRun,
  secretRevision: number,
): Promise<void> {
  const d = run.detection;
  if (d.kind === 'classic' || d.kind === 'scoped') {
    await vault.recordDetection(tokenId, site, { kind: d.kind, ...(d.identity ? { identity: d.identity } : {}) }, secretRevision);
  } else if (d.reason === 'rejected') {
    // Neither base takes it any more: what was detected earlier no longer holds.
    await vault.recordDetection(tokenId, site, { kind: 'unknown' }, secretRevision);
  }
  // Inconclusive (offline, 429, 5xx) or no cloudId: an earlier detection stays.
}
