// Hostile or broken answers: redirects (the browser drops Authorization on a cross-origin one, so
// whoever answers there answers someone else), bodies and strings too large to keep, and a
// Retry-After longer than a person should wait.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from './activity-log';
import { createAtlassianClient, type AtlassianClientDeps, type Credential, type Site } from './client';
import { DEFAULT_RETRY_POLICY, INTERACTIVE_RETRY_POLICY, abortableSleep } from './retry';
import { MAX_JSON_ANSWER_BYTES, MAX_TEXT_CHARS } from './schemas/bounds';
import { jsonResponse, scriptedFetch, type ScriptStep } from './testing/scripted-fetch';

const SECRET = 'fake-token-hostile-5c4b3a291807';
const EMAIL = 'ada@example.com';
const CLOUD_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const SITE: Site = { kind: 'cloud', host: 'acme.atlassian.net', cloudId: CLOUD_ID };
const classic: Credential = { label: 'Work classic', kind: 'classic', email: EMAIL, secret: SECRET, readOnly: false };
const scoped: Credential = { ...classic, label: 'Work scoped', kind: 'scoped' };

const USER = { type: 'known', accountId: '557058:ada', displayName: 'Ada Example', email: EMAIL };
const OTHER_HOST = 'evil.atlassian.net';
const OTHER_ME = `https://${OTHER_HOST}/wiki/rest/api/user/current`;
const MALLORY = { type: 'known', accountId: '557058:mallory', displayName: 'Mallory Other' };

function setup(steps: ScriptStep[], extra: Partial<AtlassianClientDeps> = {}) {
  const fake = scriptedFetch(steps);
  const activity: ActivityEntry[] = [];
  const sleep = vi.fn(abortableSleep);
  const client = createAtlassianClient({
    fetch: fake.fetch,
    now: () => Date.now(),
    sleep,
    random: () => 0.5,
    onActivity: (e) => activity.push(e),
    ...extra,
  });
  return { client, calls: fake.calls, activity, sleep };
}

