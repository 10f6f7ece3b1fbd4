/**
 * The one call without credentials, `GET https://<site>/_edge/tenant_info`, made into a call the
 * executor sends like any other: no Authorization header, no cookies, nothing to scrub, logged
 * under NO_TOKEN_LABEL, its answers judged by judgeTenantInfo.
 */
import { normaliseSiteHost } from '../endpoints';
import { endpointFailure, type Failure } from '../failure';
import { waitRequestedMs } from '../retry-after';
import { MAX_JSON_ANSWER_BYTES } from '../schemas/bounds';
import type { RetryPolicy } from '../retry';
import { judgeTenantInfo, NO_TOKEN_LABEL, UNAUTHENTICATED_OPERATIONS } from '../unauthenticated';
import type { Call, CallLabel } from './execute';

export type TenantInfoCall =
  | { ok: true; call: Call<{ cloudId: string }> }
  | { ok: false; failure: Failure; label: CallLabel & { path: string } };

export function tenantInfoCall(siteHost: string, signal: AbortSignal | undefined, policy: RetryPolicy): TenantInfoCall {
  const op = UNAUTHENTICATED_OPERATIONS.getTenantInfo;
  const site = normaliseSiteHost(siteHost);
  const label = (host: string): CallLabel => ({ tokenLabel: NO_TOKEN_LABEL, site: host, operation: op.id, method: op.method });
  if (!site.ok) {
    return { ok: false, failure: endpointFailure(site.error), label: { ...label(siteHost.trim().toLowerCase().slice(0, 260)), path: op.path } };
  }
  const host = site.value;
  return {
    ok: true,
    call: {
      label: label(host),
      // tenant_info needs no Authorization header (and the attempt sends no cookies). Like every
      // call it does not follow a redirect: a cloudId read elsewhere would be another site's.
      request: { url: `https://${host}${op.path}`, method: op.method, headers: { Accept: 'application/json' }, download: false, maxBodyBytes: MAX_JSON_ANSWER_BYTES },
      signal,
      idempotent: true,
      secrets: [],
      read(answer) {
        const requested = waitRequestedMs(answer.status, answer.headers, answer.receivedAt);
        const reported = requested === undefined ? undefined : Math.min(requested, policy.maxReportedWaitMs);
        const bodyText = answer.body.kind === 'text' ? answer.body.text : '';
        const judged = judgeTenantInfo(answer.status, bodyText, host, reported, policy.retryStatuses);
        if (judged.ok) return { ok: true, data: { cloudId: judged.cloudId } };
        return { ok: false, failure: judged.failure, verdict: { transient: judged.transient, retryAfterMs: requested } };
      },
    },
  };
}
