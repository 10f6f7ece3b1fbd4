// Page actions on a Data Center site, against the simulator's Data Center server
// (`https://confluence.dc.test/confluence`, PAT Bearer, v1 only): the dispatcher with the real
// request client, send route and identity confirmations, a vault holding a PAT.
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_PAGES, SIM_TOKENS, SIM_USERS } from '../../../tests/simulator/index';
import { useSimulator } from '../../../tests/simulator/use-simulator';
import type { ActivityEntry } from '../../atlassian/activity-log';
import { createAtlassianClient } from '../../atlassian/client';
import { jsonResponse, scriptedFetch } from '../../atlassian/testing/scripted-fetch';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { siteOfKey } from '../../sites/site-key';
import type { Site } from '../../sites/site';
import type { FetchLike } from '../../atlassian/download-redirect';
import { createIdentityConfirmations } from '../token-checks/identity-confirmations';
import { sendRoute } from '../token-checks/send-route';
import type { TokenFormInput } from '../tokens/token-form-input';
import { createTokenVault } from '../tokens/token-vault';
import type { ActionName } from './action-names';
import { createActionDispatcher } from './dispatcher';
import type { PageActionCall } from './page-action';
import { watchAction } from './watch';

const sim = useSimulator();
const KEY = SIM_DC.baseUrl; // the site key of a Data Center site is its base URL
const HOME = SIM_PAGES.dcHome; // 4000001 in DEV
const API = `${SIM_DC.contextPath}/rest/api`;
const PAT = SIM_TOKENS.carolPat.secret;
/** A second Data Center site the person added, with no token of its own. */
const OTHER_KEY = 'https://other.dc.test/confluence';

async function setUp(patch: Partial<TokenFormInput> = {}, fetch: FetchLike = (url, init) => sim.fetch(url, init)) {
  const logged: ActivityEntry[] = [];
  const client = createAtlassianClient({ fetch, now: () => Date.now(), sleep: async () => {}, random: () => 0.5, onActivity: (e) => logged.push(e) });
  const vault = createTokenVault({ local: createMemoryStorageArea(), session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10) });
  // No expiry: Data Center allows tokens without one.
  const added = await vault.add({ label: 'Server', kind: 'dc-pat', secret: PAT, dcBaseUrl: `${KEY}/`, ...patch });
  if (!added.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
  const confirmations = createIdentityConfirmations({ client });
  const routeDeps = { vault, client, cloudIds: { get: async () => ({ ok: false as const, failure: { class: 'no-cloud-id' as const, message: 'none', fix: 'none' } }) }, confirmations };
  const dispatcher = createActionDispatcher({
    today: () => '2025-03-10',
    vault,
    client,
    sendRoute: (token, secret, host, revision) => sendRoute(routeDeps, token, secret, host, revision),
    confirmIdentity: (token, revision, route) => confirmations.confirm(token, revision, route),
    dcSiteKeys: async () => [KEY, OTHER_KEY],
    tabPage: async () => {
      throw new Error('not used: targets are given');
    },
  });
  const target = { tabId: 5, host: KEY, context: { kind: 'content' as const, host: KEY, contentId: HOME.id, contentType: 'page' as const, view: 'view' as const, spaceKey: 'DEV' } };
  const run = (action: ActionName, spaceKey: string | null = 'DEV') => dispatcher.dispatch(action, { ...target, context: { ...target.context, spaceKey } });
  const apiCalls = () => sim.log.filter((e) => e.path.startsWith(API)).map((e) => `${e.method} ${e.path.slice(API.length)} ${e.status}`);
  return { run, dispatcher, logged, apiCalls, tokenId: added.token.id, client };
}

describe('the page card on Data Center', () => {
  it('links go to the server under its context path, never to a Cloud host', async () => {
    const { run } = await setUp();
    const result = await run('page-card');
    expect(result).toMatchObject({
      ok: true,
      card: {
        id: HOME.id,
        title: 'DC Home',
        spaceKey: 'DEV',
        webUrl: `${KEY}/display/DEV/DC+Home`,
        tinyUrl: expect.stringMatching(new RegExp(`^${KEY.replace(/[./]/g, '\\$&')}/x/[A-Za-z0-9_-]+$`)),
      },
    });
    expect(JSON.stringify(result)).not.toContain('atlassian.net');
  });
});

