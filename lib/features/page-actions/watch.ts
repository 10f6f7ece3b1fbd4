import { toActionFailure } from '../../atlassian/failure-view';
import { contentNoun, type PageAction } from './page-action';

/*
 * Watching the page in a tab (v1 only: API-FACTS "Watching"). The token's account is the one
 * that watches, so sentences name the token. Data Center answers the status as a bare boolean
 * (schemas/watch.ts) and a watch with 200 and a `ContentWatch` body, not 204: the operations'
 * response kind 'none' takes any 2xx without reading the body, so both are "done".
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

/** Watching and unwatching differ only in the operation, the resulting state and the sentence. */
function watchChange(
  name: 'watch' | 'unwatch',
  operation: 'addContentWatcher' | 'removeContentWatcher',
  watching: boolean,
  sentence: (label: string, noun: string) => string,
): PageAction {
  return {
    name,
    operation,
    async run({ client, credential, site, target }) {
      const result = await client.request({ credential, site, operation, pathParams: { contentId: target.context.contentId } });
      if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
      return { ok: true, watching, sentence: sentence(credential.label, contentNoun(target)) };
    },
  };
}

export const watchAction = watchChange(
  'watch',
  'addContentWatcher',
  true,
  (label, noun) => `The account of “${label}” now watches this ${noun}: Confluence will notify it of changes.`,
);

export const unwatchAction = watchChange('unwatch', 'removeContentWatcher', false, (label, noun) => `The account of “${label}” no longer watches this ${noun}.`);

/** For a shortcut or a menu that cannot show the state: reads it, then does the other. */
export const toggleWatchAction: PageAction = {
  name: 'toggle-watch',
  // Either way it may write: a read-only token is refused before anything is sent.
  operation: 'addContentWatcher',
  async run(call) {
    const status = await watchStatusAction.run(call);
    if (!status.ok) return status;
    return (status.watching ? unwatchAction : watchAction).run(call);
  },
};
