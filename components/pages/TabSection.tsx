import type { TabState } from '../../lib/features/pages/messages';
import { CloudIdStatusView } from './CloudIdStatusView';
import { PageCardView, type PageCardState } from './PageCardView';
import { PageContextView } from './PageContextView';

/** "Read again" of the site's cloudId: running, or the sentence of a failed read. */
export interface CloudIdRefreshView {
  running: boolean;
  error?: string;
}

export interface TabSectionProps {
  tab: TabState;
  refresh?: CloudIdRefreshView;
  onReadCloudIdAgain?(): void;
  /** On a content page with a usable token: its card (read from the API), else only the address's context. */
  card?: PageCardState;
}

/**
 * data-testids: tab-site, tab-dc-site (data-version), tab-cloud-id, tab-cloud-id-error,
 * cloud-id-read-again, cloud-id-refresh-error (and PageCardView's).
 */
export function TabSection({ tab, refresh, onReadCloudIdAgain, card }: TabSectionProps) {
  const dc = tab.dataCenter;
  return (
    <section aria-labelledby="tab-heading">
      <h2 id="tab-heading">This tab</h2>
      {tab.host !== null && (
        <dl class="fields">
          <dt>Site</dt>
          <dd data-testid="tab-site">{dc ? dc.host : tab.host}</dd>
          {dc && (
            <>
              <dt>Kind</dt>
              <dd data-testid="tab-dc-site" data-version={dc.version ?? ''}>
                Confluence Data Center{dc.version ? ` ${dc.version}` : ''}
              </dd>
              <dt>Address</dt>
              <dd class="break-anywhere" data-testid="tab-dc-base-url">
                {dc.baseUrl}
              </dd>
            </>
          )}
        </dl>
      )}
      {/* The page first, under its site; the cloudId (for the gateway) after it. */}
      {card && tab.context?.kind === 'content' ? <PageCardView context={tab.context} card={card} /> : <PageContextView context={tab.context} />}
      {/* Data Center has no cloudId: tokens go to the server itself. */}
      {tab.host !== null && !dc && (
        <>
          <dl class="fields">
            <dt>Cloud ID</dt>
            <dd>
              {tab.cloudId.cloudId !== null ? (
                <code data-testid="tab-cloud-id">{tab.cloudId.cloudId}</code>
              ) : (
                <span class="muted">not known</span>
              )}
            </dd>
          </dl>
          <CloudIdStatusView status={tab.cloudId} />
          {tab.site !== null && onReadCloudIdAgain && (
            <p>
              <button type="button" class="secondary" data-testid="cloud-id-read-again" disabled={refresh?.running} onClick={onReadCloudIdAgain}>
                {refresh?.running ? 'Reading…' : 'Read the cloudId again'}
              </button>
            </p>
          )}
          {refresh?.error && (
            <p class="notice notice-error" role="alert" data-testid="cloud-id-refresh-error">
              {refresh.error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
