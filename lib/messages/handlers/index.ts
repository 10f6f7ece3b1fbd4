import type { MessageHandler } from '../router';
import { actionRunHandler } from './action-run';
import { activityClearHandler, activityListHandler } from './activity';
import type { BackgroundDeps } from './background-deps';
import { cloudIdResultHandler } from './cloud-id-result';
import { getTabStateHandler } from './get-tab-state';
import { listSitesHandler } from './list-sites';
import { pageSeenHandler } from './page-seen';
import { tokensAddHandler } from './tokens-add';
import { tokensCheckHandler } from './tokens-check';
import { tokensListHandler } from './tokens-list';
import { tokensRemoveHandler } from './tokens-remove';
import { tokensUpdateHandler } from './tokens-update';
import {
  vaultChangePassphraseHandler,
  vaultLockHandler,
  vaultRemovePassphraseHandler,
  vaultSetPassphraseHandler,
  vaultStateHandler,
  vaultUnlockHandler,
} from './vault';

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
