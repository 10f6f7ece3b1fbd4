import * as z from 'zod';
import { actionFailureSchema } from '../../atlassian/failure-view-schema';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { siteKeySchema } from '../../sites/site-key-schema';
import { tokenIdSchema } from '../tokens/messages';
import { tokenSummarySchema } from '../tokens/token-summary';
import type { TokenChecker } from './check-token';
import { healthReportSchema } from './health/health-report-schema';
import type { HealthService } from './health/health-service';

/* Checking a saved token on its sites, for extension pages. docs/messages.md describes it. */

export interface TokenChecksDeps {
  tokenChecks: TokenChecker;
  health: HealthService;
  now(): number;
}

const message = defineMessages<TokenChecksDeps>();

const siteCheckResultSchema = z.strictObject({
  site: z.string(),
  kind: z.enum(['classic', 'scoped', 'dc-pat', 'unknown']),
  ok: z.boolean(),
  sentence: z.string(),
  identity: z.strictObject({ displayName: z.string(), accountId: z.string().optional(), email: z.string().optional() }).optional(),
  failure: z.optional(actionFailureSchema),
  warning: z.string().optional(),
});

export const tokensCheck = message({
  type: 'tokens-check',
  from: 'extension-page',
  /** `site`: check this site only (a site key: a Cloud host or a Data Center base URL the token is for). */
  input: z.strictObject({ type: z.literal('tokens-check'), id: tokenIdSchema, site: z.optional(siteKeySchema) }),
  output: z.strictObject({ token: tokenSummarySchema, results: z.array(siteCheckResultSchema) }),
  async handle(check, _sender, deps) {
    const outcome = await deps.tokenChecks.check(check.id, check.site);
    if (!outcome.ok) throw new RejectedMessageError(outcome.message);
    return outcome.report;
  },
});

const reportsOutput = z.strictObject({
  reports: z.array(healthReportSchema),
  /** The background's clock when it answered, so a page shows each report's age right. */
  now: z.number(),
});

export const healthReports = message({
  type: 'health-reports',
  from: 'extension-page',
  /** The last stored reports, of one token or one site (or all): shown at once, before a refresh. */
  input: z.strictObject({ type: z.literal('health-reports'), tokenId: z.optional(tokenIdSchema), site: z.optional(siteKeySchema) }),
  output: reportsOutput,
  handle: async ({ tokenId, site }, _sender, deps) => ({
    reports: await deps.health.reports({ ...(tokenId ? { tokenId } : {}), ...(site ? { site } : {}) }),
    now: deps.now(),
  }),
});

export const healthRun = message({
  type: 'health-run',
  from: 'extension-page',
  /** `site`: that site only (a site key); `tabId`: read rows are tried on the page that tab shows. */
  input: z.strictObject({
    type: z.literal('health-run'),
    id: tokenIdSchema,
    site: z.optional(siteKeySchema),
    tabId: z.optional(z.number().int().nonnegative()),
  }),
  output: reportsOutput,
  async handle({ id, site, tabId }, _sender, deps) {
    const outcome = await deps.health.run(id, { ...(site ? { site } : {}), ...(tabId === undefined ? {} : { tabId }) });
    if (!outcome.ok) throw new RejectedMessageError(outcome.message);
    return { reports: outcome.reports, now: deps.now() };
  },
});

export const tokenChecksMessages = [tokensCheck, healthReports, healthRun] as const;
