/**
 * Calls to Atlassian that carry no credentials at all. They are kept apart from OPERATIONS:
 * they are not in Atlassian's REST specs (so they have no scopes), and no token may ever be
 * attached to them. The request client sends them, so they are retried, classified and logged
 * like every other call.
 */
import { malformedFailure, rateLimited, serverError, type Failure } from './failure';
import { parseTenantInfo } from '../features/pages/tenant-info';

export const UNAUTHENTICATED_OPERATIONS = {
  /** `{"cloudId":"<uuid>"}` without authentication (API-FACTS "Sites and cloudId": doc). */
  getTenantInfo: { id: 'getTenantInfo', method: 'GET', path: '/_edge/tenant_info' },
} as const;

/** The token label activity entries show for a call made without a token. */
export const NO_TOKEN_LABEL = '(no token)';

export type TenantInfoJudgement =
  | { ok: true; cloudId: string }
  | { ok: false; failure: Failure; transient: boolean };

/** What one tenant_info answer means; `waitMs` is the server's capped Retry-After, if any. */
export function judgeTenantInfo(status: number, bodyText: string, host: string, waitMs: number | undefined, retryStatuses: readonly number[]): TenantInfoJudgement {
  const transient = retryStatuses.includes(status);
  if (status >= 200 && status < 300) {
    const parsed = parseTenantInfo(bodyText);
    return parsed.ok ? { ok: true, cloudId: parsed.cloudId } : { ok: false, failure: malformedFailure(parsed.reason, status), transient: false };
  }
  if (status === 404) {
    // Only Cloud sites have tenant_info (API-FACTS: guess).
    return {
      ok: false,
      transient,
      failure: {
        class: 'wrong-base-url',
        status,
        message: `${host} has no /_edge/tenant_info (HTTP 404), so it does not look like an Atlassian Cloud site, and its cloudId cannot be read.`,
        fix: 'Check the site address; scoped tokens only work with Atlassian Cloud sites.',
      },
    };
  }
  if (status === 429) return { ok: false, transient, failure: rateLimited({ status }, waitMs) };
  if (status >= 500 && status < 600) return { ok: false, transient, failure: serverError({ status }, waitMs) };
  return { ok: false, transient, failure: malformedFailure(`tenant_info answered with HTTP ${status}`, status) };
}
