// Adding a Data Center site, its pages being recognised and acted on, and removing it, through the
// background's messages against the simulator (the browser's side faked: scripting, menus).
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_OTHER_HOSTS, SIM_PAGES, SIM_TOKENS } from '../../../tests/simulator/index';
import { useSimulator } from '../../../tests/simulator/use-simulator';
import type { RegisteredScript } from '../../core/content-scripts/dynamic-content-scripts';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';
import { dcScriptId } from './dc-site-scripts';

const sim = useSimulator();
const KEY = SIM_DC.baseUrl;
const ORIGIN = `https://${SIM_DC.host}`;
const HOME = SIM_PAGES.dcHome;

function setUp(granted: string[] = [ORIGIN]) {
  const registered = new Map<string, RegisteredScript>();
  const menus: string[][] = [];
  const removed: string[] = [];
  const bg = createTestBackground({
    fetch: sim.fetch,
    grantedOrigins: granted,
    dataCenter: {
      scripting: {
        registerContentScripts: async (scripts) => void scripts.forEach((s) => registered.set(s.id, s)),
        unregisterContentScripts: async ({ ids }) => void ids.forEach((id) => registered.delete(id)),
        getRegisteredContentScripts: async () => [...registered.values()],
      },
      contentScriptFiles: ['/content-scripts/content.js'],
      removeAccess: async (pattern) => (removed.push(pattern), true),
      rebuildMenus: async (sites) => void menus.push([...sites]),
      requestAccess: async () => true,
      readPageTags: async () => null,
      injectContentScript: async () => {},
    },
  });
  return { bg, registered, menus, removed };
}

type Reply = { ok: boolean; data: any; reason?: string };

describe('a Data Center site, from adding to removing', () => {
  it('is added after one unauthenticated probe, recognised on its pages, acted on with its PAT, and removed', async () => {
    const { bg, registered, menus, removed } = setUp();
    const added = (await bg.route({ type: 'dc-site-add', baseUrl: `${KEY}/` }, OPTIONS_PAGE)) as Reply;
    expect(added.data).toMatchObject({ ok: true, alreadyAdded: false, site: { baseUrl: KEY, host: SIM_DC.host, version: '8.5.4', accessGranted: true, scriptRegistered: true } });
    expect(sim.log.map((e) => [e.host, e.authKind])).toEqual(sim.log.map(() => [SIM_DC.host, 'none']));
    expect(registered.get(dcScriptId(KEY))?.matches).toEqual([`${KEY}/*`]);
    expect(menus.at(-1)).toEqual([KEY]);

    // The content script on a page of the site.
    const url = `${KEY}/spaces/DEV/pages/${HOME.id}/DC+Home`;
    const sender = { ...bg.openTab(3, url), origin: ORIGIN };
    const context = { kind: 'content', host: KEY, contentId: HOME.id, contentType: 'page', view: 'view', spaceKey: 'DEV' };
    const seen = (await bg.route({ type: 'page-seen', host: KEY, context, version: '8.5.4' }, sender)) as Reply;
    expect(seen.data).toEqual({ fetchCloudId: false });
    const state = (await bg.route({ type: 'get-tab-state', tabId: 3 }, POPUP)) as Reply;
    expect(state.data).toMatchObject({ host: KEY, context, site: null, cloudId: { state: 'unknown' }, dataCenter: { baseUrl: KEY, host: SIM_DC.host, version: '8.5.4' } });

    // Without a token: told which token to add; with carol's PAT the watch goes out as Bearer.
    const none = (await bg.route({ type: 'action-run', action: 'watch-status', tabId: 3 }, POPUP)) as Reply;
    expect(none.data).toMatchObject({ ok: false, failure: { class: 'no-token', message: expect.stringContaining(KEY) } });
    await bg.route({ type: 'tokens-add', input: { label: 'Carol PAT', kind: 'dc-pat', secret: SIM_TOKENS.carolPat.secret, dcBaseUrl: KEY } }, OPTIONS_PAGE);
    sim.clearLog();
    const status = (await bg.route({ type: 'action-run', action: 'watch-status', tabId: 3 }, POPUP)) as Reply;
    expect(status.data).toMatchObject({ ok: true, watching: true });
    expect(sim.log.every((e) => e.host === SIM_DC.host && e.authKind === 'bearer')).toBe(true);

    const gone = (await bg.route({ type: 'dc-site-remove', baseUrl: KEY }, OPTIONS_PAGE)) as Reply;
    // The saved PAT still needs the origin: its access stays; the script and the menus go.
    expect(gone.data).toEqual({ removed: true, accessRemoved: false });
    expect(removed).toEqual([]);
    expect(registered.size).toBe(0);
    expect(menus.at(-1)).toEqual([]);
    const after = (await bg.route({ type: 'action-run', action: 'watch-status', tabId: 3 }, POPUP)) as Reply;
    expect(after.data).toMatchObject({ ok: false, failure: { message: expect.stringContaining('not among your Data Center sites') } });
    const list = (await bg.route({ type: 'tokens-list' }, OPTIONS_PAGE)) as Reply;
    expect(list.data.tokens.map((t: { label: string }) => t.label)).toEqual(['Carol PAT']);
  });

  it('a page claiming a site that was not added is not heard', async () => {
    const { bg } = setUp();
    const url = `${KEY}/pages/viewpage.action?pageId=${HOME.id}`;
    const sender = { ...bg.openTab(5, url), origin: ORIGIN };
    const context = { kind: 'content', host: KEY, contentId: HOME.id, contentType: 'page', view: 'view', spaceKey: null };
    const reply = (await bg.route({ type: 'page-seen', host: KEY, context }, sender)) as Reply;
    expect(reply.ok).toBe(false);
    const state = (await bg.route({ type: 'get-tab-state', tabId: 5 }, POPUP)) as Reply;
    expect(state.data).toMatchObject({ host: null, context: null, dataCenter: null });
  });

  it.each([
    [`https://${SIM_OTHER_HOSTS.notConfluence}`, 'not-confluence'],
    [`https://${SIM_OTHER_HOSTS.unreachable}`, 'unreachable'],
  ])('%s is refused (%s), nothing saved, its access given back', async (baseUrl, problem) => {
    const origin = new URL(baseUrl).origin;
    const { bg, removed, registered } = setUp([origin]);
    const reply = (await bg.route({ type: 'dc-site-add', baseUrl }, OPTIONS_PAGE)) as Reply;
    expect(reply.data).toMatchObject({ ok: false, problem, sentence: expect.stringContaining('Nothing was saved.') });
    expect(((await bg.route({ type: 'dc-sites-list' }, OPTIONS_PAGE)) as Reply).data).toEqual({ sites: [] });
    expect(removed).toEqual([`${origin}/*`]);
    expect(registered.size).toBe(0);
  });
});
