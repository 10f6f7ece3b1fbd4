import type { ActionFailure } from '../../lib/atlassian/failure-view';
import type { PageCard } from '../../lib/features/page-actions/action-result';
import type { ContentPageContext } from '../../lib/features/pages/page-context';
import { DateTime } from '../shared/DateTime';
import { FailureNotice } from '../shared/FailureNotice';
import { PageContextView } from './PageContextView';

/** The page card as the popup has it: being read, read, or why it could not be. */
export type PageCardState =
  | { status: 'loading' }
  | { status: 'ready'; card: PageCard }
  | { status: 'failed'; failure?: ActionFailure; error?: string };

/**
 * The page a tab shows, from one API call: title, space, id, type, version, who updated it and
 * when, labels. Until it is read (or when it cannot be), what the page's address says.
 * data-testids: page-card (data-state loading|ready|failed), page-title, page-space, space-key,
 * page-id, page-type, page-view, page-version, page-updated, page-labels, page-label,
 * page-card-failure.
 */
export function PageCardView({ context, card }: { context: ContentPageContext; card: PageCardState }) {
  if (card.status !== 'ready') {
    return (
      <div class="page-card" data-testid="page-card" data-state={card.status} aria-busy={card.status === 'loading'}>
        <PageContextView context={context} />
        {card.status === 'loading' && <p class="note">Reading the page’s details…</p>}
        {card.status === 'failed' && card.failure && <FailureNotice failure={card.failure} testId="page-card-failure" />}
        {card.status === 'failed' && card.error && (
          <p class="notice notice-error" role="alert" data-testid="page-card-failure">
            {card.error}
          </p>
        )}
      </div>
    );
  }
  const page = card.card;
  const updatedMs = page.updatedAt === undefined ? NaN : Date.parse(page.updatedAt);
  return (
    <article class="page-card" data-testid="page-card" data-state="ready" aria-labelledby="page-title">
      <h3 id="page-title" class="page-title" data-testid="page-title">
        {page.title}
      </h3>
      <dl class="fields">
        {(page.spaceName !== undefined || page.spaceKey !== undefined) && (
          <>
            <dt>Space</dt>
            <dd data-testid="page-space">
              {page.spaceName !== undefined && page.spaceKey !== undefined ? (
                <>
                  {page.spaceName} (<span data-testid="space-key">{page.spaceKey}</span>)
                </>
              ) : page.spaceKey !== undefined ? (
                <span data-testid="space-key">{page.spaceKey}</span>
              ) : (
                page.spaceName
              )}
            </dd>
          </>
        )}
        <dt>Id</dt>
        <dd>
          <code data-testid="page-id">{page.id}</code>
        </dd>
        <dt>Type</dt>
        <dd data-testid="page-type">{page.type}</dd>
        {context.view === 'edit' && (
          <>
            <dt>Mode</dt>
            <dd data-testid="page-view">editing</dd>
          </>
        )}
        {page.version !== undefined && (
          <>
            <dt>Version</dt>
            <dd data-testid="page-version">{page.version}</dd>
          </>
        )}
        {(page.updatedBy !== undefined || page.updatedAt !== undefined) && (
          <>
            <dt>Updated</dt>
            <dd data-testid="page-updated">
              {page.updatedBy !== undefined && <>by {page.updatedBy}</>}
              {page.updatedBy !== undefined && page.updatedAt !== undefined && ' '}
              {page.updatedAt !== undefined && (Number.isNaN(updatedMs) ? <>on {page.updatedAt}</> : <>on <DateTime ms={updatedMs} /></>)}
            </dd>
          </>
        )}
      </dl>
      {page.labels.length > 0 && (
        <ul class="labels" data-testid="page-labels" aria-label="Labels">
          {page.labels.map((label) => (
            <li key={label} class="label-chip" data-testid="page-label">
              {label}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
