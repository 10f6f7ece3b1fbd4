import type { ActionName } from './action-names';
import { ACTION_SURFACES } from './action-surfaces';

/*
 * The context-menu items, generated from ACTION_SURFACES: on Confluence pages, on links to them,
 * and on the toolbar button. Each says where it applies (URL patterns), so the browser shows it
 * only there. Created on install and update (entrypoints/background.ts).
 */

/** Confluence Cloud pages and the links to them: page detection knows no page outside `/wiki`. */
export const CONFLUENCE_PAGE_PATTERNS = ['https://*.atlassian.net/wiki/*'];

/** Cloud pages, and the pages of each Data Center site the person added (under its context path). */
export function confluencePagePatterns(dcSites: readonly string[]): string[] {
  return [...CONFLUENCE_PAGE_PATTERNS, ...dcSites.map((baseUrl) => `${baseUrl}/*`)];
}

export type MenuContext = 'page' | 'link' | 'action';

export interface MenuItem {
  id: string;
  title: string;
  contexts: MenuContext[];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

/** What a click on one of our menu items means. */
export type MenuCommand =
  | { kind: 'page'; action: ActionName }
  | { kind: 'link'; action: ActionName }
  | { kind: 'toolbar'; what: 'health-check' | 'options' | 'enable-site' };

const PAGE_PREFIX = 'ctc-page:';
const LINK_PREFIX = 'ctc-link:';
const TOOLBAR = { 'health-check': 'ctc-toolbar:health-check', options: 'ctc-toolbar:options', 'enable-site': 'ctc-toolbar:enable-site' } as const;

/**
 * `dcSites`: the base URLs of the Data Center sites the person added; their pages get the page
 * items too. `hidden`: actions the organisation's policy turned off, which get no item.
 */
export function menuItems(dcSites: readonly string[] = [], hidden: readonly ActionName[] = []): MenuItem[] {
  const patterns = confluencePagePatterns(dcSites);
  const items: MenuItem[] = [];
  for (const [name, surfaces] of Object.entries(ACTION_SURFACES)) {
    if (hidden.includes(name as ActionName)) continue;
    if (surfaces.menu?.page) {
      items.push({ id: `${PAGE_PREFIX}${name}`, title: surfaces.menu.page, contexts: ['page'], documentUrlPatterns: patterns });
    }
    if (surfaces.menu?.link) {
      // A link to a Confluence page may sit on any page (a chat, a ticket): only the target is matched.
      items.push({ id: `${LINK_PREFIX}${name}`, title: surfaces.menu.link, contexts: ['link'], targetUrlPatterns: patterns });
    }
  }
  items.push({ id: TOOLBAR['health-check'], title: 'Run health check', contexts: ['action'] });
  items.push({ id: TOOLBAR.options, title: 'Options', contexts: ['action'] });
  // A Data Center server the extension may not reach yet: the browser asks, from this click.
  items.push({ id: TOOLBAR['enable-site'], title: 'Enable on this site (Confluence Data Center)', contexts: ['action'] });
  return items;
}

export function parseMenuItemId(id: string | number): MenuCommand | undefined {
  const text = String(id);
  const action = (prefix: string) => {
    const name = text.slice(prefix.length);
    return Object.hasOwn(ACTION_SURFACES, name) ? (name as ActionName) : undefined;
  };
  if (text.startsWith(PAGE_PREFIX)) {
    const name = action(PAGE_PREFIX);
    return name && { kind: 'page', action: name };
  }
  if (text.startsWith(LINK_PREFIX)) {
    const name = action(LINK_PREFIX);
    return name && { kind: 'link', action: name };
  }
  if (text === TOOLBAR['health-check']) return { kind: 'toolbar', what: 'health-check' };
  if (text === TOOLBAR.options) return { kind: 'toolbar', what: 'options' };
  if (text === TOOLBAR['enable-site']) return { kind: 'toolbar', what: 'enable-site' };
  return undefined;
}

/** A keyboard command's action, or undefined (`_execute_action` is the browser's own). */
export function commandAction(command: string): ActionName | undefined {
  return Object.hasOwn(ACTION_SURFACES, command) && ACTION_SURFACES[command as ActionName].command ? (command as ActionName) : undefined;
}
