import { toActionFailure } from './action-failure';
import { contentNoun, type PageAction } from './page-action';

/*
 * Watching the page in a tab (v1 only: API-FACTS "Watching"). The token's account is the one
 * that watches, so sentences name the token.
 */

export const watchStatusAction: PageAction = {
  name: 'watch-status',
  operation: 'getContentWatchStatus',
  async run({ client, credential, site, target }) {
    const result = await client.request({
      credential,
      site,
      operation: 'getContentWatchStatus',
      pathParams: { contentId: target.context.contentId },
    });
    if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
    const watching = result.data.watching;
    const noun = contentNoun(target);
    return {
      ok: true,
      watching,
      sentence: watching
        ? `The account of “${credential.label}” watches this ${noun}.`
        : `The account of “${credential.label}” does not watch this ${noun}.`,
    };
  },
};

export const watchAction: PageAction = {
  name: 'watch',
  operation: 'addContentWatcher',
  async run({ client, credential, site, target }) {
    const result = await client.request({
      credential,
      site,
      operation: 'addContentWatcher',
      pathParams: { contentId: target.context.contentId },
    });
    if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
    return {
      ok: true,
      watching: true,
      sentence: `The account of “${credential.label}” now watches this ${contentNoun(target)}: Confluence will notify it of changes.`,
    };
  },
};

export const unwatchAction: PageAction = {
  name: 'unwatch',
  operation: 'removeContentWatcher',
  async run({ client, credential, site, target }) {
    const result = await client.request({
      credential,
      site,
      operation: 'removeContentWatcher',
      pathParams: { contentId: target.context.contentId },
    });
    if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
    return {
      ok: true,
      watching: false,
      sentence: `The account of “${credential.label}” no longer watches this ${contentNoun(target)}.`,
    };
  },
};
