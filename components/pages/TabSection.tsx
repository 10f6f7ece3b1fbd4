import type { TabState } from '../../lib/features/pages/messages';
import { CloudIdStatusView } from './CloudIdStatusView';
import { PageContextView } from './PageContextView';

export function TabSection({ tab }: { tab: TabState }) {
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
        </>
      )}
      <PageContextView context={tab.context} />
    </section>
  );
}
