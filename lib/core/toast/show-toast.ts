import type { Toast } from './toast-message';

/*
 * The toast the content script shows: an element of its own at the end of <html>, its content in
 * a closed shadow root (page script gets `shadowRoot === null` and cannot read the text; nothing
 * of it is in a light-DOM attribute), styled only from inside that root. `:host` declarations
 * marked !important win over the page's, even its own !important ones (the cascade gives the
 * shadow tree's important rules precedence), and `all: initial` drops whatever the page set or
 * would have it inherit. It is shown in the top layer (a manual popover) where the browser has
 * it, above every z-index of the page.
 */

export const TOAST_MS = { ok: 4_000, error: 8_000 } as const;
/** The live region is filled just after it is attached, so screen readers announce the change. */
const ANNOUNCE_DELAY_MS = 50;

// Compact: it counts against the content script's 20 KiB. `all: initial !important` resets every
// other property of the host (margin, border, opacity, visibility, the popover's UA styles…).
const STYLE =
  ':host{all:initial!important;display:block!important;position:fixed!important;inset:auto 16px 16px auto!important;' +
  'z-index:2147483647!important;max-width:min(420px,calc(100vw - 32px))!important}' +
  'div{box-sizing:border-box;min-width:200px;padding:10px 14px;border-radius:6px;border-left:6px solid #1e8e3e;' +
  'background:#172b4d;color:#fff;font:14px/1.45 system-ui,sans-serif;white-space:pre-wrap;overflow-wrap:anywhere;' +
  'box-shadow:0 4px 16px #091e4259;cursor:pointer;user-select:none}' +
  '[data-tone=error]{border-left-color:#e34935}';

let dismissCurrent: (() => void) | undefined;

/** Shows `toast` on `doc`'s page (replacing one still shown) until its time is up, a click or Escape. */
export function showToast(toast: Toast, doc: Document = document): void {
  dismissCurrent?.();
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.dataset.tone = toast.tone;
  // `status` is a polite, atomic live region by definition (no aria-live needed).
  box.setAttribute('role', 'status');
  root.append(style, box);
  doc.documentElement.append(host);
  const popover = host as HTMLElement & { showPopover?: () => void };
  if (typeof popover.showPopover === 'function') {
    try {
      host.setAttribute('popover', 'manual');
      popover.showPopover();
    } catch {
      host.removeAttribute('popover'); // fixed position and z-index still apply
    }
  }

  const fill = setTimeout(() => (box.textContent = toast.text), ANNOUNCE_DELAY_MS);
  const hide = setTimeout(dismiss, TOAST_MS[toast.tone]);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') dismiss();
  };
  function dismiss(): void {
    clearTimeout(fill);
    clearTimeout(hide);
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
    if (dismissCurrent === dismiss) dismissCurrent = undefined;
  }
  box.addEventListener('click', dismiss);
  doc.addEventListener('keydown', onKey, true);
  dismissCurrent = dismiss;
}
