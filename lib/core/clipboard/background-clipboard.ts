import type { ClipboardWriter } from './clipboard-writer';
import { createDocumentClipboard } from './document-clipboard';
import { createOffscreenClipboard, type OffscreenApi, type OffscreenClipboardOptions } from './offscreen-clipboard';

/** What the picker looks at: Chrome has `offscreen`; Firefox has none (and a DOM instead). */
export interface BackgroundClipboardApi {
  offscreen?: OffscreenApi['offscreen'];
  runtime: OffscreenApi['runtime'];
}

/**
 * The background's clipboard, by feature detection: an offscreen document where the browser
 * offers `offscreen` (Chrome's service worker), else the background's own document (Firefox's
 * event page), else a writer that says the browser offers none.
 */
export function createBackgroundClipboard(
  api: BackgroundClipboardApi,
  options: OffscreenClipboardOptions & { document?: Document } = {},
): ClipboardWriter {
  if (api.offscreen) return createOffscreenClipboard({ offscreen: api.offscreen, runtime: api.runtime }, options);
  const doc = options.document ?? (typeof document === 'undefined' ? undefined : document);
  if (doc) return createDocumentClipboard(doc);
  return {
    write: () => Promise.reject(new Error('This browser gives the extension no clipboard outside its pages.')),
  };
}
