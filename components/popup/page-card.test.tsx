import { describe, expect, it, vi } from 'vitest';
import type { PageCard } from '../../lib/features/page-actions/action-result';
import type { ContentPageContext } from '../../lib/features/pages/page-context';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { PageCardView, type PageCardState } from '../pages/PageCardView';
import { byTestId, expand, findAll, fire, one, textOf } from '../shared/vnode-tree.test-helper';
import { PageActions, type PageActionsView } from './PageActions';
import { Popup, type PageView, type PopupActions, type PopupState } from './Popup';
import { TokensSection, type TokensView } from './TokensSection';

const HOST = 'acme.atlassian.net';
const context: ContentPageContext = { kind: 'content', host: HOST, contentId: '201819180', contentType: 'page', view: 'view', spaceKey: 'ENG' };
const card: PageCard = {
  id: '201819180',
  type: 'page',
  title: 'Release Notes',
  spaceKey: 'ENG',
  spaceName: 'Engineering',
  version: 3,
  updatedBy: 'Bob Example',
  updatedAt: '2024-06-01T12:30:00.000Z',
  labels: ['release', 'notes'],
  webUrl: `https://${HOST}/wiki/spaces/ENG/pages/201819180/Release+Notes`,
  tinyUrl: `https://${HOST}/wiki/x/LIQHD`,
};
const token: TokenSummary = {
  id: 'a1',
  label: 'Alice',
  email: 'alice@example.com',
  kind: 'classic',
  secretHint: '…Wd8c',
  detected: [],
  mismatch: [],
  createdAt: '2026-11-22T10:00:00.000Z',
  sites: [HOST],
  readOnly: false,
  revision: '0123456789abcdef',
};
const bob: TokenSummary = { ...token, id: 'b2', label: 'Bob' };
const noop = () => {};
const text = (nodes: ReturnType<typeof expand>, id: string) => byTestId(nodes, id).map((e) => textOf(e.children));
const renderCard = (state: PageCardState, ctx: ContentPageContext = context) => expand(<PageCardView context={ctx} card={state} />);

describe('PageCardView', () => {
  it('shows the card: title as a heading, space name and key, id, type, version, who updated it and when, labels as chips', () => {
    const nodes = renderCard({ status: 'ready', card });
    expect(one(nodes, 'page-card').props['data-state']).toBe('ready');
    const title = one(nodes, 'page-title');
    expect(title.tag).toBe('h3');
    expect(textOf(title.children)).toBe('Release Notes');
    expect(text(nodes, 'page-space')).toEqual(['Engineering (ENG)']);
    expect(text(nodes, 'space-key')).toEqual(['ENG']);
    expect(text(nodes, 'page-id')).toEqual(['201819180']);
    expect(text(nodes, 'page-type')).toEqual(['page']);
    expect(text(nodes, 'page-version')).toEqual(['3']);
    const updated = one(nodes, 'page-updated');
    expect(textOf(updated.children)).toMatch(/^by Bob Example on .*2024/);
    expect(findAll(updated.children, (e) => e.tag === 'time')[0]?.props.dateTime).toBe('2024-06-01T12:30:00.000Z');
    expect(byTestId(nodes, 'page-label').map((e) => [e.tag, e.props.class, textOf(e.children)])).toEqual([
      ['li', 'label-chip', 'release'],
      ['li', 'label-chip', 'notes'],
    ]);
  });

  it('leaves out what Confluence did not give', () => {
    const nodes = renderCard({ status: 'ready', card: { id: '5', type: 'blogpost', title: 'Untitled', labels: [] } });
    for (const id of ['page-space', 'page-version', 'page-updated', 'page-labels']) expect(byTestId(nodes, id)).toEqual([]);
    expect(text(nodes, 'page-type')).toEqual(['blogpost']);
  });

  it('while loading, shows at once what the address says', () => {
    const nodes = renderCard({ status: 'loading' });
    expect(one(nodes, 'page-card').props['data-state']).toBe('loading');
    expect(text(nodes, 'page-id')).toEqual(['201819180']);
    expect(text(nodes, 'page-type')).toEqual(['page']);
    expect(text(nodes, 'space-key')).toEqual(['ENG']);
    expect(byTestId(nodes, 'page-title')).toEqual([]);
  });

  it('a failed card says why and what to do, below the context from the address', () => {
    const failure = { class: 'no-permission-or-not-found' as const, message: 'Confluence says this page does not exist or the token may not see it.', fix: 'Open the page in the browser.' };
    const nodes = renderCard({ status: 'failed', failure });
    expect(one(nodes, 'page-card').props['data-state']).toBe('failed');
    expect(text(nodes, 'page-id')).toEqual(['201819180']);
    const notice = one(nodes, 'page-card-failure');
    expect(notice.props.role).toBe('alert');
    expect(textOf(notice.children)).toContain(failure.message);
    expect(textOf(notice.children)).toContain(failure.fix);
  });

  it('says when the page is open in the editor', () => {
    expect(text(renderCard({ status: 'ready', card }, { ...context, view: 'edit' }), 'page-view')).toEqual(['editing']);
  });
});

