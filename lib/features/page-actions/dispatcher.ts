import type { AtlassianClient } from '../../atlassian/client';
import type { OperationId } from '../../atlassian/operations';
import { expiredRefusal } from '../tokens/expired-refusal';
import { tokenCoversSite } from '../tokens/token-site-match';
import type { TokenVault } from '../tokens/token-vault';
import { lockedFailure, toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import type { ActionName } from './action-names';
import type { ActionResult } from './action-result';
import type { PageAction } from './page-action';
import type { SendRoute } from '../token-checks/send-route';
import type { TokenSummary } from '../tokens/token-summary';
import { resolveTabTarget, type ActionTarget, type TargetDeps } from './target';
import { linkPage } from './link-target';
import type { TokenChoices } from './token-choices';
import type { ContentPageContext } from '../pages/page-context';
import { PAGE_ACTIONS } from './action-registry';
import { siteLabel } from '../../sites/site';
import { siteOfKey } from '../../sites/site-key';

export { PAGE_ACTIONS };

export interface ActionDeps extends TargetDeps {
  /** The person's local date, for expiry (lib/background.ts; default: the system clock). */
  today?: () => string;
  vault: Pick<TokenVault, 'list' | 'getSecret'>;
  client: Pick<AtlassianClient, 'request' | 'refuseWrite'>;
  /**
   * How to send `token` to site `host` (the token-checks feature's `sendRoute`: kind, cloudId);
   * `secretRevision` ties what detection finds to the secret it was made with.
   */
  sendRoute(token: TokenSummary, secret: string, host: string, secretRevision: number): Promise<SendRoute>;
  /**
   * Whether the token, sent the way `route` says, signs in as its own account on the site (the
   * token-checks feature's identity confirmations): known from a check or an earlier action in
   * this service worker's life, else asked with one `GET user/current` through `route`. A site
   * with anonymous access answers wrong credentials as the anonymous user with 200, so no
   * action's answer counts until this is `ok`; otherwise its failure (`anonymous-fallback`, …)
   * is the answer. `secretRevision`: what `getSecret` gave with the route's secret.
   */
  confirmIdentity(token: TokenSummary, secretRevision: number, route: ConfirmedRoute): Promise<{ ok: true } | { ok: false; failure: ActionFailure }>;
  /** An action's call was refused as `invalid-token` (the health feature alerts and re-checks). */
  onInvalidToken?(token: TokenSummary, host: string, failure: ActionFailure): void;
  /** The token a person picked for a site (none: the first saved one meant for it). */
  choices?: Pick<TokenChoices, 'get'>;
  /** The Data Center sites the person added (base URLs): nothing is sent to any other server. */
  dcSiteKeys?(): Promise<string[]>;
  /** Why the organisation's policy does not allow the site (undefined: it does). */
  siteRefusal?(site: string): Promise<ActionFailure | undefined>;
  /** Why the organisation's policy does not allow the action anywhere (undefined: it does). */
  actionRefusal?(action: ActionName): Promise<ActionFailure | undefined>;
}

type ConfirmedRoute = Extract<SendRoute, { ok: true }>;

/** A token ready to send to a site, or why there is none. */
export type SiteRoute =
  | { ok: true; token: TokenSummary; route: ConfirmedRoute }
  /** `refusedToken`: the site refused this token's identity (the health feature alerts on it). */
  | { ok: false; failure: ActionFailure; refusedToken?: TokenSummary };

export interface ActionDispatcher {
  /** Runs `action` on a page the background resolved itself (see `resolveTabTarget`). */
  dispatch(action: ActionName, target: ActionTarget): Promise<ActionResult>;
  /**
   * Resolves the page shown in tab `tabId`, then dispatches; with `expectedContentId`, only if the
   * tab still shows that page (what the person saw when they clicked).
   */
  runOnTab(action: ActionName, tabId: number, expectedContentId?: string): Promise<ActionResult>;
  /** Runs `action` on the page `linkUrl` points to (a menu on a link, clicked in tab `tabId`). */
  runOnLink(action: ActionName, linkUrl: string, tabId: number): Promise<ActionResult>;
  /** The chosen token for `host`, ready to send (see `routeFor` in the code). */
  routeFor(host: string, operation?: OperationId): Promise<SiteRoute>;
  /** The saved tokens meant for `site`, in order, and the one actions use there. */
  tokensFor(site: string): Promise<{ tokens: TokenSummary[]; chosen: TokenSummary | undefined }>;
}

/**
 * The one way an action reaches Atlassian: the page comes from the background's own tab
 * records (or a link's URL), the token is the one the person chose for the site, else the first
 * saved one meant for it (in list order), and the call
 * goes through the request client. A write with a read-only token is refused before the vault
 * is opened, so nothing is decrypted for a call that will not be made. No action runs before
 * the token's identity on the site is confirmed (`confirmIdentity`).
 */
export function createActionDispatcher(deps: ActionDeps, actions: Readonly<Record<ActionName, PageAction>> = PAGE_ACTIONS): ActionDispatcher {
  async function tokensFor(site: string) {
    const tokens = (await deps.vault.list()).filter((t) => tokenCoversSite(t, site));
    const chosenId = await deps.choices?.get(site);
    return { tokens, chosen: tokens.find((t) => t.id === chosenId) ?? tokens[0] };
  }

  /** A page named by title (a `/wiki/display/` link): its id, asked through the token's route. */
  async function byTitle(route: ConfirmedRoute, host: string, wanted: { spaceKey: string; title: string }): Promise<{ ok: true; context: ContentPageContext } | { ok: false; failure: ActionFailure }> {
    const found = await deps.client.request({
      credential: route.credential,
      site: route.site,
      operation: 'findContentByTitle',
      query: { spaceKey: wanted.spaceKey, title: wanted.title, type: 'page', limit: 1 },
    });
    if (!found.ok) return { ok: false, failure: toActionFailure(found.failure) };
    const page = found.data.results[0];
    if (!page) {
      return {
        ok: false,
        failure: { class: 'no-page', message: `No page “${wanted.title}” in the space ${wanted.spaceKey} is visible to this token.`, fix: 'Open the link to check it, or ask for access to the page.' },
      };
    }
    return { ok: true, context: { kind: 'content', host, contentId: page.id, contentType: 'page', view: 'view', spaceKey: wanted.spaceKey } };
  }

  /**
   * The chosen token for `host`, checked and routed: not expired, allowed to send `operation`
   * (read-only guard, before the vault opens), its secret read, its kind's base chosen and its
   * identity on the site confirmed. Page actions and exports both start here.
   */
  async function routeFor(host: string, operation?: OperationId): Promise<SiteRoute> {
    const site = siteOfKey(host);
    if (!site) return { ok: false, failure: { class: 'no-page', message: 'This is not a Confluence site the extension knows.', fix: 'Open a Confluence page, then try again.' } };
    if (site.kind === 'dc' && !(await deps.dcSiteKeys?.())?.includes(host)) {
      return {
        ok: false,
        failure: { class: 'no-page', message: `${siteLabel(site)} is not among your Data Center sites.`, fix: 'Add it in the extension options (Data Center sites), then try again.' },
      };
    }
    const refused = await deps.siteRefusal?.(host);
    if (refused) return { ok: false, failure: refused };
    const { chosen: token } = await tokensFor(host);
    if (!token) {
      const failure: ActionFailure =
        site.kind === 'dc'
          ? {
              class: 'no-token',
              message: `No saved personal access token is meant for ${site.baseUrl}.`,
              fix: `Add a Data Center personal access token for ${site.baseUrl} in the extension options.`,
            }
          : {
              class: 'no-token',
              message: `No saved token is meant for ${host}.`,
              fix: `Add a token for ${host} (or one for every Cloud site) in the extension options.`,
            };
      return { ok: false, failure };
    }
    const expired = expiredRefusal(token, deps.today?.());
    if (expired) return { ok: false, failure: expired };

    const refusal =
      operation &&
      deps.client.refuseWrite({
        credential: { label: token.label, readOnly: token.readOnly, readOnlyBy: token.readOnlyBy },
        site,
        operation,
      });
    if (refusal) return { ok: false, failure: toActionFailure(refusal) };

    const secret = await deps.vault.getSecret(token.id);
    if (!secret.ok) {
      if (secret.reason === 'locked') return { ok: false, failure: lockedFailure() };
      return { ok: false, failure: { class: 'no-token', message: `The token “${token.label}” was just removed.`, fix: 'Try again.' } };
    }

    const route = await deps.sendRoute(token, secret.secret, host, secret.secretRevision);
    if (!route.ok) return route;
    // Before anything else, a write included: on a site with anonymous access a wrong token's
    // answers (and "done" for a write) would be the anonymous user's, shown as the person's.
    const identity = await deps.confirmIdentity(token, secret.secretRevision, route);
    if (!identity.ok) return { ok: false, failure: identity.failure, refusedToken: token };
    return { ok: true, token, route };
  }

  async function dispatch(name: ActionName, target: ActionTarget | (Omit<ActionTarget, 'context'> & { byTitle: { spaceKey: string; title: string } })): Promise<ActionResult> {
    const action = actions[name];
    const refused = await deps.actionRefusal?.(name);
    if (refused) return { ok: false, failure: refused };
    const routed = await routeFor(target.host, action.operation);
    if (!routed.ok) {
      if (routed.failure.class === 'invalid-token' && routed.refusedToken) deps.onInvalidToken?.(routed.refusedToken, target.host, routed.failure);
      return { ok: false, failure: routed.failure };
    }
    const { token, route } = routed;
    let result: ActionResult;
    if ('byTitle' in target) {
      const found = await byTitle(route, target.host, target.byTitle);
      result = found.ok
        ? await action.run({ client: deps.client, credential: route.credential, site: route.site, target: { tabId: target.tabId, host: target.host, context: found.context } })
        : found;
    } else result = await action.run({ client: deps.client, credential: route.credential, site: route.site, target });
    if (!result.ok && result.failure.class === 'invalid-token') deps.onInvalidToken?.(token, target.host, result.failure);
    return result;
  }

  return {
    dispatch,
    routeFor,
    tokensFor,
    async runOnLink(name, linkUrl, tabId) {
      const page = linkPage(linkUrl, (await deps.dcSiteKeys?.()) ?? []);
      if (!page.ok) return page;
      return dispatch(name, 'context' in page ? { tabId, host: page.host, context: page.context } : { tabId, host: page.host, byTitle: page.byTitle });
    },
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
