/*
 * Writing the clipboard from the popup, which has the focus when a person clicks in it:
 * `navigator.clipboard.writeText` first; if the browser refuses, the older way (a hidden
 * textarea and `execCommand('copy')`). When both fail, the caller shows the text selected so
 * the person can copy it by hand.
 */

/** How the text reached the clipboard, or `false` when it did not. */
export type ClipboardOutcome = 'clipboard' | 'exec-command' | false;

export async function writeClipboard(text: string): Promise<ClipboardOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return 'clipboard';
  } catch {
    return copyWithTextarea(text, document) ? 'exec-command' : false;
  }
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const previous = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off screen, not display:none (which cannot be selected).
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-9999px', opacity: '0' });
  doc.body.append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}

/** Selects the text shown for copying by hand (`[data-testid="copied-value"]`, a textarea). */
export function selectManualCopy(): void {
  const shown = document.querySelector('textarea[data-testid="copied-value"]');
  if (shown instanceof HTMLTextAreaElement) {
    shown.focus();
    shown.select();
  }
}
