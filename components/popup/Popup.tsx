import type { TabState } from '../../lib/features/pages/messages';
import type { SiteView } from '../../lib/features/pages/site-view';
import { KnownSites } from '../pages/KnownSites';
import { TabSection, type CloudIdRefreshView } from '../pages/TabSection';
import type { ComponentChildren } from 'preact';
import { TokensSection, type TokensView } from './TokensSection';

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tab: TabState; sites: SiteView[]; sitesError?: string; tokens: TokensView; cloudIdRefresh?: CloudIdRefreshView };

export interface PopupActions {
  onAddToken(): void;
  onCheck(tokenId: string): void;
  onWatch(action: 'watch' | 'unwatch'): void;
  /** The person agreed to use token `tokenId` on the tab's site. */
  onAllowSite(tokenId: string): void;
  /** Read the tab's site's cloudId again, in the background. */
  onReadCloudIdAgain(): void;
}

const noop = () => {};

/** The popup's root; `data-state` tells tests (and styles) whether it has settled. */
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
          <TabSection tab={state.tab} refresh={state.cloudIdRefresh} onReadCloudIdAgain={actions?.onReadCloudIdAgain} />
          <TokensSection
            view={state.tokens}
            host={state.tab.host}
            guide={guide}
            onAddToken={actions?.onAddToken ?? noop}
            onCheck={actions?.onCheck ?? noop}
            onWatch={actions?.onWatch ?? noop}
            onAllowSite={actions?.onAllowSite ?? noop}
          />
          <KnownSites sites={state.sites} error={state.sitesError} />
        </>
      )}
    </main>
  );
}
