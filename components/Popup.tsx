import type { TabState } from '../lib/messages/schemas/get-tab-state';
import type { SiteView } from '../lib/messages/schemas/site-view';
import { KnownSites } from './KnownSites';
import { TabSection } from './TabSection';
import { TokensSection } from './TokensSection';

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tab: TabState; sites: SiteView[] };

/** The popup's root; `data-state` tells tests (and styles) whether it has settled. */
export function Popup({ state }: { state: PopupState }) {
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
          <TabSection tab={state.tab} />
          <TokensSection />
          <KnownSites sites={state.sites} />
        </>
      )}
    </main>
  );
}
