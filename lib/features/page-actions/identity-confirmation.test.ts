import { describe, expect, it } from 'vitest';
import { jsonResponse, type ScriptStep } from '../../atlassian/testing/scripted-fetch';
import { createTestBackground, OPTIONS_PAGE, POPUP, T0 } from '../../testing/background';
import type { TokenFormInput } from '../tokens/token-form-input';

/*
 * Page actions on a site with anonymous access: such a site answers wrong, expired or revoked
 * Basic credentials as the anonymous user, with 200. An action's answer is the person's only once
 * the token's identity there is confirmed (a check, or one user/current per token, site and
 * secret in the service worker's life); an anonymous token gets the anonymous failure.
 */

// Fake secrets: long enough for a hint, never a real token prefix.
const SECRET = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const EMAIL = 'ada@example.com';
const HOST = 'globex.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;
const CONTENT_ID = '6180601871';
const PAGE_URL = `https://${HOST}/wiki/spaces/PUB/pages/${CONTENT_ID}/Release+notes`;
const USER_CURRENT = `https://${HOST}/wiki/rest/api/user/current`;
const WATCH = `https://${HOST}/wiki/rest/api/user/watch/content/${CONTENT_ID}`;

const USER = { type: 'known', accountId: '557058:abc', displayName: 'Ada Example', email: EMAIL };
const ANONYMOUS = { type: 'anonymous', displayName: 'Anonymous' };
const unauthorized = () => new Response('Unauthorized', { status: 401 });
const scopeMismatch = () =>
  new Response('{"code":401,"message":"Unauthorized; scope does not match"}', {
    status: 401,
    headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK', 'Content-Type': 'application/json' },
  });

function input(patch: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Work', kind: 'classic', email: EMAIL, secret: SECRET, expiresOn: '2025-06-08', sites: [HOST], ...patch };
}

async function setUp(steps: ScriptStep[], patch: Partial<TokenFormInput> = {}) {
  const bg = createTestBackground({ steps });
  const send = async (message: unknown, sender = OPTIONS_PAGE) =>
    (await bg.route(message, sender)) as { ok: boolean; data?: any; error?: { code: string; message: string } };
  const added = await send({ type: 'tokens-add', input: input(patch) });
  if (!added.ok || !added.data.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
  bg.openTab(7, PAGE_URL);
  const run = async (action: 'watch-status' | 'watch' | 'unwatch') => (await send({ type: 'action-run', action, tabId: 7 }, POPUP)).data;
  const urls = () => bg.calls.map((c) => `${c.method} ${c.url}`);
  return { bg, send, run, urls, id: added.data.token.id as string };
}

/** The cloudId as the background's own tenant_info read leaves it: only that one carries credentials. */
async function confirmCloudId(bg: ReturnType<typeof createTestBackground>) {
  const context = { kind: 'content', host: HOST, contentId: CONTENT_ID, contentType: 'page', view: 'view', spaceKey: 'PUB' };
  await bg.route({ type: 'page-seen', host: HOST, context }, bg.openTab(7, PAGE_URL));
  await bg.deps.sites.cloudIdRead(HOST, CLOUD_ID, T0);
}

describe('a page action confirms the token’s identity on the site first', () => {
  it('a wrong token on a site with anonymous access gets the anonymous failure, never a watch state, and no write', async () => {
    const { run, urls } = await setUp([jsonResponse(ANONYMOUS), jsonResponse(ANONYMOUS)]);
    const status = await run('watch-status');
    expect(status).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback', message: expect.stringContaining('anonymous user') } });
    expect(status).not.toHaveProperty('watching');
    // The write is not sent: its "done" would have been the anonymous user's.
    expect(await run('watch')).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${USER_CURRENT}`]);
  });

  it('a right token: one user/current, then the action; later actions make no second user/current', async () => {
    const { run, urls, bg } = await setUp([jsonResponse(USER), jsonResponse({ watching: true }), new Response(null, { status: 204 }), jsonResponse({ watching: false })]);
    expect(await run('watch-status')).toEqual({ ok: true, watching: true, sentence: 'The account of “Work” watches this page.' });
    expect(await run('unwatch')).toMatchObject({ ok: true, watching: false });
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: false });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`, `DELETE ${WATCH}`, `GET ${WATCH}`]);
    // The confirmation is logged like any call.
    expect(bg.logged.map((e) => e.operation)).toEqual(['getCurrentUser', 'getContentWatchStatus', 'removeContentWatcher', 'getContentWatchStatus']);
  });

  it('two actions at once share one confirmation', async () => {
    const { run, urls } = await setUp([jsonResponse(USER), jsonResponse({ watching: true }), jsonResponse({ watching: true })]);
    const both = await Promise.all([run('watch-status'), run('watch-status')]);
    expect(both).toMatchObject([{ ok: true, watching: true }, { ok: true, watching: true }]);
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`, `GET ${WATCH}`]);
  });

  it('an edited secret is confirmed again, and a wrong new one gets the anonymous failure', async () => {
    const { run, urls, send, id } = await setUp([jsonResponse(USER), jsonResponse({ watching: true }), jsonResponse(ANONYMOUS)]);
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: true });
    const updated = await send({ type: 'tokens-update', id, input: input({ secret: SECRET_B }) });
    expect(updated).toMatchObject({ ok: true, data: { ok: true } });
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`, `GET ${USER_CURRENT}`]);
  });

  it('a failed confirmation is asked again on the next action', async () => {
    const { bg, run, urls } = await setUp([
      unauthorized(),
      // The refusal starts a health check at once: its user/current, then the check that explains
      // it, which also looks for the site's cloudId to try the gateway (not found here).
      unauthorized(),
      unauthorized(),
      new Response('Not Found', { status: 404 }),
      jsonResponse(USER),
      jsonResponse({ watching: false }),
    ]);
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    await bg.health.settled();
    expect(bg.shown.notifications.map((n) => n.title)).toEqual(['Token “Work” was refused']);
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: false });
    expect(urls()).toEqual([
      ...[1, 2, 3].map(() => `GET ${USER_CURRENT}`),
      `GET https://${HOST}/_edge/tenant_info`,
      `GET ${USER_CURRENT}`,
      `GET ${WATCH}`,
    ]);
  });
});

