import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageState, type PopupAsk } from '../../entrypoints/popup/page-state';
import type { ActionResult } from '../../lib/features/page-actions/action-result';

/*
 * The popup's page state (entrypoints/popup/page-state.ts) with a fake background: what each
 * action is asked with, the optimistic toggle and its rollback, and answers for a page or token
 * the popup no longer shows.
 */

interface Asked {
  action: string;
  tabId: number;
  contentId?: string;
}

function fakeBackground(answer: (action: string) => ActionResult | Promise<ActionResult>) {
  const asked: Asked[] = [];
  const ask = (async (type: string, fields: Asked) => {
    if (type !== 'action-run') throw new Error(`unexpected ${type}`);
    asked.push(fields);
    return answer(fields.action);
  }) as unknown as PopupAsk;
  return { ask, asked };
}

const target = { tabId: 7, contentId: '201819180', tokenId: 'a1' };
const flush = () => new Promise((done) => setTimeout(done, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => vi.unstubAllGlobals());

describe('page state', () => {
  it('reads the card, the page watch and the space watch once per page and token, naming the page shown', async () => {
    const { ask, asked } = fakeBackground((action) =>
      action === 'page-card'
        ? { ok: true, sentence: 'x', card: { id: '201819180', type: 'page', title: 'Release Notes', labels: [] } }
        : action === 'watch-status'
          ? { ok: true, sentence: 'The account of “Alice” does not watch this page.', watching: false }
          : { ok: true, sentence: 'The account of “Alice” watches the space ENG.', spaceWatching: true },
    );
    const page = createPageState({ ask, show: () => {}, actionError: String });
    page.follow(target);
    page.follow({ ...target });
    await flush();
    expect(asked.map((a) => a.action).sort()).toEqual(['page-card', 'space-watch-status', 'watch-status']);
    expect(asked.every((a) => a.tabId === 7 && a.contentId === '201819180')).toBe(true);
    expect(page.view?.card).toMatchObject({ status: 'ready', card: { title: 'Release Notes' } });
    expect(page.view?.watch).toMatchObject({ running: false, watching: false });
    expect(page.view?.spaceWatch).toMatchObject({ running: false, watching: true });

    // Another token: everything is read again with it.
    page.follow({ ...target, tokenId: 'b2' });
    expect(page.view?.card.status).toBe('loading');
    await flush();
    expect(asked).toHaveLength(6);
  });

  it('a space watch shows the new state at once and goes back, with the reason, when it fails', async () => {
    const failure = { class: 'invalid-token' as const, message: 'Refused.', fix: 'Replace it.' };
    const write = deferred<ActionResult>();
    const { ask } = fakeBackground((action) =>
      action === 'unwatch-space' ? write.promise : action === 'space-watch-status' ? { ok: true, sentence: 's', spaceWatching: true } : { ok: true, sentence: 's', watching: false },
    );
    const shown: unknown[] = [];
    const page = createPageState({ ask, show: () => shown.push(page.view?.spaceWatch), actionError: String });
    page.follow(target);
    await flush();
    page.spaceWatch('unwatch');
    expect(page.view?.spaceWatch).toEqual({ running: true, source: 'action', watching: false });
    write.resolve({ ok: false, failure });
    await flush();
    expect(page.view?.spaceWatch).toEqual({ running: false, source: 'action', watching: true, failure });
  });

  it('a page watch that the background could not answer goes back too', async () => {
    const { ask } = fakeBackground((action) => {
      if (action === 'watch') throw new Error('The background did not answer.');
      return { ok: true, sentence: 's', watching: false, spaceWatching: false };
    });
    const page = createPageState({ ask, show: () => {}, actionError: (e) => (e as Error).message });
    page.follow(target);
    await flush();
    page.watch('watch');
    expect(page.view?.watch?.watching).toBe(true);
    await flush();
    expect(page.view?.watch).toEqual({ running: false, source: 'action', watching: false, error: 'The background did not answer.' });
  });

  it('drops an answer for a page the popup no longer shows', async () => {
    const card = deferred<ActionResult>();
    const { ask } = fakeBackground((action) => (action === 'page-card' ? card.promise : { ok: true, sentence: 's', watching: false, spaceWatching: false }));
    const page = createPageState({ ask, show: () => {}, actionError: String });
    page.follow(target);
    page.follow(null);
    card.resolve({ ok: true, sentence: 'x', card: { id: '1', type: 'page', title: 'Old', labels: [] } });
    await flush();
    expect(page.view).toBeUndefined();
  });

  it('copies what the background gave, falling back to execCommand, then to showing it for copying by hand', async () => {
    const { ask, asked } = fakeBackground((action) =>
      action === 'copy-curl' ? { ok: true, sentence: 'Copied', copy: { kind: 'curl', text: 'curl -u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN" x' } } : { ok: true, sentence: 's', watching: false, spaceWatching: false },
    );
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const page = createPageState({ ask, show: () => {}, actionError: String });
    page.follow(target);
    await page.copy('curl');
    expect(asked.at(-1)?.action).toBe('copy-curl');
    expect(writeText).toHaveBeenCalledWith('curl -u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN" x');
    expect(page.view?.copy).toEqual({ copied: { kind: 'curl', text: 'curl -u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN" x', manual: false } });

    // Both ways refused: the text is shown (and selected) for the person to copy.
    writeText.mockRejectedValue(new Error('Document is not focused.'));
    const selected = vi.fn();
    const area = { value: '', style: {}, setAttribute() {}, select() {}, remove() {}, focus: selected };
    vi.stubGlobal('HTMLElement', class {});
    vi.stubGlobal('HTMLTextAreaElement', class {});
    vi.stubGlobal('document', { activeElement: null, createElement: () => area, body: { append() {} }, execCommand: () => false, querySelector: () => null });
    await page.copy('curl');
    expect(page.view?.copy?.copied?.manual).toBe(true);
  });
});
