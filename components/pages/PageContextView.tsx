import type { PageContext } from '../../lib/features/pages/page-context';

/** What the tab shows: one piece of content, another Confluence page, or not Confluence at all. */
export function PageContextView({ context }: { context: PageContext | null }) {
  if (!context) {
    return (
      <p class="notice" data-testid="not-confluence">
        This tab is not a Confluence page.
      </p>
    );
  }
  if (context.kind === 'confluence-other') {
    return (
      <>
        <p class="notice" data-testid="no-content">
          {context.contentIdUnresolved
            ? "This Confluence page's id could not be read from its address or the page."
            : 'This Confluence page is not a single page, blog post or other content (for example a space overview, home or search).'}
        </p>
        {context.spaceKey !== null && (
          <dl class="fields">
            <dt>Space</dt>
            <dd data-testid="space-key">{context.spaceKey}</dd>
          </dl>
        )}
      </>
    );
  }
  return (
    <dl class="fields">
      <dt>Content id</dt>
      <dd>
        <code data-testid="page-id">{context.contentId}</code>
      </dd>
      <dt>Type</dt>
      <dd data-testid="page-type">{context.contentType}</dd>
      {context.view === 'edit' && (
        <>
          <dt>Mode</dt>
          <dd data-testid="page-view">editing</dd>
        </>
      )}
      <dt>Space</dt>
      {context.spaceKey !== null ? <dd data-testid="space-key">{context.spaceKey}</dd> : <dd class="muted">not known</dd>}
    </dl>
  );
}
