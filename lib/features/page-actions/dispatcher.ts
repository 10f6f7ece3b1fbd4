import type { AtlassianClient } from '../../atlassian/client';
import { tokenCoversSite } from '../tokens/token-site-match';
import type { TokenVault } from '../tokens/token-vault';
import { lockedFailure, toActionFailure } from '../../atlassian/failure-view';
import type { ActionName } from './action-names';
import type { ActionResult } from './action-result';
import type { PageAction } from './page-action';
import type { SendRoute } from '../token-checks/send-route';
import type { TokenSummary } from '../tokens/token-summary';
import { resolveTabTarget, type ActionTarget, type TargetDeps } from './target';
import { unwatchAction, watchAction, watchStatusAction } from './watch';

/** Every action, by name. Popup buttons, context menus and keyboard shortcuts all run these. */
export const PAGE_ACTIONS: Readonly<Record<ActionName, PageAction>> = {
  'watch-status': watchStatusAction,
  watch: watchAction,
  unwatch: unwatchAction,
};

export interface ActionDeps extends TargetDeps {
  vault: Pick<TokenVault, 'list' | 'getSecret'>;
  client: Pick<AtlassianClient, 'request' | 'refuseWrite'>;
  /**
   * How to send `token` to site `host` (the token-checks feature's `sendRoute`: kind, cloudId);
   * `secretRevision` ties what detection finds to the secret it was made with.
   */
  sendRoute(token: TokenSummary, secret: string, host: string, secretRevision: number): Promise<SendRoute>;
}

export interface ActionDispatcher {
  /** Runs `action` on a page the background resolved itself (see `resolveTabTarget`). */
  dispatch(action: ActionName, target: ActionTarget): Promise<ActionResult>;
  /**
   * Resolves the page shown in tab `tabId`, then dispatches; with `expectedContentId`, only if the
   * tab still shows that page (what the person saw when they clicked).
   */
  runOnTab(action: ActionName, tabId: number, expectedContentId?: string): Promise<ActionResult>;
}

/**
 * The one way an action reaches Atlassian: the page comes from the background's own tab
 * records, the token is the first saved one meant for the site (in list order), and the call
 * goes through the request client. A write with a read-only token is refused before the vault
 * is opened, so nothing is decrypted for a call that will not be made.
 */
export function createActionDispatcher(deps: ActionDeps, actions: Readonly<Record<ActionName, PageAction>> = PAGE_ACTIONS): ActionDispatcher {
  async function dispatch(name: ActionName, target: ActionTarget): Promise<ActionResult> {
    const action = actions[name];
    const token = (await deps.vault.list()).find((t) => tokenCoversSite(t, target.host));
    if (!token) {
      return {
        ok: false,
        failure: {
          class: 'no-token',
          message: `No saved token is meant for ${target.host}.`,
          fix: `Add a token for ${target.host} (or one for every Cloud site) in the extension options.`,
        },
      };
    }

    const refusal = deps.client.refuseWrite({
      credential: { label: token.label, readOnly: token.readOnly },
      site: { kind: 'cloud', host: target.host },
      operation: action.operation,
    });
    if (refusal) return { ok: false, failure: toActionFailure(refusal) };

    const secret = await deps.vault.getSecret(token.id);
    if (!secret.ok) {
      if (secret.reason === 'locked') return { ok: false, failure: lockedFailure() };
      return { ok: false, failure: { class: 'no-token', message: `The token “${token.label}” was just removed.`, fix: 'Try again.' } };
    }

    const route = await deps.sendRoute(token, secret.secret, target.host, secret.secretRevision);
    if (!route.ok) return route;
    return action.run({ client: deps.client, credential: route.credential, site: route.site, target });
  }

  return {
    dispatch,
    async runOnTab(name, tabId, expectedContentId) {
      const lookup = await resolveTabTarget(deps, tabId);
      if (!lookup.ok) return lookup;
      if (expectedContentId !== undefined && lookup.target.context.contentId !== expectedContentId) {
        return {
          ok: false,
          failure: {
            class: 'no-page',
            message: 'The tab now shows another page than the one you acted on, so nothing was done.',
            fix: 'Open the popup again on the page you mean.',
          },
        };
      }
      return dispatch(name, lookup.target);
    },
  };
}