describe('copy actions on Data Center', () => {
  it('page link, tiny link, Markdown, REST v1 and a Bearer curl; no REST v2; no secret in any', async () => {
    const { run } = await setUp();
    const copied = async (action: ActionName) => {
      const result = await run(action);
      expect(result, action).toMatchObject({ ok: true });
      if (!result.ok || !result.copy) throw new Error(`${action}: nothing copied`);
      expect(JSON.stringify(result)).not.toContain(PAT);
      return result.copy.text;
    };
    const link = await copied('copy-link');
    expect(link).toBe(`${KEY}/display/DEV/DC+Home`);
    const tiny = await copied('copy-tiny-link');
    expect(tiny.startsWith(`${KEY}/x/`)).toBe(true);
    // The tiny link opens the same page on the server.
    const opened = await sim.fetch(tiny);
    expect(await opened.text()).toContain(`name="ajs-page-id" content="${HOME.id}"`);
    expect(await copied('copy-markdown')).toBe(`[DC Home](${KEY}/display/DEV/DC+Home)`);
    expect(await copied('copy-rest-v1')).toBe(`${KEY}/rest/api/content/${HOME.id}`);
    expect(await copied('copy-curl')).toBe(
      `curl --fail-with-body -sS -H "Authorization: Bearer $CONFLUENCE_PAT" -H 'Accept: application/json' '${KEY}/rest/api/content/${HOME.id}?expand=body.storage,version'`,
    );
    expect(await run('copy-rest-v2')).toMatchObject({ ok: false, failure: { class: 'no-page', message: expect.stringContaining('on Data Center') } });
  });
});

describe('watching on Data Center', () => {
  it('reads the bare boolean, unwatches, watches (200 with a ContentWatch body); one identity confirmation first', async () => {
    const { run, apiCalls, logged } = await setUp();
    // Carol watches her home page in the simulator's fixtures.
    expect(await run('watch-status')).toEqual({ ok: true, watching: true, sentence: 'The account of “Server” watches this page.' });
    expect(await run('unwatch')).toMatchObject({ ok: true, watching: false });
    expect(await run('watch-status')).toEqual({ ok: true, watching: false, sentence: 'The account of “Server” does not watch this page.' });
    expect(await run('watch')).toMatchObject({ ok: true, watching: true });
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: true });
    expect(await run('toggle-watch')).toMatchObject({ ok: true, watching: false });
    const watch = `/user/watch/content/${HOME.id}`;
    expect(apiCalls()).toEqual([
      'GET /user/current 200',
      `GET ${watch} 200`,
      `DELETE ${watch} 204`,
      `GET ${watch} 200`,
      `POST ${watch} 200`,
      `GET ${watch} 200`,
      `GET ${watch} 200`,
      `DELETE ${watch} 204`,
    ]);
    // Every call went with the PAT as Bearer, and is logged under the server's host.
    expect(sim.log.filter((e) => e.path.startsWith(API)).every((e) => e.authKind === 'bearer')).toBe(true);
    expect(new Set(logged.map((e) => e.site))).toEqual(new Set([SIM_DC.host]));
  });

  it('the space: read, watch, unwatch; the space key from the content when the address has none', async () => {
    const { run, apiCalls } = await setUp();
    expect(await run('space-watch-status')).toMatchObject({ ok: true, spaceWatching: false, sentence: 'The account of “Server” does not watch the space DEV.' });
    expect(await run('watch-space')).toMatchObject({ ok: true, spaceWatching: true });
    expect(await run('space-watch-status', null)).toMatchObject({ ok: true, spaceWatching: true });
    expect(await run('unwatch-space')).toMatchObject({ ok: true, spaceWatching: false });
    expect(apiCalls()).toEqual([
      'GET /user/current 200',
      'GET /user/watch/space/DEV 200',
      'POST /user/watch/space/DEV 200',
      `GET /content/${HOME.id}?expand=space 200`,
      'GET /user/watch/space/DEV 200',
      'DELETE /user/watch/space/DEV 204',
    ]);
  });

  it('a read-only PAT: watch, toggle and space watch refused before the network', async () => {
    const { run } = await setUp({ readOnly: true });
    sim.clearLog();
    for (const action of ['watch', 'unwatch', 'toggle-watch', 'watch-space', 'unwatch-space'] as const) {
      expect(await run(action), action).toMatchObject({ ok: false, failure: { class: 'read-only-refused' } });
    }
    expect(sim.log).toEqual([]);
    // Reads still work with it.
    expect(await run('watch-status')).toMatchObject({ ok: true });
  });

  it('the read-only guard refuses with a Data Center site as with a Cloud one', async () => {
    const { client } = await setUp();
    const site = siteOfKey(KEY)!;
    expect(client.refuseWrite({ credential: { label: 'Server', readOnly: true }, site, operation: 'addContentWatcher' })).toMatchObject({ class: 'read-only-refused' });
    expect(client.refuseWrite({ credential: { label: 'Server', readOnly: true }, site, operation: 'getContentWatchStatus' })).toBeUndefined();
    expect(client.refuseWrite({ credential: { label: 'Server', readOnly: false }, site, operation: 'addContentWatcher' })).toBeUndefined();
  });
});

