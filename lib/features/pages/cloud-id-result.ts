import type { CloudIdResultMessage, CloudIdResultResult } from '../../messages/content-script-protocol';
import type { ContentScriptHandler } from '../../core/messaging/router';
import { cloudIdResultMessageSchema } from './schemas/cloud-id-result';
import type { BackgroundDeps } from '../../background-deps';

export const cloudIdResultHandler: ContentScriptHandler<BackgroundDeps, CloudIdResultMessage, CloudIdResultResult> = {
  type: 'cloud-id-result',
  from: 'content-script',
  schema: cloudIdResultMessageSchema,
  handle(message, sender, deps) {
    const outcome = message.ok ? { ok: true as const, bodyText: message.bodyText } : { ok: false as const, reason: message.reason };
    return deps.sites.cloudIdResult(message.host, sender.tabId, outcome, deps.now());
  },
};