describe('what counts as a confirmation', () => {
  it('a token check that found the identity: the action makes no user/current of its own', async () => {
    const { run, urls, send, id } = await setUp([jsonResponse(USER), jsonResponse({ watching: true })]);
    expect(await send({ type: 'tokens-check', id })).toMatchObject({ ok: true, data: { results: [{ ok: true }] } });
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: true });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`]);
  });

  it('a later check that finds the token anonymous undoes it', async () => {
    const { bg, run, urls, send, id } = await setUp([
      jsonResponse(USER),
      jsonResponse(ANONYMOUS), // the check, on the site…
      unauthorized(), // …and, to tell why, on the gateway
      jsonResponse(ANONYMOUS), // the action's own confirmation
    ]);
    await confirmCloudId(bg);
    expect(await send({ type: 'tokens-check', id })).toMatchObject({ ok: true, data: { results: [{ ok: true }] } });
    expect(await send({ type: 'tokens-check', id })).toMatchObject({ ok: true, data: { results: [{ ok: false }] } });
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${USER_CURRENT}`, `GET ${GATEWAY}/wiki/rest/api/user/current`, `GET ${USER_CURRENT}`]);
  });

  it('an auto token’s detection before its first action counts', async () => {
    const { run, urls } = await setUp([jsonResponse(USER), jsonResponse({ watching: false })], { kind: 'auto' });
    expect(await run('watch-status')).toMatchObject({ ok: true, watching: false });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`]);
  });

  it('a scoped token the gateway accepted, even without the scope to read the current user', async () => {
    const { bg, run, urls } = await setUp([scopeMismatch(), new Response(null, { status: 204 }), new Response(null, { status: 204 })], { kind: 'scoped' });
    await confirmCloudId(bg);
    expect(await run('watch')).toMatchObject({ ok: true, watching: true });
    expect(await run('unwatch')).toMatchObject({ ok: true, watching: false });
    expect(urls()).toEqual([
      `GET ${GATEWAY}/wiki/rest/api/user/current`,
      `POST ${GATEWAY}/wiki/rest/api/user/watch/content/${CONTENT_ID}`,
      `DELETE ${GATEWAY}/wiki/rest/api/user/watch/content/${CONTENT_ID}`,
    ]);
  });

  it('a confirmation as one kind does not stand for another (the token’s kind changed)', async () => {
    const { bg, run, urls, send, id } = await setUp([jsonResponse(USER), jsonResponse({ watching: true }), unauthorized()]);
    await confirmCloudId(bg);
    expect(await run('watch-status')).toMatchObject({ ok: true });
    expect(await send({ type: 'tokens-update', id, input: input({ kind: 'scoped', secret: '' }) })).toMatchObject({ ok: true, data: { ok: true } });
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    expect(urls()).toEqual([`GET ${USER_CURRENT}`, `GET ${WATCH}`, `GET ${GATEWAY}/wiki/rest/api/user/current`]);
  });
});
