import { RejectedMessageError } from '../../core/messaging/reply';
import type { ExtensionPageHandler } from '../../core/messaging/router';
import { tokensCheckMessageSchema, type TokensCheckMessage, type TokensCheckResult } from '../tokens/schemas/tokens';
import type { BackgroundDeps } from '../../background-deps';

export const tokensCheckHandler: ExtensionPageHandler<BackgroundDeps, TokensCheckMessage, TokensCheckResult> = {
  type: 'tokens-check',
  from: 'extension-page',
  schema: tokensCheckMessageSchema,
  async handle(message, _sender, deps) {
    const outcome = await deps.tokenChecks.check(message.id, message.site);
    if (!outcome.ok) throw new RejectedMessageError(outcome.message);
    return outcome.report;
  },
};
