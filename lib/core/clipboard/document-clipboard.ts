import type { ClipboardWriter } from './clipboard-writer';

/**
 * Writes `text` from a document: `navigator.clipboard.writeText` first, then a selected
 * textarea and `execCommand('copy')`. The offscreen document needs the fallback: it can never
 * be focused, and writeText refuses an unfocused document ("Document is not focused"), while
 * execCommand('copy') works there with the `clipboardWrite` permission.
 */
export async function writeTextInDocument(text: string, doc: Document): Promise<void> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not focused, no permission, or no async clipboard here: try the selection.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  (doc.body ?? doc.documentElement).append(area);
  try {
    area.select();
    if (!doc.execCommand('copy')) throw new Error('The browser refused to write the clipboard.');
  } finally {
    area.remove();
  }
}

/** Firefox's event page (and any background with a DOM) writes the clipboard itself. */
export function createDocumentClipboard(doc: Document): ClipboardWriter {
  return { write: (text) => writeTextInDocument(text, doc) };
}
