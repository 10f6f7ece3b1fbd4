import type { ActivityEntry } from '../../../atlassian/activity-log';
import type { AtlassianClient, ApiResult, Credential, Site } from '../../../atlassian/client';
import { resolveEndpoints } from '../../../atlassian/endpoints';
import type { RateLimitInfo } from '../../../atlassian/rate-limit-headers';
import type { OperationId } from '../../../atlassian/operations';
import { siteLabel } from '../../../sites/site';
import { isDcSiteKey } from '../../../sites/site-key';
import { daysBetween, isIsoDate, type IsoDate } from '../../tokens/iso-date';
import { expiredRefusal } from '../../tokens/expired-refusal';
import { dcTokenSiteKey, effectiveKind, normalisedSiteKey, tokenCoversSite } from '../../tokens/token-site-match';
import type { TokenSummary } from '../../tokens/token-summary';
import type { TokenVault } from '../../tokens/token-vault';
import type { TokenCheckOutcome, TokenChecker } from '../check-token';
import type { IdentityConfirmations } from '../identity-confirmations';
import type { SendRoute } from '../send-route';
import { notCheckedRow, rowFromResult, writeRowFromLog } from './capability-rows';
import { CAPABILITIES, type Capability, type CapabilityRow, type HealthIdentity, type HealthReport } from './health-report';
import type { HealthStore } from './health-store';
import { identityFromCheck, identityFromUser } from './health-identity';

/** A check downloads an attachment only this small: it proves the route, not the bandwidth. */
export const MAX_PROBE_DOWNLOAD_BYTES = 1 << 20;

export interface HealthCheckDeps {
  vault: Pick<TokenVault, 'get' | 'getSecret'>;
  client: Pick<AtlassianClient, 'request'>;
  /** The token check, to explain a refusal (kind detection, the anonymous user, a wrong kind). */
  checker: Pick<TokenChecker, 'check'>;
  /** How to send the token to a site, Cloud or Data Center (send-route.ts, through the root). */
  route(token: TokenSummary, secret: string, host: string, secretRevision: number): Promise<SendRoute>;
  confirmations: Pick<IdentityConfirmations, 'record' | 'forget'>;
  /** The activity log, oldest first: write rows are learned from it. */
  activityLog(): Promise<readonly ActivityEntry[]>;
  store: Pick<HealthStore, 'get' | 'put'>;
  now(): number;
  today(): IsoDate;
  /** A check found the token refused as invalid on `site` (the root notifies, once). */
  onInvalidToken?(token: TokenSummary, site: string, sentence: string): void;
}

export interface HealthRunOptions {
  /** Check this site only (a site key, one the token is for: a Cloud host or its Data Center server). */
  site?: string;
  /** The page the person is on: read rows are tried there. */
  page?: { host: string; contentId: string };
}

export type HealthOutcome = { ok: true; reports: HealthReport[] } | { ok: false; message: string };

export interface HealthChecker {
  run(tokenId: string, options?: HealthRunOptions): Promise<HealthOutcome>;
}

const GONE = 'This token no longer exists; it may have been removed in another window.';
const NOT_SIGNED_IN = 'Not checked: the token did not sign in on this site.';
const DC_JIRA_ROW = notCheckedRow('jira', 'Not checked: a Data Center personal access token belongs to one product.');
const DC_ATTACHMENTS_NOT_CHECKED = 'Not checked on Data Center: its attachments are read through their download links, which a check does not fetch.';

type Timed<T> = { result: ApiResult<T>; latencyMs: number };

function tightest(infos: readonly RateLimitInfo[]): HealthReport['rateLimit'] {
  let best: RateLimitInfo | undefined;
  for (const info of infos) {
    if (info.remaining === undefined && info.nearLimit === undefined) continue;
    if (!best || (info.remaining ?? Infinity) < (best.remaining ?? Infinity)) best = info;
  }
  const near = infos.some((i) => i.nearLimit === true);
  if (!best) return near ? { nearLimit: true } : undefined;
  return {
    ...(best.limit === undefined ? {} : { limit: best.limit }),
    ...(best.remaining === undefined ? {} : { remaining: best.remaining }),
    ...(near ? { nearLimit: true } : {}),
  };
}