describe('which token acts on a Data Center site', () => {
  it('only the PAT of that server: another server, or a Cloud site, finds none', async () => {
    const { dispatcher, tokenId } = await setUp();
    expect((await dispatcher.tokensFor(KEY)).chosen?.id).toBe(tokenId);
    expect((await dispatcher.tokensFor('https://confluence.dc.test/wiki')).tokens).toEqual([]);
    expect((await dispatcher.tokensFor(SIM_DC.host)).tokens).toEqual([]);
    expect((await dispatcher.tokensFor('acme.atlassian.net')).tokens).toEqual([]);
    expect((await dispatcher.tokensFor(OTHER_KEY)).tokens).toEqual([]);
    expect(await dispatcher.routeFor(OTHER_KEY)).toMatchObject({ ok: false, failure: { class: 'no-token' } });
  });

  it('a PAT the server answers as the anonymous user gets the anonymous failure, and nothing else is sent', async () => {
    const fake = scriptedFetch([
      jsonResponse({ type: 'anonymous', displayName: 'Anonymous', _links: { base: KEY, context: SIM_DC.contextPath } }),
    ]);
    const { run } = await setUp({}, fake.fetch);
    expect(await run('watch')).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${KEY}/rest/api/user/current`]);
    expect(fake.calls[0]!.headers.authorization).toBe(`Bearer ${PAT}`);
  });
});

describe('a watch POST that answers with a body', () => {
  it('200 with a ContentWatch is done, as 204 is on Cloud', async () => {
    const fake = scriptedFetch([jsonResponse({ type: 'page', watcher: { type: 'known', username: 'carol', userKey: 'k1', displayName: SIM_USERS.carol.displayName }, contentId: Number(HOME.id) })]);
    const client = createAtlassianClient({ fetch: fake.fetch, now: () => 0, sleep: async () => {}, random: () => 0.5, onActivity: () => {} });
    const site: Site = siteOfKey(KEY)!;
    const call: PageActionCall = {
      client,
      credential: { label: 'Server', kind: 'dc-pat', secret: PAT, readOnly: false },
      site,
      target: { tabId: 1, host: KEY, context: { kind: 'content', host: KEY, contentId: HOME.id, contentType: 'page', view: 'view', spaceKey: 'DEV' } },
    };
    expect(await watchAction.run(call)).toMatchObject({ ok: true, watching: true });
    expect(fake.calls[0]).toMatchObject({ method: 'POST', url: `${KEY}/rest/api/user/watch/content/${HOME.id}` });
    expect(fake.calls[0]!.headers['x-atlassian-token']).toBe('no-check');
  });
});
