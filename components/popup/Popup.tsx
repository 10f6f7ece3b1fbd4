import type { CopyKind } from '../../lib/features/page-actions/action-names';
import type { TabState } from '../../lib/features/pages/messages';
import type { SiteView } from '../../lib/features/pages/site-view';
import { KnownSites } from '../pages/KnownSites';
import type { PageCardState } from '../pages/PageCardView';
import { TabSection, type CloudIdRefreshView } from '../pages/TabSection';
import type { ComponentChildren } from 'preact';
import { PageActions, type CopyView, type WatchAction, type WatchView } from './PageActions';
import { TokensSection, type TokensView } from './TokensSection';
import { siteAllowed } from '../../lib/features/policy/merge-policy';
import { PolicyMark, shownPolicy } from '../policy/OrganisationPolicy';

/** The tab's site, when the organisation's policy leaves it out: said before anything is tried. */
function SiteNotAllowed({ host }: { host: string | null }) {
  const policy = shownPolicy();
  if (host === null || siteAllowed(host, policy)) return null;
  return (
    <p class="notice notice-warning" role="status" data-testid="site-not-allowed">
      This site is not allowed by your organisation: no token is used here. <PolicyMark policyKey="allowedSites" />
    </p>
  );
}

/** What the popup read about the tab's page with the site's token: its card and its actions' state. */
export interface PageView {
  card: PageCardState;
  watch?: WatchView;
  spaceWatch?: WatchView;
  copy?: CopyView;
}

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      tab: TabState;
      sites: SiteView[];
      sitesError?: string;
      tokens: TokensView;
      cloudIdRefresh?: CloudIdRefreshView;
      /** On a content page with a token for its site (read unless the tokens are locked). */
      page?: PageView;
    };

export interface PopupActions {
  onAddToken(): void;
  onCheck(tokenId: string): void;
  onWatch(action: WatchAction): void;
  onSpaceWatch(action: WatchAction): void;
  onCopy(kind: CopyKind): void;
  onExport?(scope: 'page' | 'tree'): void;
  /** The person picked token `tokenId` for the tab's site. */
  onChooseToken(tokenId: string): void;
  /** The person agreed to use token `tokenId` on the tab's site. */
  onAllowSite(tokenId: string): void;
  /** Read the tab's site's cloudId again, in the background. */
  onReadCloudIdAgain(): void;
}

const noop = () => {};

/**
 * The popup's root; `data-state` tells tests (and styles) whether it has settled. On a
 * Confluence page: the tab's site and the page card first, then the page's actions, then the
 * token and its health, then the known sites.
 */
export function Popup({ state, guide, actions }: { state: PopupState; guide?: ComponentChildren; actions?: PopupActions }) {
  return (
    <main class="popup" data-state={state.status} aria-busy={state.status === 'loading'}>
      <h1>Confluence Token Companion</h1>
      {state.status === 'loading' && (
        <p class="note" role="status">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p class="notice notice-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <TabSection tab={state.tab} refresh={state.cloudIdRefresh} onReadCloudIdAgain={actions?.onReadCloudIdAgain} card={state.page?.card} />
          <SiteNotAllowed host={state.tab.host} />
          {state.tokens.onContent && state.tokens.forSite && (
            <PageActions
              view={{ watch: state.page?.watch, spaceWatch: state.page?.spaceWatch, copy: state.page?.copy, locked: state.tokens.lock === 'locked', dataCenter: state.tab.dataCenter !== null }}
              onWatch={actions?.onWatch ?? noop}
              onSpaceWatch={actions?.onSpaceWatch ?? noop}
              onCopy={actions?.onCopy ?? noop}
              onExport={actions?.onExport ?? noop}
            />
          )}
          <TokensSection
            view={state.tokens}
            host={state.tab.host}
            guide={guide}
            onAddToken={actions?.onAddToken ?? noop}
            onCheck={actions?.onCheck ?? noop}
            onAllowSite={actions?.onAllowSite ?? noop}
            onChooseToken={actions?.onChooseToken ?? noop}
          />
          <KnownSites sites={state.sites} error={state.sitesError} />
        </>
      )}
    </main>
  );
}
