import { describe, expect, it } from 'vitest';
import { createPageToaster, TOAST_SHOWN_REPLY, type ToastTabs } from './page-toaster';
import { isToastMessage, TOAST_MAX_CHARS } from './toast-message';

describe('isToastMessage', () => {
  it.each<[string, unknown, boolean]>([
    ['an ok toast', { type: 'ctc-toast', text: 'Copied', tone: 'ok' }, true],
    ['an error toast', { type: 'ctc-toast', text: 'Locked', tone: 'error' }, true],
    ['the longest text', { type: 'ctc-toast', text: 'x'.repeat(TOAST_MAX_CHARS), tone: 'ok' }, true],
    ['a longer text', { type: 'ctc-toast', text: 'x'.repeat(TOAST_MAX_CHARS + 1), tone: 'ok' }, false],
    ['an empty text', { type: 'ctc-toast', text: '', tone: 'ok' }, false],
    ['a text that is not a string', { type: 'ctc-toast', text: ['a'], tone: 'ok' }, false],
    ['an unknown tone', { type: 'ctc-toast', text: 'a', tone: 'warning' }, false],
    ['no tone', { type: 'ctc-toast', text: 'a' }, false],
    ['another field (e.g. html)', { type: 'ctc-toast', text: 'a', tone: 'ok', html: '<b>' }, false],
    ['another type', { type: 'page-seen', text: 'a', tone: 'ok' }, false],
    ['a change notice', { changed: 'tokens' }, false],
    ['null', null, false],
    ['a string', 'ctc-toast', false],
  ])('%s → %s', (_name, message, expected) => {
    expect(isToastMessage(message)).toBe(expected);
  });
});

describe('createPageToaster', () => {
  const tabs = (answer: () => Promise<unknown>) => {
    const sent: { tabId: number; message: unknown; options?: { frameId?: number } }[] = [];
    const api: ToastTabs = {
      sendMessage: (tabId, message, options) => {
        sent.push({ tabId, message, ...(options ? { options } : {}) });
        return answer();
      },
    };
    return { api, sent };
  };

  it('sends the toast to the tab’s top frame and says true when the content script showed it', async () => {
    const { api, sent } = tabs(async () => TOAST_SHOWN_REPLY);
    expect(await createPageToaster(api).show(7, { text: 'Copied', tone: 'ok' })).toBe(true);
    expect(sent).toEqual([{ tabId: 7, message: { type: 'ctc-toast', text: 'Copied', tone: 'ok' }, options: { frameId: 0 } }]);
    expect(isToastMessage(sent[0]!.message)).toBe(true);
  });

  it('says false when the tab has no content script, or nothing showed it', async () => {
    expect(await createPageToaster(tabs(() => Promise.reject(new Error('Receiving end does not exist.'))).api).show(7, { text: 'a', tone: 'ok' })).toBe(false);
    expect(await createPageToaster(tabs(async () => undefined).api).show(7, { text: 'a', tone: 'ok' })).toBe(false);
  });

  it('cuts a long text to what the content script accepts', async () => {
    const { api, sent } = tabs(async () => TOAST_SHOWN_REPLY);
    await createPageToaster(api).show(1, { text: 'y'.repeat(2_000), tone: 'error' });
    const message = sent[0]!.message as { text: string };
    expect(message.text).toHaveLength(TOAST_MAX_CHARS);
    expect(message.text.endsWith('…')).toBe(true);
    expect(isToastMessage(message)).toBe(true);
  });
});
