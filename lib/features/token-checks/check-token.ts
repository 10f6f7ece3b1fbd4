import type { AtlassianClient } from '../../atlassian/client';
import type { Failure, FailureClass } from '../../atlassian/failure';
import { classicSentence, REJECTED_SENTENCE, scopedSentence } from './detect-kind';
import { mismatchWarning } from '../tokens/kind-mismatch';
import { expiredRefusal } from '../tokens/expired-refusal';
import { dcTokenSiteKey, effectiveKind, tokenCoversSite } from '../tokens/token-site-match';
import type { TokenSummary } from '../tokens/token-summary';
import type { TokenVault } from '../tokens/token-vault';
import { lockedFailure, toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import type { CloudIdSource } from '../pages/cloud-id-source';
import { cloudSite, type DataCenterSite } from '../../sites/site';
import { credentialFor, dcServer } from './credential';
import { detectionFailure, detectOnSite, recordDetectionRun, type DetectionRun } from './detect-on-site';
import { detectedIdentityFromUser, identityFromDetection, identityFromUser, type IdentityView } from './identity-view';
import { recordConfirmationFromRun, type IdentityConfirmations } from './identity-confirmations';
import type { SiteCheckResult, TokenCheckReport } from './token-check-result';

/** Refusals that may mean "sent the wrong way" rather than "a bad token": detection tells which. */
const AUTH_FAILURES: readonly FailureClass[] = ['invalid-token', 'wrong-base-url', 'anonymous-fallback'];

export interface TokenCheckDeps {
  /** The person's local date, for expiry (lib/background.ts; default: the system clock). */
  today?: () => string;
  vault: Pick<TokenVault, 'get' | 'getSecret' | 'recordDetection'>;
  client: Pick<AtlassianClient, 'request'>;
  cloudIds: Pick<CloudIdSource, 'get'>;
  /** Whether the extension may reach `origin` (an optional host permission for Data Center). */
  hasHostPermission(origin: string): Promise<boolean>;
  /** Where a check's verdict on the token's identity goes, for page actions (none: not kept). */
  confirmations?: Pick<IdentityConfirmations, 'record' | 'forget'>;
}

export type TokenCheckOutcome = { ok: true; report: TokenCheckReport } | { ok: false; message: string };

export interface TokenChecker {
  /** Checks token `id` on every site it is for, or on `site` only. */
  check(id: string, site?: string): Promise<TokenCheckOutcome>;
}

const who = (identity: IdentityView) => ` It signs in as ${identity.displayName}.`;

function failed(site: string, kind: SiteCheckResult['kind'], failure: Failure, sentence?: string): SiteCheckResult {
  const view = toActionFailure(failure);
  return { site, kind, ok: false, sentence: sentence ?? view.message, failure: view };
}



function resultFromDetection(site: string, run: DetectionRun): SiteCheckResult {
  const d = run.detection;
  if (d.kind === 'classic' || (d.kind === 'scoped' && d.identity)) {
    return { site, kind: d.kind, ok: true, sentence: d.sentence, identity: identityFromDetection(d.identity!) };
  }
  if (d.kind === 'scoped') {
    // Accepted by the gateway, but its scopes do not cover reading the current user.
    const failure = run.gateway && !run.gateway.ok ? run.gateway.failure : undefined;
    return { site, kind: 'scoped', ok: false, sentence: d.sentence, ...(failure ? { failure: toActionFailure(failure) } : {}) };
  }
  const failure = detectionFailure(run);
  return {
    site,
    kind: 'unknown',
    ok: false,
    sentence: d.sentence,
    failure: failure ?? { class: 'kind-unknown', message: d.sentence, fix: 'Check the token again later.' },
  };
}

async function checkAuto(deps: TokenCheckDeps, token: TokenSummary, secret: string, site: string, secretRevision: number): Promise<SiteCheckResult> {
  const run = await detectOnSite(deps, token, secret, site);
  await recordDetectionRun(deps.vault, token.id, site, run, secretRevision);
  recordConfirmationFromRun(deps.confirmations, token.id, site, run, secretRevision);
  return resultFromDetection(site, run);
}

async function checkChosenKind(
  deps: TokenCheckDeps,
  token: TokenSummary,
  secret: string,
  site: string,
  kind: 'classic' | 'scoped',
  secretRevision: number,
): Promise<SiteCheckResult> {
  let cloudId: string | undefined;
  if (kind === 'scoped') {
    const lookup = await deps.cloudIds.get(site);
    if (!lookup.ok) return { site, kind, ok: false, sentence: lookup.failure.message, failure: lookup.failure };
    cloudId = lookup.cloudId;
  }
  const health = await deps.client.request({
    credential: credentialFor(token, secret, kind),
    site: cloudSite(site, cloudId),
    operation: 'getCurrentUser',
  });
  const lead = kind === 'classic' ? classicSentence(site) : scopedSentence(cloudId!);

  if (health.ok) {
    const identity = identityFromUser(health.data);
    const detected = detectedIdentityFromUser(health.data);
    await deps.vault.recordDetection(token.id, site, { kind, ...(detected ? { identity: detected } : {}) }, secretRevision);
    // A 200 from anyone but a real user is `anonymous-fallback`: this is the token's own account.
    deps.confirmations?.record(token.id, site, kind, secretRevision);
    return { site, kind, ok: true, identity, sentence: lead + who(identity) };
  }

  const failure = health.failure;
  if (failure.class === 'missing-scope' && kind === 'scoped') {
    // The gateway checks scopes only after accepting the credentials: it is a working scoped token.
    await deps.vault.recordDetection(token.id, site, { kind: 'scoped' }, secretRevision);
    deps.confirmations?.record(token.id, site, 'scoped', secretRevision);
    return failed(site, kind, failure, `${lead} Its scopes do not let it read the current user, so the account it belongs to is not shown.`);
  }
  if (!AUTH_FAILURES.includes(failure.class)) return failed(site, kind, failure);

  // Refused: find out whether it is the other kind, or no good at all.
  const run = await detectOnSite(deps, token, secret, site, kind === 'classic' ? { site: health } : { gateway: health });
  await recordDetectionRun(deps.vault, token.id, site, run, secretRevision);
  recordConfirmationFromRun(deps.confirmations, token.id, site, run, secretRevision);
  const d = run.detection;
  if (d.kind === 'classic' || d.kind === 'scoped') {
    const warning = mismatchWarning(kind, d.kind, site);
    if (!warning) return failed(site, kind, failure, d.sentence);
    // It works, only not the way its chosen kind sends it: the address is wrong, not the token.
    const wrongWay: ActionFailure = {
      class: 'wrong-base-url',
      message: `Sent as a ${kind} token, it is refused: ${
        d.kind === 'scoped' ? 'scoped tokens only work through api.atlassian.com' : "classic tokens only work on the site's own address"
      }.`,
      fix: `Change its kind to ${d.kind} (or auto-detect) in the token's settings.`,
    };
    return { site, kind: d.kind, ok: false, sentence: `${d.sentence} Sent as a ${kind} token, it is refused.`, failure: wrongWay, warning };
  }
  return failed(site, kind, failure, d.reason === 'rejected' ? REJECTED_SENTENCE : undefined);
}

/**
 * How a check goes for one kind of token: which sites it covers, what must hold before its
 * secret is read, and how one site is checked. Data Center sites add a case here, not branches.
 */
interface KindCheck {
  /** The sites to check; `blocked` answers every site without a call (a permission is missing). */
  plan(deps: TokenCheckDeps, token: TokenSummary, onlySite?: string): Promise<{ ok: true; sites: string[]; blocked?: SiteCheckResult[] } | { ok: false; message: string }>;
  kindOn(token: TokenSummary, site: string): SiteCheckResult['kind'];
  /** `secretRevision`: what `getSecret` gave with `secret`, to record detections against. */
  checkSite(deps: TokenCheckDeps, token: TokenSummary, secret: string, site: string, secretRevision: number): Promise<SiteCheckResult>;
}

/** A Data Center result is about the server's site key (its base URL), as pages and actions name it. */
function dcResultSite(token: TokenSummary, server: DataCenterSite): string {
  return dcTokenSiteKey(token) ?? server.baseUrl;
}

const dataCenterCheck: KindCheck = {
  async plan(deps, token, onlySite) {
    if (onlySite !== undefined && !tokenCoversSite(token, onlySite)) {
      return { ok: false, message: `The token “${token.label}” is not meant for ${onlySite}: it is for ${token.dcBaseUrl ?? 'no server yet'}.` };
    }
    const server = dcServer(token);
    if (!server) return { ok: true, sites: [token.dcBaseUrl ?? ''] };
    const site = dcResultSite(token, server);
    if (await deps.hasHostPermission(server.origin)) return { ok: true, sites: [site] };
    const message = `Allow access to ${server.origin} first.`;
    const failure: ActionFailure = {
      class: 'permission-needed',
      message: `${message} The extension may only contact your Data Center server once you allow it.`,
      fix: `Click “Allow access” and accept the browser's question for ${server.origin}, then check again.`,
    };
    return { ok: true, sites: [site], blocked: [{ site, kind: 'dc-pat', ok: false, sentence: message, failure }] };
  },
  kindOn: () => 'dc-pat',
  async checkSite(deps, token, secret, _site, secretRevision) {
    const server = dcServer(token);
    if (!server) {
      return {
        site: token.dcBaseUrl ?? '',
        kind: 'dc-pat',
        ok: false,
        sentence: 'This Data Center token has no valid server address. Edit it and enter the address of your Confluence.',
      };
    }
    const site = dcResultSite(token, server);
    // This check decides afresh whether the PAT signs in as its account there (page actions ask).
    deps.confirmations?.forget(token.id, site);
    const result = await deps.client.request({ credential: credentialFor(token, secret, 'dc-pat'), site: server, operation: 'getCurrentUser' });
    if (!result.ok) return failed(site, 'dc-pat', result.failure);
    // The client answers a 200 from anyone but a known user (a username or userKey) as `anonymous-fallback`.
    deps.confirmations?.record(token.id, site, 'dc-pat', secretRevision);
    const identity = identityFromUser(result.data);
    return { site, kind: 'dc-pat', ok: true, identity, sentence: `This Data Center personal access token works on ${server.baseUrl}.${who(identity)}` };
  },
};

function cloudCheck(checkSite: KindCheck['checkSite']): KindCheck {
  return {
    async plan(deps, token, onlySite) {
      // Only the sites the person chose: a check never sends the token to a site merely visited.
      if (onlySite === undefined) return { ok: true, sites: [...token.sites] };
      if (!tokenCoversSite(token, onlySite)) {
        return { ok: false, message: `The token “${token.label}” is not meant for ${onlySite}. Add the site to its list first.` };
      }
      return { ok: true, sites: [onlySite.trim().toLowerCase()] };
    },
    kindOn: (token, site) => effectiveKind(token, site) ?? 'unknown',
    checkSite(deps, token, secret, site, secretRevision) {
      // This check decides afresh whether the token signs in as its account there (page actions ask).
      deps.confirmations?.forget(token.id, site);
      return checkSite(deps, token, secret, site, secretRevision);
    },
  };
}

const KIND_CHECKS: Record<TokenSummary['kind'], KindCheck> = {
  auto: cloudCheck(checkAuto),
  classic: cloudCheck((deps, token, secret, site, revision) => checkChosenKind(deps, token, secret, site, 'classic', revision)),
  scoped: cloudCheck((deps, token, secret, site, revision) => checkChosenKind(deps, token, secret, site, 'scoped', revision)),
  'dc-pat': dataCenterCheck,
};

const GONE = 'This token no longer exists; it may have been removed in another window.';

export function createTokenChecker(deps: TokenCheckDeps): TokenChecker {
  return {
    async check(id, onlySite) {
      const token = await deps.vault.get(id);
      if (!token) return { ok: false, message: GONE };
      const expired = expiredRefusal(token, deps.today?.());
      if (expired) return { ok: false, message: expired.message };
      const strategy = KIND_CHECKS[token.kind];
      const plan = await strategy.plan(deps, token, onlySite);
      if (!plan.ok) return plan;
      if (plan.blocked) return { ok: true, report: { token, results: plan.blocked } };

      const secret = await deps.vault.getSecret(id);
      if (!secret.ok) {
        if (secret.reason === 'not-found') return { ok: false, message: GONE };
        const failure = lockedFailure();
        const results = plan.sites.map((site): SiteCheckResult => ({
          site,
          kind: strategy.kindOn(token, site),
          ok: false,
          sentence: 'Unlock your tokens first.',
          failure,
        }));
        return { ok: true, report: { token, results } };
      }

      // One site at a time: a check is a handful of calls, and sites share the token's rate limit.
      const results: SiteCheckResult[] = [];
      for (const site of plan.sites) results.push(await strategy.checkSite(deps, token, secret.secret, site, secret.secretRevision));
      const after = (await deps.vault.get(id)) ?? token;
      return { ok: true, report: { token: after, results } };
    },
  };
}
