import { describe, expect, it } from 'vitest';
import type { ActionResult } from './action-result';
import { commandAction, menuItems, parseMenuItemId } from './action-menus';
import { manifestCommands } from './action-surfaces';
import { createSurfaceRunner, type SurfaceRunnerDeps } from './surface-runner';

function fakes(result: ActionResult, toastShown = true) {
  const calls: string[] = [];
  const deps: SurfaceRunnerDeps = {
    actions: {
      runOnTab: async (action, tabId) => (calls.push(`tab ${action} ${tabId}`), result),
      runOnLink: async (action, url, tabId) => (calls.push(`link ${action} ${url} ${tabId}`), result),
    },
    clipboard: { write: async (text) => void calls.push(`clipboard ${text}`) },
    toaster: { show: async (tabId, toast) => (calls.push(`toast ${tabId} ${toast.tone} ${toast.text}`), toastShown) },
    flash: async (tone, title) => void calls.push(`flash ${tone} ${title}`),
    healthCheck: async (tabId) => (calls.push(`health ${tabId}`), { ok: false, sentence: 'Not authenticated.' }),
    openOptions: async () => void calls.push('options'),
    enableSite: async (tab) => (calls.push(`enable ${tab.id} ${tab.url}`), { ok: true, sentence: 'Enabled on confluence.example.com.' }),
    openExport: async (address) => void calls.push(`export ${address.scope} ${address.host} ${address.contentId}`),
    onError: (what) => calls.push(`error ${what}`),
  };
  return { deps, calls };
}

describe('menus and shortcuts come from the one list of actions', () => {
  it('page items only on Confluence pages, link items only on links to them, two toolbar items', () => {
    const items = menuItems();
    expect(items.filter((i) => i.contexts.includes('page')).map((i) => i.title)).toEqual([
      'Watch this page',
      'Stop watching this page',
      'Copy page link',
      'Copy tiny link',
      'Copy Markdown link',
      'Copy page as Markdown',
      'Export this page…',
      'Export this page and its children…',
    ]);
    expect(items.filter((i) => i.contexts.includes('link')).map((i) => i.title)).toEqual([
      'Watch linked page',
      'Copy tiny link of linked page',
      'Copy Markdown link of linked page',
      'Copy linked page as Markdown',
      'Export linked page…',
      'Export linked page and its children…',
    ]);
    for (const item of items.filter((i) => i.contexts.includes('page'))) expect(item.documentUrlPatterns).toEqual(['https://*.atlassian.net/wiki/*']);
    for (const item of items.filter((i) => i.contexts.includes('link'))) expect(item.targetUrlPatterns).toEqual(['https://*.atlassian.net/wiki/*']);
    expect(items.filter((i) => i.contexts.includes('action')).map((i) => i.title)).toEqual(['Run health check', 'Options', 'Enable on this site (Confluence Data Center)']);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) expect(parseMenuItemId(item.id)).toBeDefined();
    expect(parseMenuItemId('ctc-page:no-such-action')).toBeUndefined();
    expect(parseMenuItemId('someone-else')).toBeUndefined();
  });

  it("the added Data Center sites' pages get the page items, and links to them the link items", () => {
    const items = menuItems(['https://confluence.example.com/confluence']);
    const patterns = ['https://*.atlassian.net/wiki/*', 'https://confluence.example.com/confluence/*'];
    for (const item of items.filter((i) => i.contexts.includes('page'))) expect(item.documentUrlPatterns).toEqual(patterns);
    for (const item of items.filter((i) => i.contexts.includes('link'))) expect(item.targetUrlPatterns).toEqual(patterns);
  });

  it('actions the policy hides get no menu item, on pages or links', () => {
    const titles = menuItems([], ['export-page', 'export-tree', 'copy-page-markdown']).map((i) => i.title);
    expect(titles.filter((t) => t.includes('xport') || t.includes('as Markdown'))).toEqual([]);
    expect(titles).toContain('Watch this page');
  });

  it('the manifest commands: open the popup, toggle watch, copy Markdown link, export (Chrome allows four suggested keys)', () => {
    expect(Object.keys(manifestCommands())).toEqual(['_execute_action', 'toggle-watch', 'copy-markdown', 'export-page']);
    expect(commandAction('toggle-watch')).toBe('toggle-watch');
    expect(commandAction('copy-id')).toBeUndefined();
    expect(commandAction('_execute_action')).toBeUndefined();
  });
});

