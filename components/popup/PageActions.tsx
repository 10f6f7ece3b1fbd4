import type { ActionFailure } from '../../lib/atlassian/failure-view';
import { COPY_KINDS, type CopyKind } from '../../lib/features/page-actions/action-names';
import { FailureNotice } from '../shared/FailureNotice';
import { PolicyMark, shownPolicy } from '../policy/OrganisationPolicy';

/*
 * The popup's everyday actions on the tab's page: watch the page, watch its space, copy its
 * links. Views only: the asking lives in entrypoints/popup. A button whose action runs is
 * aria-disabled, not disabled, so it keeps the keyboard focus (the page ignores its clicks).
 * data-testids: page-actions, watch-toggle (data-watching), action-result, space-watch-toggle
 * (data-watching), space-watch-result, copy-<kind> (link, tiny-link, id, markdown, rest-v1,
 * rest-v2, curl), copied-text (role=status; data-state idle|copying|copied|manual|failed,
 * data-kind), copied-value, copy-failure.
 */

/** A watch toggle (page or space): its state and what the last read or change said. */
export interface WatchView {
  running: boolean;
  /** 'status': read on opening the popup; 'action': the person pressed the button. */
  source: 'status' | 'action';
  /** Shown at once when the person presses the button; back to what it was if the call fails. */
  watching?: boolean;
  sentence?: string;
  failure?: ActionFailure;
  error?: string;
}

export interface CopyView {
  /** The copy being run. */
  running?: CopyKind;
  /** What was put on the clipboard; `manual`: it could not be, so the text is shown selected. */
  copied?: { kind: CopyKind; text: string; manual: boolean };
  failure?: ActionFailure;
  error?: string;
}

export interface PageActionsView {
  watch?: WatchView;
  spaceWatch?: WatchView;
  copy?: CopyView;
  /** Locked tokens: nothing that needs a secret can run. */
  locked: boolean;
  /** A Data Center page: no REST v2 there. */
  dataCenter?: boolean;
}

export type WatchAction = 'watch' | 'unwatch';

export interface PageActionsProps {
  view: PageActionsView;
  onWatch(action: WatchAction): void;
  onSpaceWatch(action: WatchAction): void;
  onCopy(kind: CopyKind): void;
  /** Opens the Export page for this page, or for it and its children. */
  onExport?(scope: 'page' | 'tree'): void;
}

export const COPY_LABELS: Record<CopyKind, string> = {
  link: 'Page link',
  'tiny-link': 'Tiny link',
  id: 'Page id',
  markdown: 'Markdown link',
  'rest-v1': 'REST v1 URL',
  'rest-v2': 'REST v2 URL',
  curl: 'curl command',
  'page-markdown': 'Page as Markdown',
};

const watchingAttr = (view?: WatchView) => (view?.watching === undefined ? 'unknown' : String(view.watching));

/** A watch toggle: busy while its call runs (it keeps focus and ignores clicks), disabled when locked. */
function WatchToggle({ view, what, testId, locked, onToggle }: { view?: WatchView; what: 'page' | 'space'; testId: string; locked: boolean; onToggle(action: 'watch' | 'unwatch'): void }) {
  return (
    <button
      type="button"
      class="secondary"
      data-testid={testId}
      data-watching={watchingAttr(view)}
      aria-busy={view?.running}
      aria-disabled={view?.running}
      disabled={locked}
      onClick={() => !view?.running && onToggle(view?.watching ? 'unwatch' : 'watch')}
    >
      {view?.watching ? `Unwatch this ${what}` : `Watch this ${what}`}
    </button>
  );
}

function WatchResult({ view, what, testId }: { view?: WatchView; what: string; testId: string }) {
  if (!view) return null;
  // While a change runs, the toggle already shows where it is going; the last sentence is stale.
  if (view.running) return view.source === 'action' ? <p class="note">Saving…</p> : null;
  if (view.error) return <p class="notice notice-error" role="alert" data-testid={testId}>{view.error}</p>;
  if (view.failure && view.source === 'status') {
    // Read on opening: a short line, so it does not repeat a token check's full explanation.
    return (
      <p class="note" data-testid={testId} data-failure={view.failure.class}>
        Could not read whether you watch {what}: {view.failure.message}
      </p>
    );
  }
  if (view.failure) return <FailureNotice failure={view.failure} testId={testId} />;
  if (view.sentence) return <p class="note" role="status" data-testid={testId}>{view.sentence}</p>;
  return null;
}

