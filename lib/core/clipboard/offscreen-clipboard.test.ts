import { describe, expect, it } from 'vitest';
import { createBackgroundClipboard } from './background-clipboard';
import { isOffscreenClipboardMessage, OFFSCREEN_CLIPBOARD_TARGET } from './clipboard-writer';
import { createOffscreenClipboard, OFFSCREEN_IDLE_MS, type OffscreenApi } from './offscreen-clipboard';

/** Chrome's offscreen API and runtime, in memory: one document at most, timers run by hand. */
function fakeChrome(options: { answer?: (message: unknown) => unknown; createDelayMs?: number; failCreate?: boolean } = {}) {
  const calls: string[] = [];
  const sent: unknown[] = [];
  let open = false;
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const api: OffscreenApi = {
    offscreen: {
      async createDocument({ url, reasons }) {
        calls.push(`create ${url} ${reasons.join(',')}`);
        await new Promise((resolve) => setTimeout(resolve, options.createDelayMs ?? 0));
        if (options.failCreate) throw new Error('Only a single offscreen document may be created.');
        if (open) throw new Error('Only a single offscreen document may be created.');
        open = true;
      },
      async closeDocument() {
        calls.push('close');
        open = false;
      },
    },
    runtime: {
      getURL: (path) => `chrome-extension://ext-id${path}`,
      async sendMessage(message) {
        sent.push(message);
        return open ? (options.answer ? options.answer(message) : { ok: true }) : undefined;
      },
      getContexts: async () => (open ? [{}] : []),
    },
  };
  const timerDeps = {
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => void ((timer as { cleared: boolean }).cleared = true),
  };
  const runTimers = async () => {
    for (const timer of timers.splice(0)) if (!timer.cleared) timer.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { api, calls, sent, timerDeps, runTimers, pendingTimers: () => timers.filter((t) => !t.cleared), isOpen: () => open, setOpen: (v: boolean) => (open = v) };
}

describe('createOffscreenClipboard', () => {
  it('makes the document on the first write (reason CLIPBOARD) and sends it the text', async () => {
    const chrome = fakeChrome();
    await createOffscreenClipboard(chrome.api, chrome.timerDeps).write('hello');
    expect(chrome.calls).toEqual(['create chrome-extension://ext-id/offscreen.html CLIPBOARD']);
    expect(chrome.sent).toEqual([{ target: OFFSCREEN_CLIPBOARD_TARGET, text: 'hello' }]);
  });

  it('reuses the document, and two writes at once make one', async () => {
    const chrome = fakeChrome({ createDelayMs: 5 });
    const clipboard = createOffscreenClipboard(chrome.api, chrome.timerDeps);
    await Promise.all([clipboard.write('a'), clipboard.write('b')]);
    await clipboard.write('c');
    expect(chrome.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
    expect(chrome.sent).toHaveLength(3);
  });

  it('reuses a document left from before a service-worker restart', async () => {
    const chrome = fakeChrome();
    chrome.setOpen(true);
    await createOffscreenClipboard(chrome.api, chrome.timerDeps).write('x');
    expect(chrome.calls).toEqual([]);
  });

  it('closes the document once idle, and not while writes come', async () => {
    const chrome = fakeChrome();
    const clipboard = createOffscreenClipboard(chrome.api, chrome.timerDeps);
    await clipboard.write('a');
    expect(chrome.pendingTimers().map((t) => t.ms)).toEqual([OFFSCREEN_IDLE_MS]);
    await clipboard.write('b'); // the first idle timer is cleared
    expect(chrome.pendingTimers()).toHaveLength(1);
    await chrome.runTimers();
    expect(chrome.calls).toEqual(['create chrome-extension://ext-id/offscreen.html CLIPBOARD', 'close']);
    expect(chrome.isOpen()).toBe(false);
    // A later write makes a new one.
    await clipboard.write('c');
    expect(chrome.calls.at(-1)).toMatch(/^create/);
  });

  it('uses a document another start made meanwhile instead of failing', async () => {
    const chrome = fakeChrome();
    const create = chrome.api.offscreen.createDocument;
    chrome.api.offscreen.createDocument = async (parameters) => {
      chrome.setOpen(true); // someone else was quicker
      return create(parameters);
    };
    await expect(createOffscreenClipboard(chrome.api, chrome.timerDeps).write('x')).resolves.toBeUndefined();
  });

  it('rejects with the document’s reason, and when it does not answer', async () => {
    const refused = fakeChrome({ answer: () => ({ ok: false, error: 'The browser refused to write the clipboard.' }) });
    await expect(createOffscreenClipboard(refused.api, refused.timerDeps).write('x')).rejects.toThrow('The browser refused to write the clipboard.');
    const silent = fakeChrome({ answer: () => null });
    await expect(createOffscreenClipboard(silent.api, silent.timerDeps).write('x')).rejects.toThrow('did not answer');
    const broken = fakeChrome({ failCreate: true });
    await expect(createOffscreenClipboard(broken.api, broken.timerDeps).write('x')).rejects.toThrow('single offscreen document');
    // A failed write still schedules the close.
    expect(refused.pendingTimers()).toHaveLength(1);
  });

  it('falls back to offscreen.hasDocument without runtime.getContexts', async () => {
    const chrome = fakeChrome();
    delete chrome.api.runtime.getContexts;
    chrome.setOpen(true);
    chrome.api.offscreen.hasDocument = async () => chrome.isOpen();
    await createOffscreenClipboard(chrome.api, chrome.timerDeps).write('x');
    expect(chrome.calls).toEqual([]);
  });
});

describe('createBackgroundClipboard', () => {
  it('picks the offscreen document where the browser has `offscreen` (Chrome)', async () => {
    const chrome = fakeChrome();
    await createBackgroundClipboard(chrome.api, chrome.timerDeps).write('x');
    expect(chrome.calls[0]).toMatch(/^create/);
  });

  it('writes from the background’s own document without `offscreen` (Firefox)', async () => {
    const written: string[] = [];
    const doc = { defaultView: { navigator: { clipboard: { writeText: async (text: string) => void written.push(text) } } } } as unknown as Document;
    const chrome = fakeChrome();
    await createBackgroundClipboard({ runtime: chrome.api.runtime }, { document: doc }).write('firefox');
    expect(written).toEqual(['firefox']);
    expect(chrome.sent).toEqual([]);
  });

  it('says so where there is neither (a service worker without offscreen)', async () => {
    await expect(createBackgroundClipboard({ runtime: fakeChrome().api.runtime }).write('x')).rejects.toThrow(/no clipboard/);
  });
});

describe('isOffscreenClipboardMessage', () => {
  it.each<[unknown, boolean]>([
    [{ target: 'offscreen-clipboard', text: 'a' }, true],
    [{ target: 'offscreen-clipboard', text: '' }, true],
    [{ target: 'offscreen-clipboard', text: 1 }, false],
    [{ target: 'other', text: 'a' }, false],
    [{ target: 'offscreen-clipboard', text: 'a', extra: 1 }, false],
    [{ changed: 'tokens' }, false],
    [null, false],
    ['offscreen-clipboard', false],
  ])('%j → %s', (message, expected) => {
    expect(isOffscreenClipboardMessage(message)).toBe(expected);
  });
});
