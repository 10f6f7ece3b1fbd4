import type { ActionName } from './action-names';
import { copyCurlAction, copyIdAction, copyLinkAction, copyMarkdownAction, copyRestV1Action, copyRestV2Action, copyTinyLinkAction } from './copy';
import type { PageAction } from './page-action';
import { pageCardAction } from './page-card';
import { spaceWatchStatusAction, unwatchSpaceAction, watchSpaceAction } from './space-watch';
import { copyPageMarkdownAction, exportPageAction, exportTreeAction } from '../export/actions/export-actions';
import { toggleWatchAction, unwatchAction, watchAction, watchStatusAction } from './watch';

/** Every action's handler, by name. Popup buttons, context menus and keyboard shortcuts all run these. */
export const PAGE_ACTIONS: Readonly<Record<ActionName, PageAction>> = {
  'watch-status': watchStatusAction,
  watch: watchAction,
  unwatch: unwatchAction,
  'toggle-watch': toggleWatchAction,
  'space-watch-status': spaceWatchStatusAction,
  'watch-space': watchSpaceAction,
  'unwatch-space': unwatchSpaceAction,
  'page-card': pageCardAction,
  'copy-link': copyLinkAction,
  'copy-tiny-link': copyTinyLinkAction,
  'copy-id': copyIdAction,
  'copy-markdown': copyMarkdownAction,
  'copy-rest-v1': copyRestV1Action,
  'copy-rest-v2': copyRestV2Action,
  'copy-curl': copyCurlAction,
  'copy-page-markdown': copyPageMarkdownAction,
  'export-page': exportPageAction,
  'export-tree': exportTreeAction,
};
