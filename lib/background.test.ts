import { describe, expect, it } from 'vitest';
import { CLOUD_ID_RETRY_DELAY_MS } from './features/pages/cloud-id-policy';
import { createMessageRouter } from './core/messaging/router';
import { backgroundMessages, type BackgroundDeps } from './background';
import { createTestBackground, EXTENSION as extension, OPTIONS_PAGE, POPUP, T0 } from './testing/background';

const HOST = 'acme.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const PAGE_URL = `https://${HOST}/wiki/spaces/ENG/pages/6180601871/Release+notes`;

const pageContext = { kind: 'content', host: HOST, contentId: '6180601871', contentType: 'page', view: 'view', spaceKey: 'ENG' } as const;

function setup() {
  return createTestBackground();
}

describe('page-seen and cloud-id-result', () => {
  it('records the tab and site, asks one tab for tenant_info, and stores a valid cloudId', async () => {
    const { route, openTab, deps } = setup();
    const tab = openTab(4, PAGE_URL);
    expect(await route({ type: 'page-seen', host: HOST, context: pageContext }, tab)).toEqual({ ok: true, data: { fetchCloudId: true } });
    expect(await deps.tabContexts.get(4)).toEqual({ url: PAGE_URL, context: pageContext, reportedAt: T0 });

    const pending = await route({ type: 'get-tab-state', tabId: 4 }, POPUP);
    expect(pending).toMatchObject({ ok: true, data: { host: HOST, context: pageContext, cloudId: { state: 'pending' } } });

    const result = await route({ type: 'cloud-id-result', host: HOST, ok: true, bodyText: `{"cloudId":"${CLOUD_ID}"}` }, tab);
    expect(result).toEqual({ ok: true, data: { recorded: true } });

    const known = await route({ type: 'get-tab-state', tabId: 4 }, POPUP);
    expect(known).toMatchObject({
      ok: true,
      data: {
        tabId: 4,
        host: HOST,
        context: pageContext,
        site: { host: HOST, firstSeenAt: T0, lastSeenAt: T0, cloudId: { state: 'known', cloudId: CLOUD_ID } },
        cloudId: { state: 'known', cloudId: CLOUD_ID, fetchedAt: T0 },
      },
    });
  });

  it('lets ten tabs loading the site at once fetch tenant_info only once', async () => {
    const { route, openTab } = setup();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => route({ type: 'page-seen', host: HOST, context: pageContext }, openTab(10 + i, PAGE_URL))),
    );
    expect(replies.filter((r) => r.ok && (r.data as { fetchCloudId: boolean }).fetchCloudId)).toHaveLength(1);
  });

  it('records a malformed tenant_info as an error, shown with its retry time', async () => {
    const { route, openTab, local } = setup();
    const tab = openTab(4, PAGE_URL);
    await route({ type: 'page-seen', host: HOST, context: pageContext }, tab);
    await route({ type: 'cloud-id-result', host: HOST, ok: true, bodyText: '{"cloudId":"12345"}' }, tab);
    const state = await route({ type: 'get-tab-state', tabId: 4 }, POPUP);
    expect(state).toMatchObject({
      ok: true,
      data: { cloudId: { state: 'error', cloudId: null, retryAt: T0 + CLOUD_ID_RETRY_DELAY_MS } },
    });
    expect(state.ok && (state.data as { cloudId: { sentence: string } }).cloudId.sentence).toMatch(/^Could not read this site's cloudId/);
    expect(JSON.stringify(local.dump())).not.toContain('12345');
  });

  it('refuses a sender whose tab is on another host, and acts on nothing', async () => {
    const { route, openTab, local, session } = setup();
    const tab = openTab(4, 'https://other.atlassian.net/wiki/spaces/ENG/pages/6180601871');
    const reply = await route({ type: 'page-seen', host: HOST, context: pageContext }, tab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    expect(local.dump()).toEqual({});
    expect(session.dump()).toEqual({});
  });

  it('refuses a context that contradicts the page URL', async () => {
    const { route, openTab, local } = setup();
    const wrongId = { ...pageContext, contentId: '42' };
    expect(await route({ type: 'page-seen', host: HOST, context: wrongId }, openTab(4, PAGE_URL))).toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
    const jira = openTab(5, `https://${HOST}/browse/ENG-1`);
    expect(await route({ type: 'page-seen', host: HOST, context: pageContext }, jira)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(local.dump()).toEqual({});
  });

  it('accepts meta-derived contexts where the URL has no id', async () => {
    const { route, openTab } = setup();
    const tab = openTab(4, `https://${HOST}/wiki/display/ENG/Release+notes`);
    expect(await route({ type: 'page-seen', host: HOST, context: pageContext }, tab)).toMatchObject({ ok: true });
  });

  it('does not take popup messages from a content script, nor content messages from the popup', async () => {
    const { route, openTab } = setup();
    const tab = openTab(4, PAGE_URL);
    expect(await route({ type: 'get-tab-state', tabId: 4 }, tab)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    expect(await route({ type: 'list-sites' }, tab)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    expect(await route({ type: 'page-seen', host: HOST, context: pageContext }, POPUP)).toMatchObject({
      ok: false,
      error: { code: 'unauthorised-sender' },
    });
  });
});

describe('get-tab-state', () => {
  it('says a tab outside Atlassian (URL withheld) is not Confluence', async () => {
    const { route, openTab } = setup();
    openTab(8, undefined);
    expect(await route({ type: 'get-tab-state', tabId: 8 }, POPUP)).toMatchObject({
      ok: true,
      data: { tabId: 8, host: null, context: null, site: null, cloudId: { state: 'unknown' } },
    });
  });

  it('ignores a stored report once the tab has moved on, and reads the current URL instead', async () => {
    const { route, openTab } = setup();
    const tab = openTab(4, PAGE_URL);
    await route({ type: 'page-seen', host: HOST, context: pageContext }, tab);
    openTab(4, `https://${HOST}/jira/software/projects/ENG/boards/1`);
    expect(await route({ type: 'get-tab-state', tabId: 4 }, POPUP)).toMatchObject({
      ok: true,
      data: { host: HOST, context: null, site: { host: HOST } },
    });
    openTab(4, `https://${HOST}/wiki/spaces/OPS/pages/77`);
    expect(await route({ type: 'get-tab-state', tabId: 4 }, POPUP)).toMatchObject({
      ok: true,
      data: { context: { kind: 'content', contentId: '77', spaceKey: 'OPS' } },
    });
    openTab(4, `${PAGE_URL}#heading`);
    expect(await route({ type: 'get-tab-state', tabId: 4 }, POPUP)).toMatchObject({ ok: true, data: { context: pageContext } });
  });

  it('reads an Atlassian tab the content script has not reported yet from its URL', async () => {
    const { route, openTab } = setup();
    openTab(6, `https://${HOST}/wiki/x/LIQHD`);
    expect(await route({ type: 'get-tab-state', tabId: 6 }, POPUP)).toMatchObject({
      ok: true,
      data: { host: HOST, context: { contentId: '201819180' }, site: null, cloudId: { state: 'unknown' } },
    });
  });

  it('answers a missing tab with an error', async () => {
    const { route } = setup();
    expect(await route({ type: 'get-tab-state', tabId: 99 }, POPUP)).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('forgets a closed tab', async () => {
    const { route, openTab, deps } = setup();
    await route({ type: 'page-seen', host: HOST, context: pageContext }, openTab(4, PAGE_URL));
    await route({ type: 'page-seen', host: HOST, context: pageContext }, openTab(5, PAGE_URL));
    await deps.tabContexts.remove(4);
    expect(await deps.tabContexts.get(4)).toBeNull();
    expect(await deps.tabContexts.get(5)).not.toBeNull();
  });
});

describe('list-sites', () => {
  it('lists known sites, most recently seen first, without internal bookkeeping', async () => {
    const { route, openTab, advance } = setup();
    await route({ type: 'page-seen', host: HOST, context: pageContext }, openTab(1, PAGE_URL));
    advance(1000);
    const beta = { kind: 'confluence-other', host: 'beta.atlassian.net', spaceKey: null, contentIdUnresolved: false } as const;
    await route({ type: 'page-seen', host: 'beta.atlassian.net', context: beta }, openTab(2, 'https://beta.atlassian.net/wiki/home'));
    const reply = await route({ type: 'list-sites' }, POPUP);
    expect(reply).toEqual({
      ok: true,
      data: {
        sites: [
          { host: 'beta.atlassian.net', firstSeenAt: T0 + 1000, lastSeenAt: T0 + 1000, cloudId: expect.objectContaining({ state: 'pending' }) },
          { host: HOST, firstSeenAt: T0, lastSeenAt: T0, cloudId: expect.objectContaining({ state: 'pending' }) },
        ],
      },
    });
    expect(JSON.stringify(reply)).not.toContain('Lease');
  });
});

describe('the router', () => {
  it('answers unknown and malformed messages with typed errors', async () => {
    const { route } = setup();
    for (const message of [null, 'list-sites', 42, {}, { type: 7 }, { type: 'fetch', url: 'https://evil.example' }, { type: 'toString' }, { type: '__proto__' }]) {
      expect(await route(message, POPUP), JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    }
    expect(await route({ type: 'get-tab-state', tabId: '4' }, POPUP)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message', message: expect.stringContaining('tabId') },
    });
  });

  it('hides handler failures behind a generic error and reports them', async () => {
    const { deps, errors } = setup();
    const failing: BackgroundDeps = { ...deps, getTab: async () => Promise.reject(new Error('secret detail')) };
    const route = createMessageRouter<BackgroundDeps>(backgroundMessages, failing, extension, (_t, e) => errors.push(e));
    const reply = await route({ type: 'get-tab-state', tabId: 1 }, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'The background could not handle "get-tab-state".' } });
    expect(errors).toHaveLength(1);
  });

  it('refuses two definitions of the same message', () => {
    const { deps } = setup();
    expect(() => createMessageRouter<BackgroundDeps>([...backgroundMessages, backgroundMessages[0]], deps, extension)).toThrow(/Two definitions/);
  });
});

describe('change notices', () => {
  it('tell pages what changed, per store, and never carry data', async () => {
    const { route, openTab, notices } = setup();
    const tab = openTab(4, PAGE_URL);
    await route({ type: 'page-seen', host: HOST, context: pageContext }, tab);
    expect(new Set(notices)).toEqual(new Set(['tabs', 'sites']));

    notices.length = 0;
    await route({ type: 'get-tab-state', tabId: 4 }, POPUP);
    await route({ type: 'list-sites' }, POPUP);
    await route({ type: 'tokens-list' }, POPUP);
    expect(notices, 'reading changes nothing').toEqual([]);

    const input = { label: 'Work', kind: 'classic', email: 'ada@example.com', secret: 'fake-secret-0123456789', expiresOn: '2025-06-08', sites: [HOST] };
    const added = await route({ type: 'tokens-add', input }, OPTIONS_PAGE);
    expect(added).toMatchObject({ ok: true, data: { ok: true } });
    expect(notices).toContain('tokens');
    expect(notices.every((topic) => topic === 'tokens')).toBe(true);

    notices.length = 0;
    await route({ type: 'activity-clear' }, OPTIONS_PAGE);
    expect(notices).toEqual(['activity']);
  });
});

describe('a damaged site registry', () => {
  it('is reported in a sentence per part, keeps tokens usable, and is reset only on request', async () => {
    const { route, local, openTab } = setup();
    await local.set({ sites: { schemaVersion: 2, data: { sites: [{ host: 42 }] } } });
    const damaged = JSON.stringify((await local.get('sites')).sites);

    expect(await route({ type: 'list-sites' }, POPUP)).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('known sites is damaged') } });
    expect(await route({ type: 'tokens-list' }, POPUP)).toMatchObject({ ok: true, data: { tokens: [], knownCloudSites: [] } });
    openTab(4, PAGE_URL);
    expect(await route({ type: 'get-tab-state', tabId: 4 }, POPUP)).toMatchObject({
      ok: true,
      data: { host: HOST, site: null, cloudId: { state: 'error', sentence: expect.stringContaining('damaged') } },
    });
    expect(JSON.stringify((await local.get('sites')).sites), 'nothing overwritten').toBe(damaged);

    expect(await route({ type: 'sites-reset' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { reset: true } });
    expect(await route({ type: 'list-sites' }, POPUP)).toEqual({ ok: true, data: { sites: [] } });
  });
});

describe('damaged saved tokens', () => {
  it.each([{ schemaVersion: 3, data: 'garbage' }, { schemaVersion: 3, data: { tokens: 'x', lock: null } }, 'nonsense'])(
    'are told in a sentence, the rest still works, and nothing is changed until tokens-reset (%j)',
    async (damaged) => {
      const { route, local } = setup();
      await local.set({ tokens: damaged });
      expect(await route({ type: 'tokens-list' }, OPTIONS_PAGE)).toMatchObject({
        ok: false,
        error: { code: 'rejected', message: expect.stringContaining('saved tokens are damaged') },
      });
      expect(await route({ type: 'activity-list', filter: 'all' }, OPTIONS_PAGE)).toMatchObject({ ok: true });
      expect(await route({ type: 'list-sites' }, POPUP)).toMatchObject({ ok: true });
      expect((await local.get('tokens')).tokens, 'left as it was').toEqual(damaged);

      expect(await route({ type: 'tokens-reset' }, OPTIONS_PAGE)).toEqual({ ok: true, data: { reset: true } });
      expect(await route({ type: 'tokens-list' }, OPTIONS_PAGE)).toMatchObject({ ok: true, data: { tokens: [], lock: 'none' } });
    },
  );
});