describe('running them', () => {
  it('a copy from a menu writes the clipboard, then toasts on the page and flashes the badge', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'Copied the Markdown link: [A](u)', copy: { kind: 'markdown', text: '[A](u)' } });
    await createSurfaceRunner(deps).onMenuClicked({ menuItemId: 'ctc-page:copy-markdown' }, { id: 4 });
    expect(calls).toEqual(['tab copy-markdown 4', 'clipboard [A](u)', 'toast 4 ok Copied the Markdown link: [A](u)', 'flash ok Copied the Markdown link: [A](u)']);
  });

  it('an export item opens the Export page for the page it ran on, and writes no clipboard', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'Opening the export of the page.', export: { host: 'acme.atlassian.net', contentId: '42', scope: 'tree' } });
    await createSurfaceRunner(deps).onMenuClicked({ menuItemId: 'ctc-link:export-tree', linkUrl: 'https://acme.atlassian.net/wiki/spaces/A/pages/42' }, { id: 4 });
    expect(calls).toEqual(['link export-tree https://acme.atlassian.net/wiki/spaces/A/pages/42 4', 'export tree acme.atlassian.net 42']);
  });

  it('a link menu runs on the link; a failure says what to do', async () => {
    const failure = { class: 'missing-scope' as const, message: 'The token lacks a scope.', fix: 'Add write:watcher:confluence.' };
    const { deps, calls } = fakes({ ok: false, failure });
    await createSurfaceRunner(deps).onMenuClicked({ menuItemId: 'ctc-link:watch', linkUrl: 'https://acme.atlassian.net/wiki/x/LIQHD' }, { id: 4 });
    expect(calls).toEqual([
      'link watch https://acme.atlassian.net/wiki/x/LIQHD 4',
      'toast 4 error The token lacks a scope. Add write:watcher:confluence.',
      'flash error The token lacks a scope. Add write:watcher:confluence.',
    ]);
  });

  it('a failure’s toast ends with the organisation’s help when its policy names one', async () => {
    const failure = { class: 'policy-refused' as const, message: 'Your organisation has turned off exporting pages (policy “disableExport”).', fix: 'Ask your administrator if you need it.' };
    const { deps, calls } = fakes({ ok: false, failure });
    await createSurfaceRunner({ ...deps, organisationHelp: async () => 'Help from your organisation: IT desk, ext. 4242' }).onCommand('export-page', { id: 3 });
    expect(calls).toContain(`toast 3 error ${failure.message} ${failure.fix} Help from your organisation: IT desk, ext. 4242`);
  });

  it('where the tab has no content script, the badge alone tells it', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'Copied the tiny link: u', copy: { kind: 'tiny-link', text: 'u' } }, false);
    await createSurfaceRunner(deps).onMenuClicked({ menuItemId: 'ctc-link:copy-tiny-link', linkUrl: 'https://acme.atlassian.net/wiki/x/LIQHD' }, { id: 9 });
    expect(calls.at(-1)).toBe('flash ok Copied the tiny link: u');
  });

  it('a failed clipboard write is said, not swallowed', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'Copied', copy: { kind: 'id', text: '1' } });
    deps.clipboard.write = async () => {
      throw new Error('no clipboard');
    };
    await createSurfaceRunner(deps).onCommand('copy-markdown', { id: 2 });
    expect(calls).toContain('error Writing the clipboard');
    expect(calls.find((c) => c.startsWith('toast'))).toMatch(/^toast 2 error The text could not be put on the clipboard/);
  });

  it('a shortcut runs its action on the tab; the toolbar menu checks health or opens the options', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'Now watching.', watching: true });
    const runner = createSurfaceRunner(deps);
    await runner.onCommand('toggle-watch', { id: 3 });
    await runner.onCommand('_execute_action', { id: 3 });
    await runner.onMenuClicked({ menuItemId: 'ctc-toolbar:health-check' }, { id: 3 });
    await runner.onMenuClicked({ menuItemId: 'ctc-toolbar:options' }, { id: 3 });
    expect(calls).toEqual(['tab toggle-watch 3', 'toast 3 ok Now watching.', 'flash ok Now watching.', 'health 3', 'toast 3 error Not authenticated.', 'flash error Not authenticated.', 'options']);
  });

  it('"Enable on this site" hands the clicked tab over at once, then says how it went', async () => {
    const { deps, calls } = fakes({ ok: true, sentence: 'unused' });
    const clicked = createSurfaceRunner(deps).onMenuClicked({ menuItemId: 'ctc-toolbar:enable-site' }, { id: 8, url: 'https://confluence.example.com/confluence/display/DEV' });
    // Synchronously, before the first await: the browser asks for access only inside the click.
    expect(calls).toEqual(['enable 8 https://confluence.example.com/confluence/display/DEV']);
    await clicked;
    expect(calls.slice(1)).toEqual(['toast 8 ok Enabled on confluence.example.com.', 'flash ok Enabled on confluence.example.com.']);
  });
});
