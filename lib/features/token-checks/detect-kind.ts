import { SCOPE_CHECK_CATEGORY, type FailureClass } from '../../atlassian/failure';
import type { CloudKind } from '../tokens/token-kind';
import type { DetectedIdentity } from '../tokens/token-record';

/**
 * Tells a classic Cloud token from a scoped one on one site (the token string cannot):
 * ask the site for the current user; if the site refuses (401 or 403) or answers as the
 * anonymous user, ask the gateway. A gateway refusal alone never makes a token "classic":
 * only the site probe does. The HTTP calls are injected: this file only decides and words it.
 */

export interface ProbeIdentity {
  type: string;
  accountId?: string;
  displayName?: string;
}

export type ProbeOutcome =
  | { ok: true; identity: ProbeIdentity }
  | {
      ok: false;
      status?: number;
      /** The `X-Failure-Category` response header, as sent. */
      failureCategory?: string;
      failureClass: string;
    };

/** Where to probe: the site address (classic) or the gateway for the site's cloudId (scoped). */
export type ProbeTarget = { kind: 'classic' } | { kind: 'scoped'; cloudId: string };

export interface DetectKindInput {
  /** Cloud site host, e.g. acme.atlassian.net. */
  site: string;
  /** GET `user/current` with the token as Basic auth at the target; must not throw, but may. */
  probe(target: ProbeTarget): Promise<ProbeOutcome>;
  /** The site's cloudId (from `/_edge/tenant_info`); may fail or give nothing. */
  getCloudId(site: string): Promise<string | undefined>;
}

export type DetectionFailure = 'rejected' | 'no-cloud-id' | 'inconclusive';

export type KindDetection =
  | { kind: 'classic'; site: string; sentence: string; identity: DetectedIdentity }
  | { kind: 'scoped'; site: string; sentence: string; cloudId: string; identity?: DetectedIdentity }
  /**
   * 'rejected': neither base accepted the token. 'no-cloud-id': the gateway could not be tried.
   * 'inconclusive': a base could not answer (offline, rate-limited, server error): try again.
   */
  | { kind: 'unknown'; site: string; sentence: string; reason: DetectionFailure };

// Classes the request client gives (lib/atlassian/failure.ts) that carry meaning here.
const ANONYMOUS_CLASS: FailureClass = 'anonymous-fallback';
const MISSING_SCOPE_CLASS: FailureClass = 'missing-scope';

/**
 * Statuses by which each base refuses a token it does not take. On the site a scoped token gets
 * 401 on v1 (even where anonymous access works), and one report saw 403 (API-FACTS: seen): both
 * mean "maybe scoped: try the gateway". The gateway refuses credentials with 401 (seen).
 */
export const REFUSAL_STATUSES: Readonly<Record<ProbeTarget['kind'], readonly number[]>> = {
  classic: [401, 403],
  scoped: [401],
};

type Verdict =
  | { type: 'accepted'; identity: DetectedIdentity }
  | { type: 'accepted-without-identity' }
  | { type: 'refused'; anonymous: boolean }
  | { type: 'unavailable'; status?: number };

/** Reads a probe outcome. A 200 from anyone but a known user is the anonymous fallback, not success. */
function judge(outcome: ProbeOutcome, target: ProbeTarget['kind']): Verdict {
  if (outcome.ok) {
    const { type, accountId, displayName } = outcome.identity;
    if (type !== 'known' || !accountId) return { type: 'refused', anonymous: true };
    return { type: 'accepted', identity: displayName ? { accountId, displayName } : { accountId } };
  }
  // Only the client's own verdict: a 200 it could not read (a login page) proves nothing.
  if (outcome.failureClass === ANONYMOUS_CLASS) return { type: 'refused', anonymous: true };
  const category = outcome.failureCategory?.trim().toUpperCase();
  // The gateway checks scopes only after it has accepted the credentials.
  if (category === SCOPE_CHECK_CATEGORY || outcome.failureClass === MISSING_SCOPE_CLASS) {
    return { type: 'accepted-without-identity' };
  }
  if (outcome.status !== undefined && REFUSAL_STATUSES[target].includes(outcome.status)) return { type: 'refused', anonymous: false };
  return outcome.status !== undefined ? { type: 'unavailable', status: outcome.status } : { type: 'unavailable' };
}