/** A response as fetch gives it after following a redirect: its `url` is where it ended. */
function answeredFrom(url: string, response: Response): Response {
  Object.defineProperty(response, 'url', { value: url });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

/** What a browser gives `redirect: 'manual'`: type 'opaqueredirect', status 0, no headers. */
const opaqueRedirect = () => Object.defineProperty(Response.error(), 'type', { value: 'opaqueredirect' });

/**
 * A site that redirects to another host. With `redirect: 'manual'` the runtime shows the
 * redirect (Node: the 3xx with its Location); otherwise the fetch follows it, drops the
 * Authorization header as browsers do, and the other host answers what it likes.
 */
function redirectingTo(location: string, answerThere: () => Response, status = 302): ScriptStep {
  return (_call, init) =>
    init?.redirect === 'manual' || init?.redirect === 'error'
      ? new Response(null, { status, headers: { Location: location } })
      : answeredFrom(location, answerThere());
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('redirects are refused, never followed with credentials', () => {
  it('a check redirected to another *.atlassian.net host does not report that host’s user', async () => {
    const { client, calls, activity } = setup([redirectingTo(OTHER_ME, () => jsonResponse(MALLORY))]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected', status: 302 } });
    if (!r.ok) {
      expect(r.failure.message).toMatch(/^acme\.atlassian\.net answered with a redirect to another address \(evil\.atlassian\.net\), so the answer was not trusted\./);
      expect(r.failure.fix).not.toBe('');
    }
    expect(JSON.stringify(r)).not.toContain('Mallory');
    // Asked once, never repeated at the other address, never retried.
    expect(calls.map((c) => [c.url, c.redirect])).toEqual([['https://acme.atlassian.net/wiki/rest/api/user/current', 'manual']]);
    expect(activity).toEqual([expect.objectContaining({ outcome: 'redirected', status: 302, retries: 0 })]);
  });

  it('a redirected watch is not reported done: the site never got the write', async () => {
    const { client, calls } = setup([redirectingTo(`https://${OTHER_HOST}/wiki/rest/api/user/watch/content/1`, () => new Response(null, { status: 204 }), 307)]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'addContentWatcher', pathParams: { contentId: '1' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected', status: 307 } });
    expect(calls).toHaveLength(1);
  });

  it('a gateway call redirected names the site, not the gateway', async () => {
    const { client } = setup([redirectingTo(OTHER_ME, () => jsonResponse(MALLORY))]);
    const r = await client.request({ credential: scoped, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    if (!r.ok) expect(r.failure.message).toMatch(/^acme\.atlassian\.net answered with a redirect/);
  });

  it('a redirect within the same site is refused too (a login page, a moved API)', async () => {
    const { client } = setup([redirectingTo('/login.action?os_destination=x', () => jsonResponse(USER), 301)]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected', status: 301 } });
  });

  it('browser: an opaque redirect is refused, with no status and no target to name', async () => {
    const { client, activity } = setup([(_c, init) => (init?.redirect === 'manual' ? opaqueRedirect() : answeredFrom(OTHER_ME, jsonResponse(MALLORY)))]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    if (!r.ok) {
      expect(r.failure.status).toBeUndefined();
      expect(r.failure.message).toMatch(/^acme\.atlassian\.net answered with a redirect to another address, so the answer was not trusted\./);
    }
    expect(activity[0]).toMatchObject({ outcome: 'redirected', status: null });
  });

  it('a redirect to a host the extension may not reach is the redirect failure, not offline', async () => {
    // Following it, the browser's fetch rejects (TypeError) as if the network were down.
    const { client, calls } = setup([
      (_c, init) => (init?.redirect === 'manual' ? opaqueRedirect() : Promise.reject(new TypeError('Failed to fetch'))),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(120_000);
    const r = await pending;
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    expect(calls).toHaveLength(1);
  });

  it('defence in depth: an answer whose URL is on another origin is refused', async () => {
    const { client } = setup([answeredFrom(OTHER_ME, jsonResponse(MALLORY))]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    if (!r.ok) expect(r.failure.message).toContain(`(${OTHER_HOST})`);
  });

  it('an answer from the URL asked is used as before', async () => {
    const { client } = setup([answeredFrom('https://acme.atlassian.net/wiki/rest/api/user/current', jsonResponse(USER))]);
    expect(await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' })).toMatchObject({ ok: true, data: { accountId: '557058:ada' } });
  });

  it('the attachment download still follows its one redirect, without credentials', async () => {
    const media = 'https://api.media.atlassian.com/file/f1/binary?token=signed';
    const { client, calls } = setup([new Response(null, { status: 302, headers: { Location: media } }), new Response('BYTES', { status: 200 })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'downloadAttachment', pathParams: { id: '1', attachmentId: '2' } });
    expect(r.ok).toBe(true);
    expect(calls[1]).toMatchObject({ url: media, credentials: 'omit', headers: {} });
  });
});

describe('unbounded answers are not read or kept', () => {
  /** A body that never ends, counting what was pulled from it. */
  function endlessJson(): { response: Response; pulled: () => number } {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"type":"known","accountId":"a","displayName":"'));
      },
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { response: new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } }), pulled: () => pulled };
  }

  it('a JSON answer over 2 MB → malformed-response "larger than 2 MB", reading stops at the limit', async () => {
    const endless = endlessJson();
    const { client, calls } = setup([endless.response]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response', status: 200 } });
    if (!r.ok) expect(r.failure.message).toMatch(/the answer was larger than 2 MB/);
    expect(endless.pulled()).toBeLessThanOrEqual(MAX_JSON_ANSWER_BYTES + 128 * 1024);
    expect(calls).toHaveLength(1); // not retried
  });

  it('a declared Content-Length over the limit is refused without reading', async () => {
    const endless = endlessJson();
    const response = new Response(endless.response.body, { status: 200, headers: { 'Content-Length': String(64 * 1024 * 1024) } });
    const { client } = setup([response]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
    expect(endless.pulled()).toBe(0);
  });

  it('a failure answer over the limit is still classified from its start', async () => {
    const body = `{"code":401,"message":"Unauthorized; scope does not match","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    const { client } = setup([new Response(body, { status: 401, headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' } })]);
    const r = await client.request({ credential: scoped, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'missing-scope', status: 401 } });
  });

  it('a page body may be larger than an ordinary answer', async () => {
    const storage = 'p'.repeat(3 * 1024 * 1024);
    const { client } = setup([jsonResponse({ id: '42', title: 'Big', body: { storage: { value: storage, representation: 'storage' } } })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getPageById', pathParams: { id: '42' } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.body?.storage?.value.length).toBe(storage.length);
  });

  it('a 256 KB displayName is refused, not kept: the identity is bounded', async () => {
    const { client } = setup([jsonResponse({ ...USER, displayName: 'D'.repeat(256 * 1024) }), jsonResponse({ ...USER, displayName: 'D'.repeat(MAX_TEXT_CHARS) })]);
    const huge = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(huge).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
    if (!huge.ok) expect(huge.failure.message).toMatch(/longer than the extension accepts \(at displayName\)/);
    const atTheBound = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(atTheBound.ok).toBe(true);
  });
});

describe('a long Retry-After in a call a person waits on', () => {
  const localHhMm = (ms: number) => {
    const d = new Date(ms);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  };
  const limited = (retryAfter: string) => jsonResponse({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': retryAfter } });

  it('Retry-After: 60 is not slept: rate-limited at once, "try again at HH:MM" in local time', async () => {
    const { client, calls, sleep, activity } = setup([limited('60'), limited('60'), limited('60'), limited('60')], { retryPolicy: INTERACTIVE_RETRY_POLICY });
    const started = Date.now();
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(0);
    const r = await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sleep).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited', status: 429, retryAfterMs: 60_000 } });
    if (!r.ok) {
      expect(r.failure.message).toMatch(new RegExp(`^Rate limited by acme\\.atlassian\\.net: try again at ${localHhMm(started + 60_000)}\\.`));
      expect(r.failure.fix).toContain(localHhMm(started + 60_000));
    }
    expect(activity).toEqual([expect.objectContaining({ outcome: 'rate-limited', status: 429, retries: 0 })]);
  });

  it('waits that fit are honoured, until the call has waited 10 s in all', async () => {
    const { client, calls, sleep } = setup([limited('6'), limited('6'), jsonResponse(USER)], { retryPolicy: INTERACTIVE_RETRY_POLICY });
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(60_000);
    const r = await pending;
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([6000]);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited' } });
    if (!r.ok) expect(r.failure.message).toMatch(/^Rate limited by acme\.atlassian\.net: try again at \d\d:\d\d\./);
  });

  it('background jobs (the default policy) still wait Atlassian’s minute', async () => {
    const { client, calls, sleep } = setup([limited('60'), jsonResponse(USER)], { retryPolicy: DEFAULT_RETRY_POLICY });
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toMatchObject({ ok: true, meta: { retries: 1 } });
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([60_000]);
    expect(calls).toHaveLength(2);
  });
});
