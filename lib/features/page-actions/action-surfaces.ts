import type { ActionName } from './action-names';

/*
 * Where each action is offered besides the popup: its context-menu titles and its keyboard
 * shortcut. Zod-free and handler-free, so the manifest (wxt.config.ts `commands`) and the menus
 * are generated from this one list. A new action is one entry here and one handler in
 * action-registry.ts (a type makes both exhaustive).
 */

export interface ActionSurfaces {
  /** Context-menu titles: on a Confluence page, and on a link to one. */
  menu?: { page?: string; link?: string };
  /**
   * A keyboard shortcut. Alt+Shift+letter: Confluence's own shortcuts are single letters and
   * Ctrl/⌘ combinations, and Chrome and Firefox leave Alt+Shift+W/M/K free.
   */
  command?: { suggestedKey: string; description: string };
}

export const ACTION_SURFACES: Readonly<Record<ActionName, ActionSurfaces>> = {
  'watch-status': {},
  watch: { menu: { page: 'Watch this page', link: 'Watch linked page' } },
  unwatch: { menu: { page: 'Stop watching this page' } },
  'toggle-watch': { command: { suggestedKey: 'Alt+Shift+W', description: 'Watch or stop watching the Confluence page' } },
  'space-watch-status': {},
  'watch-space': {},
  'unwatch-space': {},
  'page-card': {},
  'copy-link': { menu: { page: 'Copy page link' } },
  'copy-tiny-link': { menu: { page: 'Copy tiny link', link: 'Copy tiny link of linked page' } },
  'copy-id': {},
  'copy-markdown': {
    menu: { page: 'Copy Markdown link', link: 'Copy Markdown link of linked page' },
    command: { suggestedKey: 'Alt+Shift+M', description: 'Copy a Markdown link to the Confluence page' },
  },
  'copy-rest-v1': {},
  'copy-rest-v2': {},
  'copy-curl': {},
  'copy-page-markdown': { menu: { page: 'Copy page as Markdown', link: 'Copy linked page as Markdown' } },
  'export-page': {
    menu: { page: 'Export this page…', link: 'Export linked page…' },
    command: { suggestedKey: 'Alt+Shift+E', description: 'Export the Confluence page (Markdown, HTML, storage, ADF, zip)' },
  },
  'export-tree': { menu: { page: 'Export this page and its children…', link: 'Export linked page and its children…' } },
};

/** The toolbar button's own shortcut (`_execute_action` opens the popup). */
export const OPEN_POPUP_COMMAND = { suggestedKey: 'Alt+Shift+K', description: 'Open Confluence Token Companion' } as const;

/** The manifest's `commands`, generated from the list above. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  const commands: Record<string, { suggested_key: { default: string }; description: string }> = {
    _execute_action: { suggested_key: { default: OPEN_POPUP_COMMAND.suggestedKey }, description: OPEN_POPUP_COMMAND.description },
  };
  for (const [name, surfaces] of Object.entries(ACTION_SURFACES)) {
    if (surfaces.command) commands[name] = { suggested_key: { default: surfaces.command.suggestedKey }, description: surfaces.command.description };
  }
  return commands;
}