describe('PageActions', () => {
  const actions = { onWatch: vi.fn(), onSpaceWatch: vi.fn(), onCopy: vi.fn(), onExport: vi.fn() };
  const render = (view: Partial<PageActionsView>) => expand(<PageActions view={{ locked: false, ...view }} {...actions} />);

  it('offers each copy as one button, labelled, with its test id', () => {
    const nodes = render({});
    const buttons = findAll(nodes, (e) => typeof e.props['data-testid'] === 'string' && (e.props['data-testid'] as string).startsWith('copy-') && e.tag === 'button');
    expect(buttons.map((b) => [b.props['data-testid'], textOf(b.children)])).toEqual([
      ['copy-link', 'Page link'],
      ['copy-tiny-link', 'Tiny link'],
      ['copy-id', 'Page id'],
      ['copy-markdown', 'Markdown link'],
      ['copy-rest-v1', 'REST v1 URL'],
      ['copy-rest-v2', 'REST v2 URL'],
      ['copy-curl', 'curl command'],
      ['copy-page-markdown', 'Page as Markdown'],
    ]);
    fire(one(nodes, 'copy-markdown'), 'onClick');
    expect(actions.onCopy).toHaveBeenLastCalledWith('markdown');
  });

  it('offers the export of the page and of its tree', () => {
    const nodes = render({});
    expect(textOf(one(nodes, 'export-page').children)).toBe('Export page…');
    fire(one(nodes, 'export-tree'), 'onClick');
    expect(actions.onExport).toHaveBeenLastCalledWith('tree');
  });

  it('keeps one status line for the copy, present before and after, so nothing moves when "Copied" shows', () => {
    const idle = one(render({}), 'copied-text');
    expect(idle.props.role).toBe('status');
    expect(idle.props['data-state']).toBe('idle');
    const nodes = render({ copy: { copied: { kind: 'tiny-link', text: card.tinyUrl!, manual: false } } });
    const done = one(nodes, 'copied-text');
    expect(done.props).toMatchObject({ role: 'status', class: 'copy-feedback', 'data-state': 'copied', 'data-kind': 'tiny-link' });
    expect(textOf(done.children)).toContain('Copied');
    expect(text(nodes, 'copied-value')).toEqual([card.tinyUrl]);
  });

  it('while a copy runs, the others ignore clicks but keep their focus (aria-disabled, not disabled)', () => {
    actions.onCopy.mockClear();
    const nodes = render({ copy: { running: 'curl' } });
    expect(one(nodes, 'copied-text').props['data-state']).toBe('copying');
    const link = one(nodes, 'copy-link');
    expect(link.props).toMatchObject({ 'aria-disabled': true, disabled: false });
    fire(link, 'onClick');
    expect(actions.onCopy).not.toHaveBeenCalled();
  });

  it('when the clipboard refused, shows the text selected for copying by hand', () => {
    const nodes = render({ copy: { copied: { kind: 'curl', text: 'curl …', manual: true } } });
    const status = one(nodes, 'copied-text');
    expect(status.props['data-state']).toBe('manual');
    expect(textOf(status.children)).toContain('Not copied');
    expect(one(nodes, 'copied-value')).toMatchObject({ tag: 'textarea', props: { readOnly: true, value: 'curl …' } });
  });

  it('a failed copy says why, and the status line says nothing was copied', () => {
    const failure = { class: 'no-page' as const, message: 'REST v2 has no /pages address for this blog post.', fix: 'Copy the REST v1 URL instead.' };
    const nodes = render({ copy: { failure } });
    expect(one(nodes, 'copied-text').props['data-state']).toBe('failed');
    expect(text(nodes, 'copy-failure')[0]).toContain(failure.message);
  });

  it('the space toggle shows its new state at once while the call runs', () => {
    const nodes = render({ spaceWatch: { running: true, source: 'action', watching: false } });
    const toggle = one(nodes, 'space-watch-toggle');
    expect(toggle.props).toMatchObject({ 'data-watching': 'false', 'aria-busy': true, 'aria-disabled': true });
    expect(textOf(toggle.children)).toBe('Watch this space');
    // The last sentence is stale meanwhile.
    expect(byTestId(nodes, 'space-watch-result')).toEqual([]);
  });

  it('a failed space watch is back where it was, with the reason and the fix', () => {
    const failure = { class: 'invalid-token' as const, message: 'Atlassian refused the token “Alice”.', fix: 'Replace the token in the options.' };
    const nodes = render({ spaceWatch: { running: false, source: 'action', watching: true, failure } });
    const toggle = one(nodes, 'space-watch-toggle');
    expect(toggle.props['data-watching']).toBe('true');
    expect(textOf(toggle.children)).toBe('Unwatch this space');
    const result = one(nodes, 'space-watch-result');
    expect(result.props).toMatchObject({ role: 'alert', 'data-failure': 'invalid-token' });
    expect(textOf(result.children)).toContain(failure.message);
    expect(textOf(result.children)).toContain(failure.fix);
    fire(toggle, 'onClick');
    expect(actions.onSpaceWatch).toHaveBeenLastCalledWith('unwatch');
  });

  it('a refused page watch names the reason; a missing scope names the scope', () => {
    const failure = { class: 'missing-scope' as const, message: 'The token lacks a scope.', fix: 'Add the scope.', scopes: ['write:watcher:confluence'] };
    const nodes = render({ watch: { running: false, source: 'action', watching: false, failure } });
    expect(one(nodes, 'action-result').props['data-failure']).toBe('missing-scope');
    expect(text(nodes, 'action-result')[0]).toContain('write:watcher:confluence');
  });

  it('the watch status read on opening is one short line', () => {
    const failure = { class: 'anonymous-fallback' as const, message: 'Confluence answered as the anonymous user.', fix: 'Check the token.' };
    const nodes = render({ watch: { running: false, source: 'status', failure } });
    expect(one(nodes, 'action-result').props.role).toBeUndefined();
    expect(text(nodes, 'action-result')[0]).toBe('Could not read whether you watch this page: Confluence answered as the anonymous user.');
    expect(one(nodes, 'watch-toggle').props['data-watching']).toBe('unknown');
  });

  it('disables everything while the tokens are locked', () => {
    const nodes = render({ locked: true });
    for (const id of ['watch-toggle', 'space-watch-toggle', 'copy-link', 'copy-curl']) expect(one(nodes, id).props.disabled).toBe(true);
  });
});

