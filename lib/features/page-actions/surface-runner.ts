import type { ActionFailure } from '../../atlassian/failure-view';
import type { ActionName } from './action-names';
import type { ActionResult } from './action-result';
import { commandAction, parseMenuItemId } from './action-menus';
import type { ActionDispatcher } from './dispatcher';

/*
 * Menus and keyboard shortcuts run the dispatcher's actions like the popup does; what differs is
 * how the result reaches the person: the background writes the clipboard, and a toast on the
 * page (or, where the tab has no content script, the toolbar badge) says what happened.
 */

export interface SurfaceRunnerDeps {
  actions: Pick<ActionDispatcher, 'runOnTab' | 'runOnLink'>;
  clipboard: { write(text: string): Promise<void> };
  toaster: { show(tabId: number, toast: { text: string; tone: 'ok' | 'error' }): Promise<boolean> };
  /** "✓" or "!" on the badge for a few seconds. */
  flash(tone: 'ok' | 'error', title: string): Promise<void>;
  /** The toolbar menu's health check for the tab's site (a sentence for the person). */
  healthCheck(tabId: number): Promise<{ ok: boolean; sentence: string }>;
  openOptions(): Promise<void>;
  /**
   * The toolbar menu's "Enable on this site": called synchronously from the click (the browser
   * asks for the origin only inside the person's gesture); a sentence for the person.
   */
  enableSite(tab: { id?: number; url?: string }): Promise<{ ok: boolean; sentence: string }>;
  /** Opens the Export page an export action named, in a new tab. */
  openExport(address: NonNullable<Extract<ActionResult, { ok: true }>['export']>): Promise<void>;
  onError(what: string, error: unknown): void;
  /** The organisation's help, said after a failure's fix (policy “helpUrl”, “supportContact”). */
  organisationHelp?(): Promise<string | undefined>;
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
}

export interface SurfaceRunner {
  onMenuClicked(info: MenuClick, tab: { id?: number; url?: string } | undefined): Promise<void>;
  onCommand(command: string, tab: { id?: number } | undefined): Promise<void>;
}

/** A failure as one line a toast can hold: what happened, then what to do. */
export function failureLine(failure: ActionFailure): string {
  return failure.fix ? `${failure.message} ${failure.fix}` : failure.message;
}

export function createSurfaceRunner(deps: SurfaceRunnerDeps): SurfaceRunner {
  async function tell(tabId: number | undefined, tone: 'ok' | 'error', text: string): Promise<void> {
    const shown = tabId !== undefined && (await deps.toaster.show(tabId, { text, tone }).catch(() => false));
    // No content script in that tab (another site, still loading): the badge says it instead.
    await deps.flash(tone, shown ? text.slice(0, 200) : text).catch((error: unknown) => deps.onError('Flashing the badge', error));
  }

  async function finish(tabId: number | undefined, result: ActionResult): Promise<void> {
    if (!result.ok) {
      const help = await deps.organisationHelp?.().catch(() => undefined);
      return tell(tabId, 'error', help ? `${failureLine(result.failure)} ${help}` : failureLine(result.failure));
    }
    if (result.export) return deps.openExport(result.export);
    if (result.copy) {
      try {
        await deps.clipboard.write(result.copy.text);
      } catch (error) {
        deps.onError('Writing the clipboard', error);
        return tell(tabId, 'error', 'The text could not be put on the clipboard. Open the popup and copy it from there.');
      }
    }
    return tell(tabId, 'ok', result.sentence);
  }

  async function run(tabId: number | undefined, action: ActionName, linkUrl?: string): Promise<void> {
    if (tabId === undefined) return tell(undefined, 'error', 'This works in a browser tab only.');
    const result = linkUrl === undefined ? await deps.actions.runOnTab(action, tabId) : await deps.actions.runOnLink(action, linkUrl, tabId);
    await finish(tabId, result);
  }

  return {
    async onMenuClicked(info, tab) {
      const command = parseMenuItemId(info.menuItemId);
      if (!command) return;
      if (command.kind === 'toolbar') {
        if (command.what === 'options') return deps.openOptions();
        if (command.what === 'enable-site') {
          // No await before this call: it must run inside the click's gesture.
          const enabled = await deps.enableSite(tab ?? {});
          return tell(tab?.id, enabled.ok ? 'ok' : 'error', enabled.sentence);
        }
        if (tab?.id === undefined) return tell(undefined, 'error', 'Open a Confluence page first.');
        const outcome = await deps.healthCheck(tab.id);
        return tell(tab.id, outcome.ok ? 'ok' : 'error', outcome.sentence);
      }
      if (command.kind === 'link') {
        if (!info.linkUrl) return tell(tab?.id, 'error', 'That menu needs a link to a Confluence page.');
        return run(tab?.id, command.action, info.linkUrl);
      }
      return run(tab?.id, command.action);
    },
    async onCommand(command, tab) {
      const action = commandAction(command);
      if (action) await run(tab?.id, action);
    },
  };
}
