// Page actions against the Confluence simulator's real HTTP answers: the background as the
// service worker builds it, with the simulator as its network.
import { describe, expect, it } from 'vitest';
import { SIM_PAGES, SIM_SCOPES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../../../tests/simulator/index';
import { useSimulator } from '../../../tests/simulator/use-simulator';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';
import type { TokenFormInput } from '../tokens/token-form-input';

const sim = useSimulator();
const { acme } = SIM_SITES;
const PAGE = SIM_PAGES.releaseNotes; // tiny link /wiki/x/LIQHD
const PAGE_URL = `https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes`;

type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };

async function setUp(input: Partial<TokenFormInput> = {}) {
  const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init) });
  const send = async (message: unknown, sender = OPTIONS_PAGE) => (await bg.route(message, sender)) as Reply;
  const add = async (patch: Partial<TokenFormInput>) => {
    const added = await send({
      type: 'tokens-add',
      input: { label: 'Work', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [acme.host], ...patch },
    });
    if (!added.ok || !added.data.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
    return added.data.token.id as string;
  };
  const id = await add(input);
  const context = { kind: 'content', host: acme.host, contentId: PAGE.id, contentType: 'page', view: 'view', spaceKey: 'ENG' };
  await bg.route({ type: 'page-seen', host: acme.host, context }, bg.openTab(5, PAGE_URL));
  await bg.deps.sites.cloudIdRead(acme.host, acme.cloudId, Date.now());
  const run = async (action: string) => (await send({ type: 'action-run', action, tabId: 5 }, POPUP)).data;
  return { bg, send, run, add, id };
}

describe('the page card', () => {
  it('comes from one call: title, space name and key, version, who updated it, labels, links on the site', async () => {
    const { run } = await setUp();
    sim.clearLog();
    const result = await run('page-card');
    expect(result).toMatchObject({
      ok: true,
      card: {
        id: PAGE.id,
        type: 'page',
        title: 'Release Notes',
        spaceKey: 'ENG',
        spaceName: 'Engineering',
        version: expect.any(Number),
        updatedBy: expect.any(String),
        labels: ['release', 'notes'],
        webUrl: `https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes`,
        tinyUrl: `https://${acme.host}/wiki/x/LIQHD`,
      },
    });
    expect(sim.log.filter((e) => e.path.startsWith('/wiki/rest/api/content/'))).toHaveLength(1);
  });

  it('a scoped token reads it through the gateway, and its links still point at the site', async () => {
    const { run } = await setUp({ kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret });
    const result = await run('page-card');
    expect(result.card.webUrl).toBe(`https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes`);
    expect(sim.log.some((e) => e.host === 'api.atlassian.com' && e.path.includes(`/content/${PAGE.id}`))).toBe(true);
  });
});

describe('copy actions', () => {
  it('each gives its text: link, tiny link, id, Markdown, REST v1 and v2, curl; no secret and no email in any', async () => {
    const { run } = await setUp();
    const copied = async (action: string) => {
      const result = await run(action);
      expect(result, action).toMatchObject({ ok: true });
      return result.copy.text as string;
    };
    expect(await copied('copy-link')).toBe(`https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes`);
    expect(await copied('copy-tiny-link')).toBe(`https://${acme.host}/wiki/x/LIQHD`);
    expect(await copied('copy-id')).toBe(PAGE.id);
    expect(await copied('copy-markdown')).toBe(`[Release Notes](https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes)`);
    expect(await copied('copy-rest-v1')).toBe(`https://${acme.host}/wiki/rest/api/content/${PAGE.id}`);
    expect(await copied('copy-rest-v2')).toBe(`https://${acme.host}/wiki/api/v2/pages/${PAGE.id}`);
    const curl = await copied('copy-curl');
    expect(curl).toBe(
      `curl --fail-with-body -sS -u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN" -H 'Accept: application/json' 'https://${acme.host}/wiki/rest/api/content/${PAGE.id}?expand=body.storage,version'`,
    );
    for (const action of ['copy-link', 'copy-tiny-link', 'copy-id', 'copy-markdown', 'copy-rest-v1', 'copy-rest-v2', 'copy-curl']) {
      const text = JSON.stringify(await run(action));
      expect(text).not.toContain(SIM_TOKENS.aliceClassic.secret);
      expect(text).not.toContain(SIM_USERS.alice.email);
    }
  });

  it('a scoped token: the REST URLs and curl go through the gateway with the cloudId', async () => {
    const { run } = await setUp({ kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret });
    const base = `https://api.atlassian.com/ex/confluence/${acme.cloudId}/wiki`;
    expect((await run('copy-rest-v1')).copy.text).toBe(`${base}/rest/api/content/${PAGE.id}`);
    expect((await run('copy-rest-v2')).copy.text).toBe(`${base}/api/v2/pages/${PAGE.id}`);
    expect((await run('copy-curl')).copy.text).toContain(`'${base}/rest/api/content/${PAGE.id}?expand=body.storage,version'`);
  });

  it('a title with brackets stays one Markdown link', async () => {
    const { markdownLink } = await import('./copy-texts');
    expect(markdownLink('Notes [draft] (v2)', 'https://a.atlassian.net/wiki/x/(y)')).toBe('[Notes \\[draft\\] (v2)](https://a.atlassian.net/wiki/x/%28y%29)');
  });
});

