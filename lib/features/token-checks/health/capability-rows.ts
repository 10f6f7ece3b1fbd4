import type { ActivityEntry } from '../../../atlassian/activity-log';
import type { ApiResult } from '../../../atlassian/client';
import type { Failure } from '../../../atlassian/failure';
import type { OperationId } from '../../../atlassian/operations';
import { scopesForOperation } from '../../../atlassian/scopes/scopes';
import type { Capability, CapabilityRow } from './health-report';

/*
 * Turning answers into rows. Read rows come from a probe's answer; write rows from what the
 * activity log shows of real use, since a health check never writes.
 */

const API_TOKENS_PLACE = 'id.atlassian.com → Security → API tokens';

function scopeList(scopes: readonly string[]): string {
  return scopes.length === 1 ? `the scope ${scopes[0]}` : `the scopes ${scopes.slice(0, -1).join(', ')} and ${scopes.at(-1)}`;
}

/**
 * Scoped tokens are created with a fixed set of scopes, so the fix is a new token with the
 * missing ones (Atlassian does not let a token's scopes change).
 */
export function missingScopeRow(capability: Capability, operation: OperationId, latencyMs?: number): CapabilityRow {
  const scopes = [...scopesForOperation(operation).granular];
  return {
    capability,
    state: 'missing-scope',
    sentence: `The token's scopes do not include ${scopeList(scopes)}.`,
    fix: `Add ${scopeList(scopes)} to this token at ${API_TOKENS_PLACE} (create a new scoped token with it, then use “Replace token”).`,
    scopes,
    ...(latencyMs === undefined ? {} : { latencyMs }),
  };
}

const NOT_PERMITTED: Partial<Record<Capability, string>> = {
  jira: 'Jira refused this account: it may have no Jira access on this site.',
};

function failureRow(capability: Capability, operation: OperationId, failure: Failure, latencyMs: number): CapabilityRow {
  if (failure.class === 'missing-scope') return missingScopeRow(capability, operation, latencyMs);
  if (failure.class === 'no-permission-or-not-found' || failure.class === 'no-confluence-access') {
    return {
      capability,
      state: 'not-permitted',
      sentence: NOT_PERMITTED[capability] ?? "The token's account may not do this on the page tried (or the page is gone).",
      fix: capability === 'jira' ? 'Ask a Jira administrator for access, or ignore this row if you use Confluence only.' : 'Ask a space administrator for access, or try a page you can see.',
      latencyMs,
    };
  }
  if (capability === 'jira' && failure.class === 'invalid-token') {
    return {
      capability,
      state: 'not-permitted',
      sentence: 'Jira refused the token on this site.',
      fix: 'If you use Jira with this token, check that the account has Jira on this site.',
      latencyMs,
    };
  }
  return { capability, state: 'failed', sentence: failure.message, fix: failure.fix, latencyMs };
}

const WORKS: Record<Capability, string> = {
  'read-page': 'Reads the page.',
  'watch-status': 'Reads whether you watch the page.',
  'watch-change': 'Watching and unwatching worked when last used.',
  'export-body': "Reads the page's storage body.",
  'attachments-list': "Lists the page's attachments.",
  'attachments-download': 'Downloads an attachment.',
  'page-tree': 'Reads the pages below the page.',
  jira: 'Signs in to Jira on this site.',
};

export function rowFromResult(capability: Capability, operation: OperationId, result: ApiResult<unknown>, latencyMs: number): CapabilityRow {
  if (result.ok) return { capability, state: 'works', sentence: WORKS[capability], latencyMs };
  return failureRow(capability, operation, result.failure, latencyMs);
}

export function notCheckedRow(capability: Capability, sentence: string): CapabilityRow {
  return { capability, state: 'not-checked', sentence };
}

/** The operations of a write row, and what the log's outcome of its last use says. */
const WRITE_OPERATIONS: Partial<Record<Capability, readonly OperationId[]>> = {
  'watch-change': ['addContentWatcher', 'removeContentWatcher', 'addSpaceWatcher', 'removeSpaceWatcher'],
};

export interface WriteRowInput {
  capability: Capability;
  tokenLabel: string;
  readOnly: boolean;
  site: string;
  /** The log, oldest first, as the activity store keeps it. */
  log: readonly ActivityEntry[];
}

/**
 * A write row from the last call of its operations with this token on this site. The log names
 * a token by label: a renamed token starts as "not yet used" again, which errs on the safe side.
 */
export function writeRowFromLog({ capability, tokenLabel, readOnly, site, log }: WriteRowInput): CapabilityRow {
  if (readOnly) {
    return {
      capability,
      state: 'not-permitted',
      sentence: 'This token is read-only in the extension: its writes are refused before anything is sent.',
      fix: 'Turn off “Read-only” in the token’s settings to allow it.',
    };
  }
  const operations = WRITE_OPERATIONS[capability] ?? [];
  const host = site.trim().toLowerCase();
  let last: ActivityEntry | undefined;
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.site === host && entry.tokenLabel === tokenLabel && operations.includes(entry.operation as OperationId)) {
      last = entry;
      break;
    }
  }
  if (!last) return { capability, state: 'not-yet-used', sentence: 'Not yet used: a health check never writes, so this shows once you use it.' };
  const when = last.time.slice(0, 10);
  const operation = last.operation as OperationId;
  switch (last.outcome) {
    case 'ok':
      return { capability, state: 'works', sentence: `Worked when last used, on ${when}.` };
    case 'missing-scope':
      return { ...missingScopeRow(capability, operation), sentence: `Refused on ${when}: the token's scopes do not include ${scopeList(scopesForOperation(operation).granular)}.` };
    case 'no-permission-or-not-found':
      return { capability, state: 'not-permitted', sentence: `Refused on ${when}: the account may not do this on that page.`, fix: 'Ask a space administrator for access.' };
    default:
      return { capability, state: 'failed', sentence: `Failed when last used, on ${when} (${last.outcome}).`, fix: 'Try again; the activity log has the details.' };
  }
}
