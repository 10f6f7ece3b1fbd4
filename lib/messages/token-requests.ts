import type { ActionName } from '../actions/action-names';
import type { ActivityFilter } from '../atlassian/activity-log';
import type { TokenFormInput } from '../tokens/token-form-input';
import type { LockState, TokenWriteResult } from '../tokens/token-vault';
import { request, type SendMessage } from './background-request';
import {
  activityClearResultSchema,
  activityListResultSchema,
  type ActivityClearMessage,
  type ActivityClearResult,
  type ActivityListMessage,
  type ActivityListResult,
} from './schemas/activity';
import { actionRunResultSchema, type ActionRunMessage, type ActionRunResult } from './schemas/action-run';
import {
  tokensCheckResultSchema,
  tokensListResultSchema,
  tokensRemoveResultSchema,
  tokenWriteResultSchema,
  type TokensAddMessage,
  type TokensCheckMessage,
  type TokensCheckResult,
  type TokensListMessage,
  type TokensListResult,
  type TokensRemoveMessage,
  type TokensRemoveResult,
  type TokensUpdateMessage,
} from './schemas/tokens';
import {
  vaultResultSchema,
  vaultStateResultSchema,
  type VaultChangePassphraseMessage,
  type VaultLockMessage,
  type VaultRemovePassphraseMessage,
  type VaultResult,
  type VaultSetPassphraseMessage,
  type VaultStateMessage,
  type VaultUnlockMessage,
} from './schemas/vault';

/*
 * The options page's and popup's requests about tokens, the vault lock, the activity log and
 * page actions. Each reply is validated against its schema; a mismatch, the background's own
 * error and a missing background all reject with a BackgroundRequestError.
 */

export { BackgroundRequestError, type SendMessage } from './background-request';

export function requestTokens(send: SendMessage): Promise<TokensListResult> {
  const message: TokensListMessage = { type: 'tokens-list' };
  return request(send, message, tokensListResultSchema);
}

/** Sends the form, secret included, to the background; the reply never contains the secret. */
export function requestAddToken(send: SendMessage, input: TokenFormInput): Promise<TokenWriteResult> {
  const message: TokensAddMessage = { type: 'tokens-add', input };
  return request(send, message, tokenWriteResultSchema);
}

/** An empty or absent `input.secret` keeps the saved secret. */
export function requestUpdateToken(send: SendMessage, id: string, input: TokenFormInput): Promise<TokenWriteResult> {
  const message: TokensUpdateMessage = { type: 'tokens-update', id, input };
  return request(send, message, tokenWriteResultSchema);
}

export function requestRemoveToken(send: SendMessage, id: string): Promise<TokensRemoveResult> {
  const message: TokensRemoveMessage = { type: 'tokens-remove', id };
  return request(send, message, tokensRemoveResultSchema);
}

/** Checks the token on every site it is for, or on `site` only. May take a while (network). */
export function requestCheckToken(send: SendMessage, id: string, site?: string): Promise<TokensCheckResult> {
  const message: TokensCheckMessage = site === undefined ? { type: 'tokens-check', id } : { type: 'tokens-check', id, site };
  return request(send, message, tokensCheckResultSchema);
}

export async function requestVaultState(send: SendMessage): Promise<LockState> {
  const message: VaultStateMessage = { type: 'vault-state' };
  return (await request(send, message, vaultStateResultSchema)).lock;
}

export function requestSetPassphrase(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultSetPassphraseMessage = { type: 'vault-set-passphrase', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestChangePassphrase(send: SendMessage, oldPassphrase: string, newPassphrase: string): Promise<VaultResult> {
  const message: VaultChangePassphraseMessage = { type: 'vault-change-passphrase', oldPassphrase, newPassphrase };
  return request(send, message, vaultResultSchema);
}

export function requestRemovePassphrase(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultRemovePassphraseMessage = { type: 'vault-remove-passphrase', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestUnlock(send: SendMessage, passphrase: string): Promise<VaultResult> {
  const message: VaultUnlockMessage = { type: 'vault-unlock', passphrase };
  return request(send, message, vaultResultSchema);
}

export function requestLock(send: SendMessage): Promise<VaultResult> {
  const message: VaultLockMessage = { type: 'vault-lock' };
  return request(send, message, vaultResultSchema);
}

export function requestActivity(send: SendMessage, filter: ActivityFilter): Promise<ActivityListResult> {
  const message: ActivityListMessage = { type: 'activity-list', filter };
  return request(send, message, activityListResultSchema);
}

export function requestClearActivity(send: SendMessage): Promise<ActivityClearResult> {
  const message: ActivityClearMessage = { type: 'activity-clear' };
  return request(send, message, activityClearResultSchema);
}

/** Runs `action` on the page shown in tab `tabId`; the background picks page, site and token. */
export function requestAction(send: SendMessage, action: ActionName, tabId: number): Promise<ActionRunResult> {
  const message: ActionRunMessage = { type: 'action-run', action, tabId };
  return request(send, message, actionRunResultSchema);
}
