/**
 * A token's health on one site, as stored and shown: who it signs in as, how it is sent there,
 * one row per feature, rate-limit headroom and days to expiry. Plain data (no secret, no body):
 * it is kept in its own storage key and sent to extension pages as is.
 */
import { normalisedSiteKey } from '../../tokens/token-site-match';

/** One row per thing the extension does with a token, in the order a person reads them. */
export const CAPABILITIES = [
  'read-page',
  'watch-status',
  'watch-change',
  'export-body',
  'attachments-list',
  'attachments-download',
  'page-tree',
  'jira',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_NAMES: Record<Capability, string> = {
  'read-page': 'Read a page',
  'watch-status': 'Read watch status',
  'watch-change': 'Watch / unwatch',
  'export-body': 'Read a page body for export',
  'attachments-list': 'List attachments',
  'attachments-download': 'Download attachments',
  'page-tree': 'Read the page tree',
  jira: 'Jira on this site',
};

/**
 * `works` / `missing-scope` / `not-permitted` as the issue names them; `not-yet-used` for a write
 * never tried; `failed` for any other answer (site down, rate limited); `not-checked` when the
 * row could not be tried (no page, the token did not sign in, not on Data Center).
 */
export const ROW_STATES = ['works', 'missing-scope', 'not-permitted', 'not-yet-used', 'failed', 'not-checked'] as const;
export type RowState = (typeof ROW_STATES)[number];

export interface CapabilityRow {
  capability: Capability;
  state: RowState;
  /** What was found, a sentence. */
  sentence: string;
  /** What to do, a sentence (failed rows only). */
  fix?: string;
  /** For `missing-scope`: the scopes to add, as the spec names them. */
  scopes?: string[];
  /** How long the probe took (read rows only). */
  latencyMs?: number;
}

export const IDENTITY_STATES = ['confirmed', 'anonymous', 'refused', 'unknown'] as const;
export type IdentityState = (typeof IDENTITY_STATES)[number];

export interface HealthIdentity {
  state: IdentityState;
  sentence: string;
  fix?: string;
  displayName?: string;
  accountId?: string;
  /** The email the site answered with, when it gives one. */
  email?: string;
  /** Whether `email` is the token's email (absent when the site gave none). */
  emailMatches?: boolean;
  /** The failure class behind a refusal (`invalid-token`, `anonymous-fallback`...), for the badge. */
  failureClass?: string;
}

export interface HealthReport {
  tokenId: string;
  /** The token's revision when checked: a report of an edited or replaced token is not shown as current. */
  tokenRevision: string;
  /** The site key: a Cloud site host, or the Data Center server's base URL (lib/sites/site-key.ts). */
  site: string;
  /** When the check finished (ms since the epoch). */
  checkedAt: number;
  /** True when the token signs in as a real account there (rows may still lack scopes). */
  healthy: boolean;
  /** One sentence that sums the report up. */
  headline: string;
  kind: 'classic' | 'scoped' | 'dc-pat' | 'unknown';
  /** The v1 REST base calls go to (the site or `api.atlassian.com/ex/confluence/<cloudId>`). */
  baseUrl?: string;
  identity: HealthIdentity;
  /** The chosen kind contradicts what the site showed. */
  warning?: string;
  rows: CapabilityRow[];
  /** The tightest headroom any probe's answer reported (absent: no answer carried the headers). */
  rateLimit?: { limit?: number; remaining?: number; nearLimit?: boolean };
  /** The page the read rows were tried on; kept so a refresh can probe everything at once. */
  probePage?: { id: string; title?: string; source: 'tab' | 'listed' | 'previous'; attachmentId?: string };
  /** From the date the person entered. */
  expiry?: { expiresOn: string; daysLeft: number };
}

export const healthKey = (tokenId: string, site: string) => `${tokenId} ${normalisedSiteKey(site)}`;
