import type { TabState } from '../../lib/features/pages/messages';
import { CloudIdStatusView } from './CloudIdStatusView';
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
}

/** data-testids: tab-site, tab-cloud-id, tab-cloud-id-error, cloud-id-read-again, cloud-id-refresh-error. */
export function TabSection({ tab, refresh, onReadCloudIdAgain }: TabSectionProps) {
  return (
    <section aria-labelledby="tab-heading">
      <h2 id="tab-heading">This tab</h2>
      {tab.host !== null && (
        <>
          <dl class="fields">
            <dt>Site</dt>
            <dd data-testid="tab-site">{tab.host}</dd>
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
      <PageContextView context={tab.context} />
    </section>
  );
}
