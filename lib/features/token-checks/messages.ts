import * as z from 'zod';
import { actionFailureSchema } from '../../atlassian/failure-view-schema';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { siteHostSchema } from '../../sites/site-host-schema';
import { tokenIdSchema } from '../tokens/messages';
import { tokenSummarySchema } from '../tokens/token-summary';
import type { TokenChecker } from './check-token';

/* Checking a saved token on its sites, for extension pages. docs/messages.md describes it. */

export interface TokenChecksDeps {
  tokenChecks: TokenChecker;
}

const message = defineMessages<TokenChecksDeps>();

const siteCheckResultSchema = z.strictObject({
  site: z.string(),
  kind: z.enum(['classic', 'scoped', 'dc-pat', 'unknown']),
  ok: z.boolean(),
  sentence: z.string(),
  identity: z.strictObject({ displayName: z.string(), accountId: z.string().optional() }).optional(),
  failure: z.optional(actionFailureSchema),
  warning: z.string().optional(),
});

export const tokensCheck = message({
  type: 'tokens-check',
  from: 'extension-page',
  /** `site`: check this Cloud site only (it must be one the token is for). */
  input: z.strictObject({ type: z.literal('tokens-check'), id: tokenIdSchema, site: z.optional(siteHostSchema) }),
  output: z.strictObject({ token: tokenSummarySchema, results: z.array(siteCheckResultSchema) }),
  async handle(check, _sender, deps) {
    const outcome = await deps.tokenChecks.check(check.id, check.site);
    if (!outcome.ok) throw new RejectedMessageError(outcome.message);
    return outcome.report;
  },
});

export const tokenChecksMessages = [tokensCheck] as const;