function CopyFeedback({ copy }: { copy?: CopyView }) {
  const state = copy?.running ? 'copying' : copy?.copied ? (copy.copied.manual ? 'manual' : 'copied') : copy?.failure || copy?.error ? 'failed' : 'idle';
  const copied = copy?.running ? undefined : copy?.copied;
  return (
    // Always there, always the same height: "Copied" appearing moves nothing below it.
    <div class="copy-feedback" role="status" data-testid="copied-text" data-state={state} data-kind={copied?.kind}>
      {state === 'idle' && <span class="muted">Press a button to copy; what was copied shows here.</span>}
      {state === 'copying' && <span class="muted">Copying…</span>}
      {state === 'failed' && <span class="muted">Nothing was copied.</span>}
      {copied && !copied.manual && (
        <>
          <strong class="copied-label">✓ Copied</strong> <span class="muted">{COPY_LABELS[copied.kind]}</span>
          <code class="copied-value" data-testid="copied-value">
            {copied.text}
          </code>
        </>
      )}
      {copied && copied.manual && (
        <>
          <strong class="error-text">Not copied: the browser refused.</strong> <span>Select the text below and copy it (Ctrl+C or ⌘C).</span>
          <textarea class="copied-value" data-testid="copied-value" aria-label={COPY_LABELS[copied.kind]} readOnly rows={2} value={copied.text} />
        </>
      )}
    </div>
  );
}

export function PageActions({ view, onWatch, onSpaceWatch, onCopy, onExport }: PageActionsProps) {
  const { watch, spaceWatch, copy, locked, dataCenter } = view;
  // `disableExport` takes the page's content out: the Export page and Copy page as Markdown.
  const exportOff = shownPolicy().disableExport === true;
  return (
    <section aria-labelledby="actions-heading" data-testid="page-actions">
      <h2 id="actions-heading">Actions</h2>
      <div class="action-grid action-grid-2">
        <WatchToggle view={watch} what="page" testId="watch-toggle" locked={locked} onToggle={onWatch} />
        <WatchToggle view={spaceWatch} what="space" testId="space-watch-toggle" locked={locked} onToggle={onSpaceWatch} />
      </div>
      <div aria-live="polite">
        <WatchResult view={watch} what="this page" testId="action-result" />
        <WatchResult view={spaceWatch} what="this space" testId="space-watch-result" />
      </div>
      <h3 id="copy-heading">Copy</h3>
      <div class="action-grid action-grid-3" role="group" aria-labelledby="copy-heading">
        {COPY_KINDS.filter((kind) => !(dataCenter && kind === 'rest-v2') && !(exportOff && kind === 'page-markdown')).map((kind) => (
          <button
            type="button"
            class="secondary"
            key={kind}
            data-testid={`copy-${kind}`}
            aria-busy={copy?.running === kind}
            aria-disabled={copy?.running !== undefined}
            disabled={locked}
            onClick={() => copy?.running === undefined && onCopy(kind)}
          >
            {COPY_LABELS[kind]}
          </button>
        ))}
      </div>
      <h3 id="export-heading">Export</h3>
      {exportOff ? (
        <p class="note" data-testid="export-off">
          Exporting pages is turned off. <PolicyMark policyKey="disableExport" />
        </p>
      ) : (
        <div class="action-grid action-grid-2" role="group" aria-labelledby="export-heading">
          <button type="button" class="secondary" data-testid="export-page" disabled={locked} onClick={() => onExport?.('page')}>
            Export page…
          </button>
          <button type="button" class="secondary" data-testid="export-tree" disabled={locked} onClick={() => onExport?.('tree')}>
            Export page tree…
          </button>
        </div>
      )}
      <CopyFeedback copy={copy} />
      {!copy?.running && copy?.failure && <FailureNotice failure={copy.failure} testId="copy-failure" />}
      {!copy?.running && copy?.error && (
        <p class="notice notice-error" role="alert" data-testid="copy-failure">
          {copy.error}
        </p>
      )}
    </section>
  );
}
