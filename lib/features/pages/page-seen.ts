import { parsePageContext } from './parse-page-context';
import type { PageContext } from './page-context';
import type { PageSeenMessage, PageSeenResult } from '../../messages/content-script-protocol';
import { RejectedMessageError } from '../../core/messaging/reply';
import type { ContentScriptHandler } from '../../core/messaging/router';
import { pageSeenMessageSchema } from './schemas/page-seen';
import type { BackgroundDeps } from '../../background-deps';

/**
 * A content script can only describe the page its tab is on: whatever the URL itself says
 * (is it Confluence, which content id) must agree with the report.
 */
function contradictsUrl(reported: PageContext, url: string): string | null {
  const fromUrl = parsePageContext(url);
  if (!fromUrl) return 'The reported page is not a Confluence page according to its URL.';
  if (fromUrl.kind === 'content' && (reported.kind !== 'content' || reported.contentId !== fromUrl.contentId)) {
    return "The reported content id differs from the one in the page's URL.";
  }
  return null;
}

export const pageSeenHandler: ContentScriptHandler<BackgroundDeps, PageSeenMessage, PageSeenResult> = {
  type: 'page-seen',
  from: 'content-script',
  schema: pageSeenMessageSchema,
  async handle(message, sender, deps) {
    const contradiction = contradictsUrl(message.context, sender.url);
    if (contradiction) throw new RejectedMessageError(contradiction);
    const now = deps.now();
    await deps.tabContexts.set(sender.tabId, { url: sender.url, context: message.context, reportedAt: now });
    return deps.sites.pageSeen(message.host, sender.tabId, now);
  },
};
