/*
 * A result shown on the toolbar badge for a few seconds (a menu or shortcut action: "✓" or "!"),
 * then the badge the extension computes (the reminders' days left, the health "!"). It sits
 * between whoever computes the badge and the browser: every computed badge goes through
 * `setBadge`, which shows it at once, or, during a flash, keeps the latest and shows it when the
 * flash ends. So a flash never hides a token warning for longer than the flash, and an update
 * that arrives meanwhile is not lost.
 */

export interface BadgeLook {
  text: string;
  /** Unused when `text` is empty. */
  colour: string;
  title: string;
}

export interface BadgeFlash {
  text: string;
  colour: string;
  /** The toolbar tooltip during the flash; without one, the computed badge's stays. */
  title?: string;
}

export const BADGE_FLASH_MS = 3_000;
export const FLASH_COLOURS = { ok: '#1E8E3E', error: '#B3261E' } as const;

export interface BadgeFlasher {
  /** The computed badge: shown now, or when the running flash ends. */
  setBadge(view: BadgeLook): Promise<void>;
  /** Shows `flash` for `ms` (a new flash replaces a running one, with its own time), then the computed badge. */
  flash(flash: BadgeFlash, ms?: number): Promise<void>;
}

export interface BadgeFlasherDeps {
  /** Puts a badge on the toolbar (the reminder surface's `setBadge`). */
  show(view: BadgeLook): Promise<void>;
  /**
   * Asks for the computed badge again (`reminders.refreshBadge`, which comes back through
   * `setBadge`): used when a flash ends before any computed badge was seen, e.g. just after a
   * service-worker start.
   */
  refresh?: () => Promise<void>;
  onError?: (what: string, error: unknown) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createBadgeFlasher(deps: BadgeFlasherDeps): BadgeFlasher {
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let computed: BadgeLook | undefined;
  let timer: unknown;
  // Writes reach the browser in the order they were asked for.
  let writes: Promise<void> = Promise.resolve();
  const write = (view: BadgeLook): Promise<void> => {
    const run = writes.then(() => deps.show(view));
    writes = run.catch(() => {});
    return run;
  };

  function end(): void {
    timer = undefined;
    const restored = computed ? write(computed) : (deps.refresh?.() ?? write({ text: '', colour: FLASH_COLOURS.ok, title: '' }));
    void restored.catch((error: unknown) => deps.onError?.('Restoring the badge after a flash', error));
  }

  return {
    setBadge(view) {
      computed = view;
      return timer === undefined ? write(view) : Promise.resolve();
    },
    flash(flash, ms = BADGE_FLASH_MS) {
      if (timer !== undefined) clearTimer(timer);
      // The timer is set before the write: even a failed write ends the flash on time.
      timer = setTimer(end, ms);
      return write({ text: flash.text, colour: flash.colour, title: flash.title ?? computed?.title ?? '' });
    },
  };
}
