/*
 * The one message the background sends a tab's content script: a short result to show on the
 * page (context menus and shortcuts have no popup to say it in). No zod: the content script
 * stays small, so the shape is checked by hand.
 */

export type ToastTone = 'ok' | 'error';

export interface Toast {
  text: string;
  tone: ToastTone;
}

export const TOAST_TYPE = 'ctc-toast';
/** Longer texts are cut by the sender and refused by the content script. */
export const TOAST_MAX_CHARS = 500;

export interface ToastMessage extends Toast {
  type: typeof TOAST_TYPE;
}

/** Exactly `{ type, text, tone }`, a non-empty text of at most TOAST_MAX_CHARS, a known tone. */
export function isToastMessage(message: unknown): message is ToastMessage {
  if (typeof message !== 'object' || message === null || Object.keys(message).length !== 3) return false;
  const { type, text, tone } = message as { type?: unknown; text?: unknown; tone?: unknown };
  return type === TOAST_TYPE && typeof text === 'string' && text.length > 0 && text.length <= TOAST_MAX_CHARS && (tone === 'ok' || tone === 'error');
}
