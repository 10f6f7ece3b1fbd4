import * as z from 'zod/mini';
import { siteHostSchema } from '../../pages/page-context-schema';
import type { TokenCheckReport } from '../../token-checks/token-check-result';
import { actionFailureSchema } from '../../../atlassian/failure-view-schema';
import type { Same } from '../../../messages/schemas/same-type';
import { lockStateSchema, tokenIdSchema, tokenSummarySchema } from './token-view';

/* Extension page → background: the saved tokens (adding and editing: ./token-write.ts). docs/messages.md describes each. */

export const tokensListMessageSchema = z.strictObject({ type: z.literal('tokens-list') });
export type TokensListMessage = z.infer<typeof tokensListMessageSchema>;
export const tokensListResultSchema = z.strictObject({
  tokens: z.array(tokenSummarySchema),
  lock: lockStateSchema,
  /** Cloud sites the extension has seen a Confluence page of, most recently seen first. */
  knownCloudSites: z.array(z.string()),
});
export type TokensListResult = z.infer<typeof tokensListResultSchema>;

export const tokensRemoveMessageSchema = z.strictObject({ type: z.literal('tokens-remove'), id: tokenIdSchema });
export type TokensRemoveMessage = z.infer<typeof tokensRemoveMessageSchema>;
export const tokensRemoveResultSchema = z.strictObject({ removed: z.boolean() });
export type TokensRemoveResult = z.infer<typeof tokensRemoveResultSchema>;

export const tokensCheckMessageSchema = z.strictObject({
  type: z.literal('tokens-check'),
  id: tokenIdSchema,
  /** Check this Cloud site only (it must be one the token is for). */
  site: z.optional(siteHostSchema),
});
export type TokensCheckMessage = z.infer<typeof tokensCheckMessageSchema>;

export const siteCheckResultSchema = z.strictObject({
  site: z.string(),
  kind: z.enum(['classic', 'scoped', 'dc-pat', 'unknown']),
  ok: z.boolean(),
  sentence: z.string(),
  identity: z.optional(z.strictObject({ displayName: z.string(), accountId: z.optional(z.string()) })),
  failure: z.optional(actionFailureSchema),
  warning: z.optional(z.string()),
});
export const tokensCheckResultSchema = z.strictObject({ token: tokenSummarySchema, results: z.array(siteCheckResultSchema) });
export type TokensCheckResult = z.infer<typeof tokensCheckResultSchema>;

const matches: Same<TokensCheckResult, TokenCheckReport> = true;
void matches;