function expiryOf(token: TokenSummary, today: IsoDate): HealthReport['expiry'] {
  if (token.expiresOn === undefined || !isIsoDate(token.expiresOn)) return undefined;
  return { expiresOn: token.expiresOn, daysLeft: daysBetween(today, token.expiresOn) };
}

function baseUrlOf(credential: Credential, site: Site): string | undefined {
  const endpoints = resolveEndpoints({
    kind: credential.kind,
    siteHost: site.kind === 'cloud' ? site.host : undefined,
    cloudId: site.kind === 'cloud' ? site.cloudId : undefined,
    dcBaseUrl: site.kind === 'dc' ? site.baseUrl : undefined,
  });
  return endpoints.ok ? endpoints.value.v1 : undefined;
}

function headlineOf(token: TokenSummary, site: string, identity: HealthIdentity, rows: readonly CapabilityRow[]): string {
  if (identity.state !== 'confirmed') return identity.sentence;
  const short = rows.filter((r) => r.state === 'missing-scope' || r.state === 'not-permitted' || r.state === 'failed');
  const as = identity.displayName ? ` as ${identity.displayName}` : '';
  if (short.length === 0) return `“${token.label}” works on ${site}${as}.`;
  return `“${token.label}” signs in on ${site}${as}, but ${short.length === 1 ? '1 feature does' : `${short.length} features do`} not work yet: see below.`;
}

