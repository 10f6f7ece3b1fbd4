import { browser } from 'wxt/browser';
import { isOffscreenClipboardMessage, type OffscreenClipboardReply } from '../../lib/core/clipboard/clipboard-writer';
import { writeTextInDocument } from '../../lib/core/clipboard/document-clipboard';
import { isBackgroundSender } from '../../lib/core/messaging/sender-check';

/*
 * Chrome's offscreen document (reason CLIPBOARD), made by lib/core/clipboard/offscreen-clipboard.ts:
 * it writes what the background sends, and only what the background sends.
 */
const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

browser.runtime.onMessage.addListener((message, sender): Promise<OffscreenClipboardReply> | undefined => {
  // Change notices and anything else are not for this document.
  if (!isOffscreenClipboardMessage(message) || !isBackgroundSender(sender, extension)) return undefined;
  return writeTextInDocument(message.text, document).then(
    () => ({ ok: true }) as const,
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : 'The clipboard could not be written.' }) as const,
  );
});
