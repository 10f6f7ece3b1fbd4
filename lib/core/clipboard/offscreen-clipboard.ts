import { OFFSCREEN_CLIPBOARD_TARGET, type ClipboardWriter, type OffscreenClipboardMessage } from './clipboard-writer';

/** The offscreen document's page (entrypoints/offscreen/index.html, built as /offscreen.html). */
export const OFFSCREEN_PATH = '/offscreen.html';
/** The document closes this long after its last write (the service worker lives 30 s after its last event). */
export const OFFSCREEN_IDLE_MS = 15_000;

/** The slices of Chrome's API the writer uses (`browser` from wxt/browser fits in Chrome). */
export interface OffscreenApi {
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
    hasDocument?: () => Promise<boolean>;
  };
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    getContexts?: (filter: { contextTypes: string[]; documentUrls?: string[] }) => Promise<unknown[]>;
  };
}

export interface OffscreenClipboardOptions {
  idleMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onError?: (what: string, error: unknown) => void;
}

/**
 * Chrome: one offscreen document (reason CLIPBOARD), made on the first write, reused while
 * writes keep coming and closed `idleMs` after the last. Creating and closing run one after the
 * other, so two writes at once make one document, and a write during a close waits for it and
 * makes a new one. A document left from before a service-worker restart is found and reused.
 */
export function createOffscreenClipboard(api: OffscreenApi, options: OffscreenClipboardOptions = {}): ClipboardWriter {
  const idleMs = options.idleMs ?? OFFSCREEN_IDLE_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const url = api.runtime.getURL(OFFSCREEN_PATH);
  // Document lifecycle steps (create, close), one at a time.
  let lifecycle: Promise<unknown> = Promise.resolve();
  let writing = 0;
  let idleTimer: unknown;

  const serially = <T>(step: () => Promise<T>): Promise<T> => {
    const run = lifecycle.then(step, step);
    lifecycle = run.catch(() => {});
    return run;
  };

  async function exists(): Promise<boolean> {
    if (api.runtime.getContexts) return (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0;
    return (await api.offscreen.hasDocument?.()) ?? false;
  }

  const ensureDocument = () =>
    serially(async () => {
      if (await exists()) return;
      try {
        await api.offscreen.createDocument({
          url,
          reasons: ['CLIPBOARD'],
          justification: 'Copies a link or text to the clipboard when a context-menu item or shortcut asks for it.',
        });
      } catch (error) {
        // Made meanwhile by another copy of this code (a second service-worker start): use it.
        if (!(await exists().catch(() => false))) throw error;
      }
    });

  const closeDocument = () =>
    serially(async () => {
      if (writing > 0 || !(await exists())) return;
      await api.offscreen.closeDocument();
    });

  return {
    async write(text) {
      writing++;
      if (idleTimer !== undefined) clearTimer(idleTimer);
      idleTimer = undefined;
      try {
        await ensureDocument();
        const message: OffscreenClipboardMessage = { target: OFFSCREEN_CLIPBOARD_TARGET, text };
        const reply = (await api.runtime.sendMessage(message)) as { ok?: unknown; error?: unknown } | undefined;
        if (reply?.ok !== true) {
          throw new Error(typeof reply?.error === 'string' ? reply.error : 'The clipboard document did not answer.');
        }
      } finally {
        writing--;
        if (writing === 0) {
          idleTimer = setTimer(() => {
            idleTimer = undefined;
            void closeDocument().catch((error: unknown) => options.onError?.('Closing the clipboard document', error));
          }, idleMs);
        }
      }
    },
  };
}