describe('token choice (popup)', () => {
  const view = (v: Partial<TokensView>): TokensView => ({ tokens: [token, bob], lock: 'none', forSite: token, onContent: true, ...v });
  const render = (v: Partial<TokensView>, onChooseToken: (id: string) => void = noop) =>
    expand(<TokensSection view={view(v)} host={HOST} guide={null} onAddToken={noop} onCheck={noop} onAllowSite={noop} onChooseToken={onChooseToken} />);
  const choice = { tokens: [{ id: 'a1', label: 'Alice' }, { id: 'b2', label: 'Bob' }], chosen: 'a1' };

  it('with several tokens for the site, a labelled select shows the one used', () => {
    const nodes = render({ choice });
    const select = one(nodes, 'token-choice');
    expect(select.tag).toBe('select');
    expect(select.props.value).toBe('a1');
    expect(findAll(nodes, (e) => e.tag === 'label' && e.props.for === select.props.id)).toHaveLength(1);
    expect(findAll(select.children, (e) => e.tag === 'option').map((o) => [o.props.value, textOf(o.children)])).toEqual([
      ['a1', 'Alice'],
      ['b2', 'Bob'],
    ]);
  });

  it('picking another calls back with its id; picking the same one does nothing', () => {
    const chosen = vi.fn();
    const select = one(render({ choice }, chosen), 'token-choice');
    fire(select, 'onChange', { currentTarget: { value: 'b2' } });
    fire(select, 'onChange', { currentTarget: { value: 'a1' } });
    expect(chosen.mock.calls).toEqual([['b2']]);
  });

  it('follows the chosen token', () => {
    const nodes = render({ forSite: bob, choice: { ...choice, chosen: 'b2' } });
    expect(one(nodes, 'token-choice').props.value).toBe('b2');
    expect(one(nodes, 'popup-token').props['data-label']).toBe('Bob');
  });

  it('with one token there is nothing to choose', () => {
    expect(byTestId(render({ tokens: [token], choice: { tokens: [{ id: 'a1', label: 'Alice' }], chosen: 'a1' } }), 'token-choice')).toEqual([]);
  });

  it('a refused choice says why', () => {
    const nodes = render({ choice: { ...choice, error: 'That token is not meant for this site.' } });
    expect(text(nodes, 'token-choice-error')).toEqual(['That token is not meant for this site.']);
  });
});

