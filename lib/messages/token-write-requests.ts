import type { TokenFormInput } from '../tokens/token-form-input';
import type { TokenWriteResult } from '../tokens/token-vault';
import { request, type SendMessage } from './background-request';
import { tokensRemoveResultSchema, type TokensRemoveMessage, type TokensRemoveResult } from './schemas/tokens';
import { tokenWriteResultSchema, type TokensAddMessage, type TokensUpdateMessage } from './schemas/token-write';

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
