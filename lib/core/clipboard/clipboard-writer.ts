/*
 * Writing the clipboard from the background (context menus, shortcuts), behind one interface.
 * Chrome's service worker has no DOM and no clipboard: an offscreen document writes for it
 * (offscreen-clipboard.ts). Firefox's MV3 background is an event page with a DOM: it writes
 * itself (document-clipboard.ts). createBackgroundClipboard (background-clipboard.ts) picks.
 */

export interface ClipboardWriter {
  /** Resolves once `text` is on the clipboard; rejects with a sentence when the browser refused. */
  write(text: string): Promise<void>;
}

/** The offscreen document's message: `target` keeps it apart from every other runtime message. */
export const OFFSCREEN_CLIPBOARD_TARGET = 'offscreen-clipboard';

export interface OffscreenClipboardMessage {
  target: typeof OFFSCREEN_CLIPBOARD_TARGET;
  text: string;
}

/** What the offscreen document answers. */
export type OffscreenClipboardReply = { ok: true } | { ok: false; error: string };

export function isOffscreenClipboardMessage(message: unknown): message is OffscreenClipboardMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { target, text } = message as { target?: unknown; text?: unknown };
  return target === OFFSCREEN_CLIPBOARD_TARGET && typeof text === 'string' && Object.keys(message).length === 2;
}
