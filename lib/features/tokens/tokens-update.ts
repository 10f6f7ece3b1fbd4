import type { TokenWriteResult } from './token-vault';
import type { ExtensionPageHandler } from '../../core/messaging/router';
import { tokensUpdateMessageSchema, type TokensUpdateMessage } from './schemas/token-write';
import type { BackgroundDeps } from '../../background-deps';

/** An empty secret keeps the saved one; the reply never carries a secret. */
export const tokensUpdateHandler: ExtensionPageHandler<BackgroundDeps, TokensUpdateMessage, TokenWriteResult> = {
  type: 'tokens-update',
  from: 'extension-page',
  schema: tokensUpdateMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.update(message.id, message.input);
  },
};
