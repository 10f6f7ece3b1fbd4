import type { TabState } from '../../lib/features/pages/messages';
import { DateTime } from '../shared/DateTime';

/** The site's cloudId, or a sentence saying why there is none (yet). */
export function CloudIdStatusView({ status }: { status: TabState['cloudId'] }) {
  if (status.state === 'error') {
    return (
      <p class="notice notice-error" data-testid="tab-cloud-id-error">
        {status.sentence}
        {status.retryAt !== null && (
          <>
            {' '}
            Next attempt after <DateTime ms={status.retryAt} />.
          </>
        )}
      </p>
    );
  }
  return <p class="note">{status.sentence}</p>;
}