describe('Popup on a content page with a token', () => {
  const ready = (page?: PageView, tokens: Partial<TokensView> = {}): PopupState => ({
    status: 'ready',
    tab: {
      tabId: 1,
      host: HOST,
      context,
      site: null,
      cloudId: { state: 'known', sentence: 'Read just now.', cloudId: 'c1', fetchedAt: 0, retryAt: null },
      dataCenter: null,
    },
    sites: [],
    tokens: { tokens: [token], lock: 'none', forSite: token, onContent: true, ...tokens },
    ...(page ? { page } : {}),
  });

  it('puts the page card first, then the actions, then the token and the known sites', () => {
    const nodes = expand(<Popup state={ready({ card: { status: 'ready', card } })} />);
    expect(findAll(nodes, (e) => e.tag === 'h2').map((e) => textOf(e.children))).toEqual(['This tab', 'Actions', 'Tokens', 'Known Cloud sites']);
    const order = findAll(nodes, (e) => ['page-card', 'page-actions', 'tokens-section'].includes(e.props['data-testid'] as string)).map((e) => e.props['data-testid']);
    expect(order).toEqual(['page-card', 'page-actions', 'tokens-section']);
    // One of each id, so tests and people find exactly one.
    for (const id of ['page-id', 'space-key', 'watch-toggle', 'space-watch-toggle', 'copied-text']) expect(byTestId(nodes, id)).toHaveLength(1);
  });

  it('without a page state yet (locked tokens), shows the address context and the actions disabled', () => {
    const nodes = expand(<Popup state={ready(undefined, { lock: 'locked' })} />);
    expect(byTestId(nodes, 'page-card')).toEqual([]);
    expect(text(nodes, 'page-id')).toEqual(['201819180']);
    expect(one(nodes, 'watch-toggle').props.disabled).toBe(true);
  });

  it('wires the buttons to the popup actions', () => {
    const calls: unknown[][] = [];
    const record =
      (name: string) =>
      (...args: unknown[]) =>
        calls.push([name, ...args]);
    const popupActions: PopupActions = {
      onAddToken: record('add'),
      onCheck: record('check'),
      onWatch: record('watch'),
      onSpaceWatch: record('space'),
      onCopy: record('copy'),
      onChooseToken: record('choose'),
      onAllowSite: record('allow'),
      onReadCloudIdAgain: record('cloud'),
    };
    const page: PageView = { card: { status: 'loading' }, watch: { running: false, source: 'status', watching: false }, spaceWatch: { running: false, source: 'status', watching: true } };
    const nodes = expand(<Popup state={ready(page, { tokens: [token, bob], choice: { tokens: [{ id: 'a1', label: 'Alice' }, { id: 'b2', label: 'Bob' }], chosen: 'a1' } })} actions={popupActions} />);
    fire(one(nodes, 'watch-toggle'), 'onClick');
    fire(one(nodes, 'space-watch-toggle'), 'onClick');
    fire(one(nodes, 'copy-id'), 'onClick');
    fire(one(nodes, 'token-choice'), 'onChange', { currentTarget: { value: 'b2' } });
    expect(calls).toEqual([
      ['watch', 'watch'],
      ['space', 'unwatch'],
      ['copy', 'id'],
      ['choose', 'b2'],
    ]);
  });
});
