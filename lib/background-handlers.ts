import type { MessageHandler } from './core/messaging/router';
import { actionRunHandler } from './features/page-actions/action-run';
import { activityClearHandler, activityListHandler } from './features/activity/activity-handlers';
import type { BackgroundDeps } from './background-deps';
import { cloudIdResultHandler } from './features/pages/cloud-id-result';
import { getTabStateHandler } from './features/pages/get-tab-state';
import { listSitesHandler } from './features/pages/list-sites';
import { pageSeenHandler } from './features/pages/page-seen';
import { tokensAddHandler } from './features/tokens/tokens-add';
import { tokensCheckHandler } from './features/token-checks/tokens-check';
import { tokensListHandler } from './features/tokens/tokens-list';
import { tokensRemoveHandler } from './features/tokens/tokens-remove';
import { tokensUpdateHandler } from './features/tokens/tokens-update';
import {
  vaultChangePassphraseHandler,
  vaultLockHandler,
  vaultRemovePassphraseHandler,
  vaultSetPassphraseHandler,
  vaultStateHandler,
  vaultUnlockHandler,
} from './features/tokens/vault-handlers';

/** Every message the background accepts. docs/messages.md describes each one. */
export const backgroundHandlers: readonly MessageHandler<BackgroundDeps>[] = [
  pageSeenHandler,
  cloudIdResultHandler,
  getTabStateHandler,
  listSitesHandler,
  tokensListHandler,
  tokensAddHandler,
  tokensUpdateHandler,
  tokensRemoveHandler,
  tokensCheckHandler,
  vaultStateHandler,
  vaultSetPassphraseHandler,
  vaultChangePassphraseHandler,
  vaultRemovePassphraseHandler,
  vaultUnlockHandler,
  vaultLockHandler,
  activityListHandler,
  activityClearHandler,
  actionRunHandler,
];
