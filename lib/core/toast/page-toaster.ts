import { TOAST_MAX_CHARS, TOAST_TYPE, type Toast, type ToastMessage } from './toast-message';

/** The background's side of the page toast. */
export interface PageToaster {
  /** True once the tab's content script shows it; false when the tab has none (not a Confluence site, not loaded yet). */
  show(tabId: number, toast: { text: string; tone: 'ok' | 'error' }): Promise<boolean>;
}

/** `tabs.sendMessage` of the WebExtension API (the polyfill's and Firefox's both fit). */
export interface ToastTabs {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/** What the content script answers when it showed the toast. */
export const TOAST_SHOWN_REPLY = { shown: true } as const;

function clamp(text: string): string {
  return text.length <= TOAST_MAX_CHARS ? text : `${text.slice(0, TOAST_MAX_CHARS - 1)}…`;
}

export function createPageToaster(tabs: ToastTabs): PageToaster {
  return {
    async show(tabId, toast: Toast) {
      const message: ToastMessage = { type: TOAST_TYPE, text: clamp(toast.text) || ' ', tone: toast.tone };
      try {
        // The top frame only: that is where the content script runs.
        const reply = await tabs.sendMessage(tabId, message, { frameId: 0 });
        return typeof reply === 'object' && reply !== null && (reply as { shown?: unknown }).shown === true;
      } catch {
        // "Receiving end does not exist": no content script in that tab.
        return false;
      }
    },
  };
}