async function safely(probe: () => Promise<ProbeOutcome>): Promise<ProbeOutcome> {
  try {
    return await probe();
  } catch {
    return { ok: false, failureClass: 'offline' };
  }
}

function whoItIs(identity: DetectedIdentity): string {
  return identity.displayName ? ` It signs in as ${identity.displayName}.` : '';
}

function whatWentWrong(status: number | undefined): string {
  if (status === undefined) return 'could not be reached';
  if (status === 429) return 'is limiting requests (HTTP 429)';
  if (status >= 500) return `had a server error (HTTP ${status})`;
  if (status === 403) return 'refused access to the current user (HTTP 403)';
  return `gave an unexpected answer (HTTP ${status})`;
}

export function classicSentence(site: string): string {
  return `This is a classic token: calls go to https://${site}/wiki/rest/api/.`;
}

export function scopedSentence(cloudId: string): string {
  return `This is a scoped token: calls go through api.atlassian.com/ex/confluence/${cloudId}.`;
}

export const REJECTED_SENTENCE =
  'Neither the site nor the gateway accepted this token: it may be wrong, expired or revoked, or the email address may not be the one of its account.';

/** Data Center PATs need no detection: they are always sent as Bearer to their own server. */
export function describeDcPat(dcBaseUrl: string): string {
  return `This is a Data Center personal access token: it is sent as a Bearer token to ${dcBaseUrl.replace(/\/+$/, '')}/rest/api/. There is no kind to detect.`;
}

export async function detectKind(input: DetectKindInput): Promise<KindDetection> {
  const site = input.site.trim().toLowerCase();
  const onSite = judge(await safely(() => input.probe({ kind: 'classic' })), 'classic');
  if (onSite.type === 'accepted') {
    return { kind: 'classic', site, identity: onSite.identity, sentence: classicSentence(site) + whoItIs(onSite.identity) };
  }
  if (onSite.type !== 'refused') {
    // A site that is down or refuses for another reason says nothing about the kind.
    return {
      kind: 'unknown',
      site,
      reason: 'inconclusive',
      sentence: `The token could not be checked: ${site} ${whatWentWrong(onSite.type === 'unavailable' ? onSite.status : 401)}. Try again later.`,
    };
  }

  let cloudId: string | undefined;
  try {
    cloudId = (await input.getCloudId(site))?.trim() || undefined;
  } catch {
    cloudId = undefined;
  }
  if (!cloudId) {
    return {
      kind: 'unknown',
      site,
      reason: 'no-cloud-id',
      sentence: `${site} did not accept this as a classic token, and the site's cloudId could not be found, so it could not be tried as a scoped token. Open a page of the site, then check again.`,
    };
  }

  const onGateway = judge(await safely(() => input.probe({ kind: 'scoped', cloudId })), 'scoped');
  switch (onGateway.type) {
    case 'accepted':
      return {
        kind: 'scoped',
        site,
        cloudId,
        identity: onGateway.identity,
        sentence: scopedSentence(cloudId) + whoItIs(onGateway.identity),
      };
    case 'accepted-without-identity':
      return {
        kind: 'scoped',
        site,
        cloudId,
        sentence: `${scopedSentence(cloudId)} Its scopes do not let it read the current user, so the account it belongs to is not shown.`,
      };
    case 'refused':
      return { kind: 'unknown', site, reason: 'rejected', sentence: REJECTED_SENTENCE };
    case 'unavailable':
      return {
        kind: 'unknown',
        site,
        reason: 'inconclusive',
        sentence: `${site} did not accept this as a classic token, and api.atlassian.com ${whatWentWrong(onGateway.status)}, so whether it is a scoped token is not known yet. Try again later.`,
      };
  }
}
