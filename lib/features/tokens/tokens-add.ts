import type { TokenWriteResult } from './token-vault';
import type { ExtensionPageHandler } from '../../core/messaging/router';
import { tokensAddMessageSchema, type TokensAddMessage } from './schemas/token-write';
import type { BackgroundDeps } from '../../background-deps';

/** Carries a secret in: the reply is a TokenSummary or field errors, never the secret. */
export const tokensAddHandler: ExtensionPageHandler<BackgroundDeps, TokensAddMessage, TokenWriteResult> = {
  type: 'tokens-add',
  from: 'extension-page',
  schema: tokensAddMessageSchema,
  handle(message, _sender, deps) {
    return deps.vault.add(message.input);
  },
};
