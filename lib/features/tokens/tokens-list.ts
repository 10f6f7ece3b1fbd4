import type { ExtensionPageHandler } from '../../core/messaging/router';
import { tokensListMessageSchema, type TokensListMessage, type TokensListResult } from './schemas/tokens';
import type { BackgroundDeps } from '../../background-deps';

export const tokensListHandler: ExtensionPageHandler<BackgroundDeps, TokensListMessage, TokensListResult> = {
  type: 'tokens-list',
  from: 'extension-page',
  schema: tokensListMessageSchema,
  async handle(_message, _sender, deps) {
    const [tokens, lock, sites] = await Promise.all([deps.vault.list(), deps.vault.lockState(), deps.sites.list()]);
    const knownCloudSites = [...sites].sort((a, b) => b.lastSeenAt - a.lastSeenAt).map((s) => s.host);
    return { tokens, lock, knownCloudSites };
  },
};