export function createHealthChecker(deps: HealthCheckDeps): HealthChecker {
  const timed = async <T>(call: () => Promise<ApiResult<T>>): Promise<Timed<T>> => {
    const started = deps.now();
    const result = await call();
    return { result, latencyMs: Math.max(0, deps.now() - started) };
  };

  function report(
    token: TokenSummary,
    site: string,
    fields: Omit<HealthReport, 'tokenId' | 'tokenRevision' | 'site' | 'checkedAt' | 'expiry' | 'headline' | 'healthy'>,
  ): HealthReport {
    const healthy = fields.identity.state === 'confirmed';
    const expiry = expiryOf(token, deps.today());
    return {
      tokenId: token.id,
      tokenRevision: token.revision,
      site,
      checkedAt: deps.now(),
      healthy,
      headline: headlineOf(token, site, fields.identity, fields.rows),
      ...fields,
      ...(expiry ? { expiry } : {}),
    };
  }

  const allNotChecked = (sentence: string, except: readonly CapabilityRow[] = []) =>
    CAPABILITIES.map((c) => except.find((r) => r.capability === c) ?? notCheckedRow(c, sentence));

  /** The token refused (or unknown): the check explains why, with detection where that helps. */
  async function refusedReport(token: TokenSummary, site: string, kind: HealthReport['kind'], baseUrl: string | undefined): Promise<HealthReport> {
    return reportFromCheck(token, site, kind, baseUrl, await deps.checker.check(token.id, site));
  }

  function reportFromCheck(token: TokenSummary, site: string, kind: HealthReport['kind'], baseUrl: string | undefined, outcome: TokenCheckOutcome): HealthReport {
    const result = outcome.ok ? outcome.report.results.find((r) => r.site === site) ?? outcome.report.results[0] : undefined;
    const identity: HealthIdentity = result ? identityFromCheck(result, token) : { state: 'unknown', sentence: outcome.ok ? 'The check gave no result.' : outcome.message };
    if (identity.failureClass === 'invalid-token') deps.onInvalidToken?.(token, site, identity.sentence);
    const shownKind = result && result.kind !== 'unknown' ? result.kind : kind;
    return report(token, site, {
      kind: shownKind,
      ...(baseUrl ? { baseUrl } : {}),
      identity,
      ...(result?.warning ? { warning: result.warning } : {}),
      rows: allNotChecked(NOT_SIGNED_IN, kind === 'dc-pat' ? [DC_JIRA_ROW] : []),
    });
  }

  async function probePageFor(
    route: Extract<SendRoute, { ok: true }>,
    site: string,
    options: HealthRunOptions,
    previous: HealthReport | undefined,
  ): Promise<NonNullable<HealthReport['probePage']> | { none: string }> {
    if (options.page && options.page.host === site) {
      const kept = previous?.probePage?.id === options.page.contentId ? previous.probePage.attachmentId : undefined;
      return { id: options.page.contentId, source: 'tab', ...(kept ? { attachmentId: kept } : {}) };
    }
    if (previous?.probePage) return { ...previous.probePage, source: 'previous' };
    // Listing pages is v2, which Data Center does not have: there, the page open in the tab is tried.
    if (route.site.kind === 'dc') return { none: 'No page to try on: open a page of this server and check again there.' };
    const listed = await deps.client.request({ credential: route.credential, site: route.site, operation: 'listPages', query: { limit: 1 } });
    if (!listed.ok) {
      if (listed.failure.class === 'missing-scope') return { none: 'No page to try on: the token may not list pages. Open a Confluence page and check again there.' };
      return { none: `No page to try on: listing the site's pages failed. ${listed.failure.message}` };
    }
    const first = listed.data.results[0];
    if (!first) return { none: 'No page to try on: the token sees no page on this site.' };
    return { id: first.id, title: first.title, source: 'listed' };
  }

  /** One site's report: a Cloud host, or a Data Center server's key (its base URL). */
  async function checkSite(token: TokenSummary, secret: string, secretRevision: number, site: string, options: HealthRunOptions): Promise<HealthReport> {
    const previous = await deps.store.get(token.id, site);
    if (isDcSiteKey(site)) {
      // The check sends nothing to a server the person has not allowed the extension to reach (an
      // optional host permission; a health check has no way to ask itself), and says so.
      const gate = await deps.checker.check(token.id, site);
      if (!gate.ok || !gate.report.results.some((r) => r.ok)) return reportFromCheck(token, site, 'dc-pat', `${site}/rest/api/`, gate);
    }
    deps.confirmations.forget(token.id, site);
    const route = await deps.route(token, secret, site, secretRevision);
    if (!route.ok) {
      const identity: HealthIdentity = { state: 'unknown', sentence: route.failure.message, fix: route.failure.fix, failureClass: route.failure.class };
      return report(token, site, { kind: effectiveKind(token, site) ?? 'unknown', identity, rows: allNotChecked(NOT_SIGNED_IN) });
    }
    const { credential } = route;
    const onDc = route.site.kind === 'dc';
    const baseUrl = baseUrlOf(credential, route.site);
    const identityCall = timed(() => deps.client.request({ credential, site: route.site, operation: 'getCurrentUser' }));

    // A token that signed in last time is probed all at once; otherwise nothing else is sent
    // until it signs in (a site with anonymous access would answer the probes as anonymous).
    const trusted = previous?.healthy === true && previous.kind === credential.kind && previous.tokenRevision === token.revision;
    if (!trusted) {
      const first = await identityCall;
      if (!first.result.ok) return refusedReport(token, site, credential.kind, baseUrl);
    }
    const pageP = probePageFor(route, site, options, trusted ? previous : undefined);
    // A Data Center PAT belongs to one product: there is no Jira on its base URL to try.
    const jiraP = onDc ? undefined : timed(() => deps.client.request({ credential, site: route.site, operation: 'getJiraCurrentUser' }));
    const page = await pageP;

    const id = 'id' in page ? page.id : undefined;
    const probe = <T>(capability: Capability, operation: OperationId, call: () => Promise<ApiResult<T>>) =>
      timed(call).then(({ result, latencyMs }) => ({ capability, operation, result: result as ApiResult<unknown>, latencyMs }));
    const reads = id
      ? [
          probe('read-page', 'getContentById', () =>
            deps.client.request({ credential, site: route.site, operation: 'getContentById', pathParams: { id }, query: { expand: 'space,version' } }),
          ),
          probe('watch-status', 'getContentWatchStatus', () =>
            deps.client.request({ credential, site: route.site, operation: 'getContentWatchStatus', pathParams: { contentId: id } }),
          ),
          // Data Center has no v2: its export reads the storage body through v1.
          onDc
            ? probe('export-body', 'getContentById', () =>
                deps.client.request({ credential, site: route.site, operation: 'getContentById', pathParams: { id }, query: { expand: 'body.storage' } }),
              )
            : probe('export-body', 'getPageById', () =>
                deps.client.request({ credential, site: route.site, operation: 'getPageById', pathParams: { id }, query: { 'body-format': 'storage' } }),
              ),
          probe('page-tree', 'getDescendants', () =>
            deps.client.request({ credential, site: route.site, operation: 'getDescendants', pathParams: { id, type: 'page' }, query: { limit: 1 } }),
          ),
        ]
      : [];
    const download = (attachmentId: string) =>
      probe('attachments-download', 'downloadAttachment', () =>
        deps.client.request({ credential, site: route.site, operation: 'downloadAttachment', pathParams: { id: id!, attachmentId } }),
      );
    const knownAttachment = 'id' in page ? page.attachmentId : undefined;
    const earlyDownload = knownAttachment && !onDc ? download(knownAttachment) : undefined;
    // Attachments are listed through v2 and downloaded through the REST path: neither exists on Data Center.
    const listing = id && !onDc
      ? probe('attachments-list', 'getPageAttachments', () =>
          deps.client.request({ credential, site: route.site, operation: 'getPageAttachments', pathParams: { id }, query: { limit: 25 } }),
        )
      : undefined;

    const identity = await identityCall;
    const [readResults, jira, list, log] = await Promise.all([Promise.all(reads), jiraP, listing, deps.activityLog()]);
    if (!identity.result.ok) return refusedReport(token, site, credential.kind, baseUrl);
    deps.confirmations.record(token.id, site, credential.kind, secretRevision);

    const rows = new Map<Capability, CapabilityRow>();
    const noPage = 'none' in page ? page.none : '';
    for (const r of readResults) rows.set(r.capability, rowFromResult(r.capability, r.operation, r.result, r.latencyMs));
    let attachmentId = knownAttachment;
    if (list) {
      rows.set('attachments-list', rowFromResult('attachments-list', 'getPageAttachments', list.result, list.latencyMs));
      let downloaded = earlyDownload ? await earlyDownload : undefined;
      if (!downloaded && list.result.ok) {
        const files = (list.result.data as { results: { id: string; fileSize?: number }[] }).results;
        const small = files.filter((f) => f.fileSize !== undefined && f.fileSize <= MAX_PROBE_DOWNLOAD_BYTES).sort((a, b) => a.fileSize! - b.fileSize!)[0];
        if (small) {
          attachmentId = small.id;
          downloaded = await download(small.id);
        } else {
          rows.set(
            'attachments-download',
            notCheckedRow('attachments-download', files.length === 0 ? 'Not checked: the page tried has no attachment.' : 'Not checked: the attachments of the page tried are larger than a check downloads.'),
          );
        }
      } else if (!downloaded) {
        rows.set('attachments-download', notCheckedRow('attachments-download', 'Not checked: the attachments could not be listed.'));
      }
      if (downloaded) {
        rows.set('attachments-download', rowFromResult('attachments-download', 'downloadAttachment', downloaded.result, downloaded.latencyMs));
        if (!downloaded.result.ok && downloaded.result.failure.class === 'no-permission-or-not-found') attachmentId = undefined;
      }
    }
    if (onDc && id) {
      for (const capability of ['attachments-list', 'attachments-download'] as const) rows.set(capability, notCheckedRow(capability, DC_ATTACHMENTS_NOT_CHECKED));
    }
    // The log names a site as the client labels it (a Data Center server by its host).
    rows.set('watch-change', writeRowFromLog({ capability: 'watch-change', tokenLabel: token.label, readOnly: token.readOnly, site: siteLabel(route.site), log }));
    rows.set('jira', jira ? rowFromResult('jira', 'getJiraCurrentUser', jira.result, jira.latencyMs) : DC_JIRA_ROW);

    const identityView = identityFromUser(identity.result.data, token);
    const metas = [identity.result, ...(jira ? [jira.result] : []), ...readResults.map((r) => r.result), ...(list ? [list.result] : [])].flatMap((r) =>
      r.ok ? [r.meta.rateLimit] : [],
    );
    const rateLimit = tightest(metas);
    const probePage = 'id' in page ? { id: page.id, source: page.source, ...(page.title ? { title: page.title } : {}), ...(attachmentId ? { attachmentId } : {}) } : undefined;
    return report(token, site, {
      kind: credential.kind,
      ...(baseUrl ? { baseUrl } : {}),
      identity: identityView,
      rows: CAPABILITIES.map((c) => rows.get(c) ?? notCheckedRow(c, noPage || 'Not checked.')),
      ...(rateLimit ? { rateLimit } : {}),
      ...(probePage ? { probePage } : {}),
    });
  }

  /** A Data Center token without a usable server address: the check says what to fix. */
  async function checkDataCenterWithoutServer(token: TokenSummary): Promise<HealthReport> {
    const site = token.dcBaseUrl ?? '';
    const outcome = await deps.checker.check(token.id);
    const result = outcome.ok ? outcome.report.results[0] : undefined;
    const identity: HealthIdentity = result ? identityFromCheck(result, token) : { state: 'unknown', sentence: outcome.ok ? 'The check gave no result.' : outcome.message };
    return report(token, site, { kind: 'dc-pat', identity, rows: allNotChecked(NOT_SIGNED_IN, [DC_JIRA_ROW]) });
  }

  return {
    async run(tokenId, options = {}) {
      const token = await deps.vault.get(tokenId);
      if (!token) return { ok: false, message: GONE };
      if (options.site !== undefined && !tokenCoversSite(token, options.site)) {
        const fix = token.kind === 'dc-pat' ? `It is for ${token.dcBaseUrl ?? 'no server yet'}.` : 'Add the site to its list first.';
        return { ok: false, message: `The token “${token.label}” is not meant for ${options.site}. ${fix}` };
      }
      // A Data Center token is for its one server, named by its key as its pages are.
      const dcKey = token.kind === 'dc-pat' ? dcTokenSiteKey(token) : undefined;
      const sites =
        token.kind === 'dc-pat' ? (dcKey ? [dcKey] : []) : options.site !== undefined ? [normalisedSiteKey(options.site)] : [...token.sites];
      const expired = expiredRefusal(token, deps.today());
      if (expired) {
        // Refused before the network: the report says so, and nothing is sent.
        const identity: HealthIdentity = { state: 'unknown', sentence: expired.message, fix: expired.fix, failureClass: 'expired' };
        const where = token.kind === 'dc-pat' && !dcKey ? [token.dcBaseUrl ?? ''] : sites;
        const reports = where.map((site) => report(token, site, { kind: effectiveKind(token, site) ?? 'unknown', identity, rows: allNotChecked('Not checked: the token has expired.') }));
        for (const r of reports) await deps.store.put(r);
        return { ok: true, reports };
      }
      const secret = await deps.vault.getSecret(tokenId);
      if (!secret.ok) return { ok: false, message: secret.reason === 'not-found' ? GONE : 'Unlock your tokens first: they are locked with your passphrase.' };

      const reports: HealthReport[] = [];
      if (token.kind === 'dc-pat' && !dcKey) reports.push(await checkDataCenterWithoutServer(token));
      // One site after another: the probes of a site run together, and sites share the token's rate limit.
      for (const site of sites) reports.push(await checkSite(token, secret.secret, secret.secretRevision, site, options));
      for (const r of reports) await deps.store.put(r);
      return { ok: true, reports };
    },
  };
}

