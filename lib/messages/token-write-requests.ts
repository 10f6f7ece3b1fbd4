import type { TokenFormInput } from '../features/tokens/token-form-input';
import type { TokenWriteResult } from '../features/tokens/token-vault';
import { request, type SendMessage } from '../core/messaging/ask';
import { tokensRemoveResultSchema, type TokensRemoveMessage, type TokensRemoveResult } from '../features/tokens/schemas/tokens';
import { tokenWriteResultSchema, type TokensAddMessage, type TokensUpdateMessage } from '../features/tokens/schemas/token-write';

/** The options page's token writes; replies are validated and never carry the secret. */

/** Sends the form, secret included, to the background; the reply never contains the secret. */
export function requestAddToken(send: SendMessage, input: TokenFormInput): Promise<TokenWriteResult> {
  const message: TokensAddMessage = { type: 'tokens-add', input };
  return request(send, message, tokenWriteResultSchema);
}

/** An empty or absent `input.secret` keeps the saved secret. */
export function requestUpdateToken(send: SendMessage, id: string, input: TokenFormInput): Promise<TokenWriteResult> {
  const message: TokensUpdateMessage = { type: 'tokens-update', id, input };
  return request(send, message, tokenWriteResultSchema);
}

export function requestRemoveToken(send: SendMessage, id: string): Promise<TokensRemoveResult> {
  const message: TokensRemoveMessage = { type: 'tokens-remove', id };
  return request(send, message, tokensRemoveResultSchema);
}
