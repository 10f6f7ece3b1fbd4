import type { MessageHandler } from '../router';
import type { BackgroundDeps } from './background-deps';
import { cloudIdResultHandler } from './cloud-id-result';
import { getTabStateHandler } from './get-tab-state';
import { listSitesHandler } from './list-sites';
import { pageSeenHandler } from './page-seen';

/** Every message the background accepts. docs/messages.md describes each one. */
export const backgroundHandlers: readonly MessageHandler<BackgroundDeps>[] = [
  pageSeenHandler,
  cloudIdResultHandler,
  getTabStateHandler,
  listSitesHandler,
];
