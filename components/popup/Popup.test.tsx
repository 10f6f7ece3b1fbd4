import { describe, expect, it } from 'vitest';
import type { TabState } from '../../lib/features/pages/messages';
import type { SiteView } from '../../lib/features/pages/site-view';
import { Popup, type PopupState } from './Popup';
import { byTestId, expand, findAll, textOf } from '../shared/vnode-tree.test-helper';

const HOST = 'acme.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const known = { state: 'known', sentence: 'Read from this site just now.', cloudId: CLOUD_ID, fetchedAt: T0, retryAt: null } as const;

const render = (state: PopupState) => expand(<Popup state={state} />);
const text = (state: PopupState, id: string) => byTestId(render(state), id).map((e) => textOf(e.children));

function ready(tab: Partial<TabState>, sites: SiteView[] = []): PopupState {
  return {
    status: 'ready',
    tab: { tabId: 1, host: HOST, context: null, site: null, cloudId: known, dataCenter: null, ...tab },
    sites,
    tokens: { tokens: [], lock: 'none', forSite: null, onContent: false },
  };
}

describe('Popup', () => {
  it('marks its state on the root element', () => {
    for (const state of [{ status: 'loading' }, { status: 'error', message: 'x' }, ready({})] as PopupState[]) {
      const [root] = render(state);
      expect(root).toMatchObject({ tag: 'main', props: { 'data-state': state.status } });
    }
  });

  it('shows the site, cloudId and content of a Confluence page', () => {
    const state = ready({
      context: { kind: 'content', host: HOST, contentId: '6180601871', contentType: 'blogpost', view: 'view', spaceKey: 'ENG' },
    });
    expect(text(state, 'tab-site')).toEqual([HOST]);
    expect(text(state, 'tab-cloud-id')).toEqual([CLOUD_ID]);
    expect(text(state, 'page-id')).toEqual(['6180601871']);
    expect(text(state, 'page-type')).toEqual(['blogpost']);
    expect(text(state, 'space-key')).toEqual(['ENG']);
    expect(text(state, 'not-confluence')).toEqual([]);
    expect(text(state, 'page-view')).toEqual([]);
  });

  it('says when the page is open in the editor', () => {
    const state = ready({
      context: { kind: 'content', host: HOST, contentId: '5', contentType: 'page', view: 'edit', spaceKey: null },
    });
    expect(text(state, 'page-view')).toEqual(['editing']);
    expect(text(state, 'space-key')).toEqual([]);
  });

  it('says plainly when the tab is not a Confluence page, also outside Atlassian', () => {
    const unknown = { state: 'unknown', sentence: 'Not an Atlassian Cloud site.', cloudId: null, fetchedAt: null, retryAt: null } as const;
    const outside = ready({ host: null, cloudId: unknown });
    expect(text(outside, 'not-confluence')).toEqual(['This tab is not a Confluence page.']);
    expect(text(outside, 'tab-site')).toEqual([]);
    expect(text(ready({}), 'not-confluence')).toEqual(['This tab is not a Confluence page.']);
  });

  it('shows the cloudId error sentence with the retry time', () => {
    const retryAt = T0 + 600_000;
    const error = { state: 'error', sentence: "Could not read this site's cloudId (HTTP 404).", cloudId: null, fetchedAt: null, retryAt } as const;
    const nodes = render(ready({ cloudId: error }));
    const [element] = byTestId(nodes, 'tab-cloud-id-error');
    expect(textOf(element!.children)).toContain("Could not read this site's cloudId (HTTP 404).");
    expect(findAll(element!.children, (e) => e.tag === 'time')[0]?.props.dateTime).toBe(new Date(retryAt).toISOString());
    expect(byTestId(nodes, 'tab-cloud-id')).toEqual([]);
  });

  it('lists known sites with cloudId and first/last seen', () => {
    const sites: SiteView[] = [
      { host: HOST, firstSeenAt: T0, lastSeenAt: T0 + 1000, cloudId: known },
      { host: 'beta.atlassian.net', firstSeenAt: T0, lastSeenAt: T0, cloudId: { ...known, state: 'unknown', cloudId: null, sentence: 'Not read yet.' } },
    ];
    const nodes = render(ready({}, sites));
    expect(byTestId(nodes, 'known-sites')).toHaveLength(1);
    const items = byTestId(nodes, 'known-site').map((e) => textOf(e.children));
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(HOST);
    expect(items[0]).toContain(CLOUD_ID);
    expect(items[1]).toContain('Not read yet.');
  });

  it('keeps a section for tokens and a heading per section', () => {
    const nodes = render(ready({}));
    expect(byTestId(nodes, 'tokens-section')).toHaveLength(1);
    expect(findAll(nodes, (e) => e.tag === 'h2').map((e) => textOf(e.children))).toEqual(['This tab', 'Tokens', 'Known Cloud sites']);
  });

  it('shows errors as an alert', () => {
    const nodes = render({ status: 'error', message: 'The background did not answer.' });
    expect(findAll(nodes, (e) => e.props.role === 'alert').map((e) => textOf(e.children))).toEqual(['The background did not answer.']);
  });
});