describe('watching the page and its space', () => {
  it('toggle watches, then unwatches; the space watch is read and changed the same way', async () => {
    const { run } = await setUp();
    expect(await run('toggle-watch')).toMatchObject({ ok: true, watching: true });
    expect(await run('toggle-watch')).toMatchObject({ ok: true, watching: false });
    expect(await run('unwatch-space')).toMatchObject({ ok: true, spaceWatching: false });
    expect(await run('space-watch-status')).toMatchObject({ ok: true, spaceWatching: false });
    expect(await run('watch-space')).toMatchObject({ ok: true, spaceWatching: true });
    expect(await run('space-watch-status')).toMatchObject({ ok: true, spaceWatching: true });
    expect(sim.log.some((e) => e.method === 'POST' && e.path === '/wiki/rest/api/user/watch/space/ENG')).toBe(true);
    expect(sim.log.some((e) => e.method === 'DELETE' && e.path === '/wiki/rest/api/user/watch/space/ENG')).toBe(true);
  });

  it('a read-only token: watch and toggle refused before the network', async () => {
    const { run } = await setUp({ readOnly: true });
    sim.clearLog();
    expect(await run('toggle-watch')).toMatchObject({ ok: false, failure: { class: 'read-only-refused' } });
    expect(await run('watch-space')).toMatchObject({ ok: false, failure: { class: 'read-only-refused' } });
    expect(sim.log).toEqual([]);
  });

  it('a scoped token without write:watcher:confluence: the missing scope is named', async () => {
    sim.control.addToken({
      name: 'aliceScopedNoWrite',
      kind: 'scoped',
      secret: 'SIMscoped-alice-nowrite-Zx8cV1bN4m',
      user: 'alice',
      sites: [acme.host],
      scopes: SIM_SCOPES.companion.filter((s) => s !== 'write:watcher:confluence'),
    });
    const { run } = await setUp({ kind: 'scoped', secret: 'SIMscoped-alice-nowrite-Zx8cV1bN4m' });
    const result = await run('watch');
    expect(result).toMatchObject({ ok: false, failure: { class: 'missing-scope', scopes: ['write:watcher:confluence'] } });
  });
});

describe('links to pages (menus)', () => {
  it('a tiny link and a /wiki/display/ link resolve to their page', async () => {
    const { bg } = await setUp();
    const tiny = await bg.deps.actions.runOnLink('copy-markdown', `https://${acme.host}/wiki/x/LIQHD`, 5);
    expect(tiny).toMatchObject({ ok: true, copy: { text: `[Release Notes](https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes)` } });
    const display = await bg.deps.actions.runOnLink('copy-tiny-link', `https://${acme.host}/wiki/display/ENG/Release+Notes`, 5);
    expect(display).toMatchObject({ ok: true, copy: { text: `https://${acme.host}/wiki/x/LIQHD` } });
    expect(sim.log.some((e) => e.path.startsWith('/wiki/rest/api/content?') && e.path.includes('title=Release'))).toBe(true);
  });

  it('a link that is not one page gets a sentence, and nothing is sent', async () => {
    const { bg } = await setUp();
    sim.clearLog();
    expect(await bg.deps.actions.runOnLink('watch', 'https://example.com/x', 5)).toMatchObject({ ok: false, failure: { class: 'no-page' } });
    expect(await bg.deps.actions.runOnLink('watch', `https://${acme.host}/wiki/spaces/ENG/overview`, 5)).toMatchObject({ ok: false, failure: { class: 'no-page' } });
    expect(await bg.deps.actions.runOnLink('watch', `https://${acme.host}/wiki/display/ENG/No+Such+Page`, 5)).toMatchObject({ ok: false, failure: { class: 'no-page' } });
    expect(sim.log.filter((e) => e.method !== 'GET')).toEqual([]);
  });
});

describe('several tokens for one site', () => {
  it('the chosen one is used, remembered, and only a token meant for the site can be chosen', async () => {
    const { send, add, run, id } = await setUp();
    const second = await add({ label: 'Bob', email: SIM_USERS.bob.email, secret: SIM_TOKENS.bobClassic.secret });
    expect((await send({ type: 'action-tokens', site: acme.host }, POPUP)).data).toEqual({
      tokens: [
        { id, label: 'Work' },
        { id: second, label: 'Bob' },
      ],
      chosen: id,
    });
    expect((await send({ type: 'action-token-choose', site: acme.host, tokenId: second }, POPUP)).data.chosen).toBe(second);
    expect(await run('watch-status')).toMatchObject({ ok: true, sentence: expect.stringContaining('“Bob”') });
    const refused = await send({ type: 'action-token-choose', site: 'globex.atlassian.net', tokenId: second }, POPUP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });
});
