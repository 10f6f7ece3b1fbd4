import { toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import type { ActionResult } from './action-result';
import type { PageAction, PageActionCall } from './page-action';

/*
 * Watching the space of the page in a tab (`user/watch/space/{spaceKey}`, v1: API-FACTS
 * "Watching"). The page's space key comes from its URL or, where the URL has none (tiny links),
 * from the content itself.
 */

const NO_SPACE: ActionFailure = {
  class: 'no-page',
  message: 'The space of this page is not known, so its watch cannot be read or changed.',
  fix: 'Open the page from its space (its address names the space), then try again.',
};

async function spaceKeyOf({ client, credential, site, target }: PageActionCall): Promise<{ ok: true; key: string } | { ok: false; result: ActionResult }> {
  if (target.context.spaceKey) return { ok: true, key: target.context.spaceKey };
  const content = await client.request({ credential, site, operation: 'getContentById', pathParams: { id: target.context.contentId }, query: { expand: 'space' } });
  if (!content.ok) return { ok: false, result: { ok: false, failure: toActionFailure(content.failure) } };
  const key = content.data.space?.key;
  return key ? { ok: true, key } : { ok: false, result: { ok: false, failure: NO_SPACE } };
}

export const spaceWatchStatusAction: PageAction = {
  name: 'space-watch-status',
  operation: 'getSpaceWatchStatus',
  async run(call) {
    const space = await spaceKeyOf(call);
    if (!space.ok) return space.result;
    const { client, credential, site } = call;
    const result = await client.request({ credential, site, operation: 'getSpaceWatchStatus', pathParams: { spaceKey: space.key } });
    if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
    const spaceWatching = result.data.watching;
    return {
      ok: true,
      spaceWatching,
      sentence: spaceWatching
        ? `The account of “${credential.label}” watches the space ${space.key}.`
        : `The account of “${credential.label}” does not watch the space ${space.key}.`,
    };
  },
};

function spaceWatchChange(name: 'watch-space' | 'unwatch-space', operation: 'addSpaceWatcher' | 'removeSpaceWatcher', spaceWatching: boolean): PageAction {
  return {
    name,
    operation,
    async run(call) {
      const space = await spaceKeyOf(call);
      if (!space.ok) return space.result;
      const { client, credential, site } = call;
      const result = await client.request({ credential, site, operation, pathParams: { spaceKey: space.key } });
      if (!result.ok) return { ok: false, failure: toActionFailure(result.failure) };
      return {
        ok: true,
        spaceWatching,
        sentence: spaceWatching
          ? `The account of “${credential.label}” now watches the space ${space.key}: Confluence will notify it of every change there.`
          : `The account of “${credential.label}” no longer watches the space ${space.key}.`,
      };
    },
  };
}

export const watchSpaceAction = spaceWatchChange('watch-space', 'addSpaceWatcher', true);
export const unwatchSpaceAction = spaceWatchChange('unwatch-space', 'removeSpaceWatcher', false);
