import type { ExtensionPageHandler } from '../../core/messaging/router';
import { tokensRemoveMessageSchema, type TokensRemoveMessage, type TokensRemoveResult } from './schemas/tokens';
import type { BackgroundDeps } from '../../background-deps';

export const tokensRemoveHandler: ExtensionPageHandler<BackgroundDeps, TokensRemoveMessage, TokensRemoveResult> = {
  type: 'tokens-remove',
  from: 'extension-page',
  schema: tokensRemoveMessageSchema,
  async handle(message, _sender, deps) {
    return { removed: await deps.vault.remove(message.id) };
  },
};
