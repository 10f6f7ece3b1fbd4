import { request, type SendMessage } from '../core/messaging/ask';
import {
  tokensCheckResultSchema,
  tokensListResultSchema,
  type TokensCheckMessage,
  type TokensCheckResult,
  type TokensListMessage,
  type TokensListResult,
} from '../features/tokens/schemas/tokens';

/*
 * Reading tokens and checking them, for the popup and the options page. Writes, the vault lock,
 * the activity log and page actions have request files of their own, so the popup bundles only
 * what it uses. Each reply is validated against its schema; a mismatch, the background's own
 * error and a missing background all reject with a BackgroundRequestError.
 */

export { BackgroundRequestError, type SendMessage } from '../core/messaging/ask';

export function requestTokens(send: SendMessage): Promise<TokensListResult> {
  const message: TokensListMessage = { type: 'tokens-list' };
  return request(send, message, tokensListResultSchema);
}

/** Checks the token on every site it is for, or on `site` only. May take a while (network). */
export function requestCheckToken(send: SendMessage, id: string, site?: string): Promise<TokensCheckResult> {
  const message: TokensCheckMessage = site === undefined ? { type: 'tokens-check', id } : { type: 'tokens-check', id, site };
  return request(send, message, tokensCheckResultSchema);
}
