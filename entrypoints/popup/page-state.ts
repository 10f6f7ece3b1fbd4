import type { PageView } from '../../components/popup/Popup';
import type { CopyView, WatchAction, WatchView } from '../../components/popup/PageActions';
import type { BackgroundMessages } from '../../lib/background';
import type { Ask } from '../../lib/core/messaging/ask';
import type { ActionName, CopyKind } from '../../lib/features/page-actions/action-names';
import { selectManualCopy, writeClipboard } from './clipboard';

/*
 * The popup's state of the tab's page, read with the site's token through `action-run`: the
 * card, whether the page and its space are watched, what was copied. Read once per page and
 * token; a toggle shows its new state at once and goes back, with the reason, if the call fails.
 */

export type PopupAsk = Ask<BackgroundMessages, 'extension-page'>;

/** The page (as the popup showed it) and the token the background uses for it. */
export interface PageTarget {
  tabId: number;
  contentId: string;
  tokenId: string;
}

export interface PageStateDeps {
  ask: PopupAsk;
  /** The background opened the Export page (a new tab): the popup closes. */
  onExportOpened?(): void;
  show(): void;
  /** The sentence for a failed ask (and a reload when the background went away). */
  actionError(error: unknown): string;
}

type Toggle = 'watch' | 'spaceWatch';

const sameTarget = (a: PageTarget | null, b: PageTarget | null) =>
  a === b || (a !== null && b !== null && a.tabId === b.tabId && a.contentId === b.contentId && a.tokenId === b.tokenId);

export function createPageState({ ask, show, actionError, onExportOpened }: PageStateDeps) {
  let target: PageTarget | null = null;
  let view: PageView | undefined;

  /** Applies what an answer gave, unless the popup has moved on to another page or token. */
  function update(forTarget: PageTarget, change: (current: PageView) => PageView): void {
    if (target !== forTarget || !view) return;
    view = change(view);
    show();
  }

  const run = (action: ActionName, t: PageTarget) => ask('action-run', { action, tabId: t.tabId, contentId: t.contentId });

  async function readCard(t: PageTarget): Promise<void> {
    let card: PageView['card'];
    try {
      const result = await run('page-card', t);
      card = result.ok && result.card ? { status: 'ready', card: result.card } : { status: 'failed', ...(result.ok ? { error: result.sentence } : { failure: result.failure }) };
    } catch (error) {
      card = { status: 'failed', error: actionError(error) };
    }
    update(t, (v) => ({ ...v, card }));
  }

  /** Reads (`optimistic` undefined) or changes a watch; a change shows `optimistic` until answered. */
  async function toggle(which: Toggle, action: ActionName, optimistic?: boolean): Promise<void> {
    const t = target;
    if (!t || !view) return;
    const before = view[which];
    if (before?.running) return;
    const source = optimistic === undefined ? 'status' : 'action';
    const running: WatchView = { running: true, source, watching: optimistic ?? before?.watching };
    update(t, (v) => ({ ...v, [which]: running }));
    let next: WatchView;
    try {
      const result = await run(action, t);
      next = result.ok
        ? { running: false, source, watching: which === 'watch' ? result.watching : result.spaceWatching, sentence: result.sentence }
        : { running: false, source, watching: before?.watching, failure: result.failure };
    } catch (error) {
      next = { running: false, source, watching: before?.watching, error: actionError(error) };
    }
    update(t, (v) => ({ ...v, [which]: next }));
  }

  return {
    get view(): PageView | undefined {
      return view;
    },

    /**
     * The page and token the popup now shows (null: none, or the tokens are locked). Another
     * page or token than before is read afresh: card, page watch, space watch; the same one
     * keeps what is shown.
     */
    follow(next: PageTarget | null): void {
      if (sameTarget(target, next)) return;
      target = next;
      view = next === null ? undefined : { card: { status: 'loading' } };
      if (next === null) return;
      void readCard(next);
      void toggle('watch', 'watch-status');
      void toggle('spaceWatch', 'space-watch-status');
    },

    watch: (action: WatchAction) => void toggle('watch', action, action === 'watch'),
    spaceWatch: (action: WatchAction) => void toggle('spaceWatch', action === 'watch' ? 'watch-space' : 'unwatch-space', action === 'watch'),

    /** The background opens the Export page; a refusal shows where copies' do. */
    async export(scope: 'page' | 'tree'): Promise<void> {
      const t = target;
      if (!t || !view) return;
      try {
        const result = await run(scope === 'tree' ? 'export-tree' : 'export-page', t);
        if (result.ok) onExportOpened?.();
        else update(t, (v) => ({ ...v, copy: { failure: result.failure } }));
      } catch (error) {
        update(t, (v) => ({ ...v, copy: { error: actionError(error) } }));
      }
    },

    async copy(kind: CopyKind): Promise<void> {
      const t = target;
      if (!t || !view || view.copy?.running) return;
      update(t, (v) => ({ ...v, copy: { running: kind } }));
      let next: CopyView;
      try {
        const result = await run(`copy-${kind}`, t);
        if (!result.ok) next = { failure: result.failure };
        else if (!result.copy) next = { error: 'The extension gave nothing to copy. Try again.' };
        else {
          const outcome = await writeClipboard(result.copy.text);
          next = { copied: { kind: result.copy.kind, text: result.copy.text, manual: outcome === false } };
        }
      } catch (error) {
        next = { error: actionError(error) };
      }
      update(t, (v) => ({ ...v, copy: next }));
      if (target === t && next.copied?.manual) selectManualCopy();
    },
  };
}
