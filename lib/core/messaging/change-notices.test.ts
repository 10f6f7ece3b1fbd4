import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../storage/storage-area';
import { createNotifier, isChangeNotice, listenForChanges, notifyingArea, type ChangeTopic } from './change-notices';

const extension = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const background = { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' };

function page(topics: ChangeTopic[]) {
  let listener: ((message: unknown, sender: { id?: string; url?: string; tab?: unknown }) => undefined) | undefined;
  const timers: (() => void)[] = [];
  const calls: ChangeTopic[][] = [];
  listenForChanges({
    addListener: (l) => (listener = l),
    extension,
    topics,
    onChange: (changed) => calls.push([...changed].sort()),
    setTimer: (run) => timers.push(run),
    clearTimer: () => timers.splice(0),
  });
  return { deliver: (message: unknown, sender: object = background) => listener!(message, sender), flush: () => timers.splice(0).forEach((run) => run()), calls };
}

describe('change notices', () => {
  it('carry a topic and nothing else', () => {
    expect(isChangeNotice({ changed: 'tokens' })).toBe(true);
    for (const other of [{ changed: 'vault' }, { changed: 'tokens', data: {} }, { type: 'tokens-list' }, 'tokens', null]) {
      expect(isChangeNotice(other), JSON.stringify(other)).toBe(false);
    }
  });

  it('are sent after a store’s write has finished, once per write', async () => {
    const sent: string[] = [];
    const area = notifyingArea(createMemoryStorageArea(), () => sent.push('sites'));
    await area.get('x');
    expect(sent).toEqual([]);
    await area.set({ x: 1 });
    await area.remove('x');
    expect(sent).toEqual(['sites', 'sites']);
  });

  it('never fail the background when no page is open to receive them', async () => {
    const notify = createNotifier(() => Promise.reject(new Error('Receiving end does not exist.')));
    expect(() => notify('tokens')).not.toThrow();
  });

  it('reach a page once per burst, for the topics it shows, and only from the background', () => {
    const popup = page(['tokens', 'tabs']);
    popup.deliver({ changed: 'tabs' });
    popup.deliver({ changed: 'tokens' });
    popup.deliver({ changed: 'tabs' });
    popup.deliver({ changed: 'activity' }); // not shown in the popup
    popup.deliver({ type: 'tokens-list' }); // another page's request, not a notice
    popup.deliver({ changed: 'tokens' }, { id: 'ext-id', url: 'https://acme.atlassian.net/wiki', tab: { id: 3 } }); // a content script
    popup.deliver({ changed: 'tokens' }, { id: 'other-extension', url: 'chrome-extension://other/background.js' });
    popup.flush();
    expect(popup.calls).toEqual([['tabs', 'tokens']]);
    popup.flush();
    expect(popup.calls).toHaveLength(1);
  });
});
