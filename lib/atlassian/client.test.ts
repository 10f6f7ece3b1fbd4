import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type { ActivityEntry } from './activity-log';
import { createAtlassianClient, type AtlassianClientDeps, type Credential, type Site } from './client';
import { abortableSleep } from './retry';
import { jsonResponse, networkError, scriptedFetch, type ScriptStep } from './testing/scripted-fetch';

const SECRET = 'fake-token-9f8e7d6c5b4a39281706';
const EMAIL = 'ada@example.com';
const BASIC = `Basic ${Buffer.from(`${EMAIL}:${SECRET}`).toString('base64')}`;
const CLOUD_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;
const SITE: Site = { kind: 'cloud', host: 'acme.atlassian.net', cloudId: CLOUD_ID };
const DC_SITE: Site = { kind: 'dc', baseUrl: 'https://confluence.dc.test/confluence', origin: 'https://confluence.dc.test' };

const classic: Credential = { label: 'Work classic', kind: 'classic', email: EMAIL, secret: SECRET, readOnly: false };
const scoped: Credential = { ...classic, label: 'Work scoped', kind: 'scoped' };
const pat: Credential = { label: 'DC', kind: 'dc-pat', secret: SECRET, readOnly: false };

const USER = { type: 'known', accountId: '557058:abc', displayName: 'Ada Example', email: EMAIL };

function setup(steps: ScriptStep[], extra: Partial<AtlassianClientDeps> = {}) {
  const fake = scriptedFetch(steps);
  const activity: ActivityEntry[] = [];
  const client = createAtlassianClient({
    fetch: fake.fetch,
    now: () => Date.now(),
    sleep: abortableSleep,
    random: () => 0.5,
    onActivity: (e) => activity.push(e),
    ...extra,
  });
  return { client, calls: fake.calls, activity };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('URLs and headers', () => {
  it('classic → site URL, Basic auth, JSON accept, no XSRF header on reads, no cookies', async () => {
    const { client, calls } = setup([jsonResponse(USER)]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: true, status: 200, data: { type: 'known', accountId: '557058:abc' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: 'https://acme.atlassian.net/wiki/rest/api/user/current',
      method: 'GET',
      // Never followed: a redirect is refused (see 'redirects').
      redirect: 'manual',
      credentials: 'omit',
      headers: { authorization: BASIC, accept: 'application/json' },
    });
    expect(calls[0]?.headers['x-atlassian-token']).toBeUndefined();
    expect(calls[0]?.headers['content-type']).toBeUndefined();
  });

  it('scoped → gateway with cloudId, v1 and v2', async () => {
    const { client, calls } = setup([jsonResponse(USER), jsonResponse({ id: '42', title: 'P' })]);
    await client.request({ credential: scoped, site: SITE, operation: 'getCurrentUser' });
    await client.request({ credential: scoped, site: SITE, operation: 'getPageById', pathParams: { id: '42' }, query: { 'body-format': 'storage' } });
    expect(calls.map((c) => c.url)).toEqual([
      `${GATEWAY}/wiki/rest/api/user/current`,
      `${GATEWAY}/wiki/api/v2/pages/42?body-format=storage`,
    ]);
    expect(calls[1]?.headers.authorization).toBe(BASIC);
  });

  it('DC → base URL with context path and Bearer', async () => {
    const { client, calls } = setup([jsonResponse({ type: 'known', username: 'ada', userKey: 'k1' })]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    expect(r.ok).toBe(true);
    expect(calls[0]?.url).toBe('https://confluence.dc.test/confluence/rest/api/user/current');
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('a v2 operation on DC is refused without a network call', async () => {
    const { client, calls, activity } = setup([]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getPageById', pathParams: { id: '1' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'unsupported-operation' } });
    expect(calls).toHaveLength(0);
    expect(activity).toHaveLength(1);
  });

  it('a Data Center base URL on an Atlassian Cloud host is refused before the network', async () => {
    const { client, calls, activity } = setup([]);
    const cloudDc: Site = { kind: 'dc', baseUrl: 'https://acme.atlassian.net/wiki', origin: 'https://acme.atlassian.net' };
    const r = await client.request({ credential: pat, site: cloudDc, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'wrong-base-url' } });
    if (!r.ok) expect(r.failure.fix).toMatch(/classic or scoped token/);
    expect(calls).toHaveLength(0);
    expect(activity).toEqual([expect.objectContaining({ outcome: 'wrong-base-url', status: null })]);
  });

  it('missing cloudId for a scoped token is a wrong-base-url failure before the network', async () => {
    const { client, calls } = setup([]);
    const r = await client.request({ credential: scoped, site: { kind: 'cloud', host: 'acme.atlassian.net' }, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'wrong-base-url' } });
    expect(calls).toHaveLength(0);
  });

  it('writes carry X-Atlassian-Token: no-check; bodies are JSON with Content-Type', async () => {
    const { client, calls } = setup([new Response(null, { status: 204 }), new Response(null, { status: 204 })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'addContentWatcher', pathParams: { contentId: '123' } });
    expect(r).toMatchObject({ ok: true, status: 204, data: undefined });
    await client.request({ credential: classic, site: SITE, operation: 'removeSpaceWatcher', pathParams: { spaceKey: 'ENG' }, body: { a: 1 } });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://acme.atlassian.net/wiki/rest/api/user/watch/content/123',
      headers: { 'x-atlassian-token': 'no-check' },
    });
    expect(calls[1]).toMatchObject({
      method: 'DELETE',
      headers: { 'x-atlassian-token': 'no-check', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
  });

  it('encodes path parameters and refuses ones that would change the path', async () => {
    const { client, calls } = setup([jsonResponse({ watching: false })]);
    await client.request({ credential: classic, site: SITE, operation: 'getSpaceWatchStatus', pathParams: { spaceKey: 'a/b?c#d' } });
    expect(calls[0]?.url).toBe('https://acme.atlassian.net/wiki/rest/api/user/watch/space/a%2Fb%3Fc%23d');
    for (const bad of ['..', '.', '', '  ']) {
      const r = await client.request({ credential: classic, site: SITE, operation: 'getContentById', pathParams: { id: bad } });
      expect(r).toMatchObject({ ok: false, failure: { class: 'request-rejected' } });
    }
    expect(calls).toHaveLength(1);
  });

  it('refuses unusable credentials before the network', async () => {
    const { client, calls } = setup([]);
    const noEmail = await client.request({ credential: { ...classic, email: undefined }, site: SITE, operation: 'getCurrentUser' });
    const newline = await client.request({ credential: { ...classic, secret: `${SECRET}\n` }, site: SITE, operation: 'getCurrentUser' });
    expect(noEmail).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    expect(newline).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    expect(calls).toHaveLength(0);
  });
});

describe('read-only credentials', () => {
  it.each([
    ['addContentWatcher', { contentId: '1' }],
    ['removeContentWatcher', { contentId: '1' }],
    ['addSpaceWatcher', { spaceKey: 'ENG' }],
  ] as const)('refuse %s with zero fetch calls', async (operation, pathParams) => {
    const { client, calls, activity } = setup([]);
    const r = await client.request({
      credential: { ...classic, readOnly: true },
      site: SITE,
      operation,
      pathParams: pathParams as never,
    });
    expect(r).toMatchObject({ ok: false, failure: { class: 'read-only-refused' } });
    if (!r.ok) expect(r.failure.message).toMatch(/read-only/);
    expect(calls).toHaveLength(0);
    expect(activity).toEqual([expect.objectContaining({ outcome: 'read-only-refused', status: null, retries: 0 })]);
  });

  it('still allow reads', async () => {
    const { client, calls } = setup([jsonResponse({ watching: true })]);
    const r = await client.request({ credential: { ...classic, readOnly: true }, site: SITE, operation: 'getContentWatchStatus', pathParams: { contentId: '9' } });
    expect(r).toMatchObject({ ok: true, data: { watching: true } });
    expect(calls).toHaveLength(1);
  });
});

describe('retries', () => {
  it('honours Retry-After on 429, one activity entry for the call', async () => {
    const { client, calls, activity } = setup([
      jsonResponse({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '3' } }),
      jsonResponse(USER),
    ]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const r = await pending;
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: true, meta: { retries: 1, rateLimited: 1, durationMs: 3000 } });
    expect(activity).toEqual([
      expect.objectContaining({ outcome: 'ok', status: 200, retries: 1, durationMs: 3000, path: '/wiki/rest/api/user/current' }),
    ]);
  });

  it('counts only 429s as rate-limit waits (a 503 retried is not one)', async () => {
    const { client } = setup([new Response('busy', { status: 503 }), jsonResponse({}, { status: 429, headers: { 'Retry-After': '1' } }), jsonResponse(USER)]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await pending).toMatchObject({ ok: true, meta: { retries: 2, rateLimited: 1 } });
  });
});

describe("activity: 'failures' (a long job's calls)", () => {
  it('logs no entry for a successful call, and the usual one for a failed call', async () => {
    const { client, activity } = setup([jsonResponse(USER), jsonResponse({ message: 'gone' }, { status: 404 })]);
    expect((await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser', activity: 'failures' })).ok).toBe(true);
    expect(activity).toEqual([]);
    const failed = await client.request({ credential: classic, site: SITE, operation: 'getContentById', pathParams: { id: '9' }, activity: 'failures' });
    expect(failed.ok).toBe(false);
    expect(activity).toEqual([expect.objectContaining({ operation: 'getContentById', status: 404 })]);
  });

  it('waits about a second on Retry-After: 0, never zero', async () => {
    const { client, calls } = setup([jsonResponse({}, { status: 429, headers: { 'Retry-After': '0' } }), jsonResponse(USER)]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ ok: true, meta: { retries: 1, durationMs: 1000 } });
    expect(calls).toHaveLength(2);
  });

  it('honours an HTTP-date Retry-After on 503', async () => {
    const { client, calls } = setup([
      new Response('busy', { status: 503, headers: { 'Retry-After': 'Sat, 01 Mar 2025 12:00:20 GMT' } }),
      jsonResponse(USER),
    ]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).ok).toBe(true);
  });

  it('backs off exponentially without Retry-After, then gives up with the last failure', async () => {
    const busy = () => new Response('bad gateway', { status: 502 });
    const { client, calls, activity } = setup([busy(), busy(), busy(), busy(), busy()]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    const times: number[] = [];
    for (const wait of [5000, 10_000, 20_000, 30_000]) {
      times.push(calls.length);
      await vi.advanceTimersByTimeAsync(wait);
    }
    const r = await pending;
    expect(times).toEqual([1, 2, 3, 4]);
    expect(calls).toHaveLength(5);
    expect(r).toMatchObject({ ok: false, failure: { class: 'server-error', status: 502 } });
    expect(activity).toEqual([expect.objectContaining({ outcome: 'server-error', status: 502, retries: 4, durationMs: 65_000 })]);
  });

  it('does not sleep through an absurd Retry-After; reports a capped wait', async () => {
    const { client, calls } = setup([
      jsonResponse({ message: 'slow down' }, { status: 429, headers: { 'Retry-After': '9223372036854775807' } }),
    ]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited', retryAfterMs: 3_600_000 } });
  });

  it('does not retry a POST', async () => {
    const { client, calls } = setup([jsonResponse({}, { status: 429, headers: { 'Retry-After': '1' } })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'addContentWatcher', pathParams: { contentId: '1' } });
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited', retryAfterMs: 1000 } });
  });

  it('retries the idempotent watch DELETE', async () => {
    const { client, calls } = setup([jsonResponse({}, { status: 429, headers: { 'Retry-After': '1' } }), new Response(null, { status: 204 })]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'removeContentWatcher', pathParams: { contentId: '1' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ ok: true, status: 204 });
    expect(calls).toHaveLength(2);
  });

  it('retries network errors on GET, then reports offline', async () => {
    const { client, calls, activity } = setup([networkError(), networkError(), networkError(), networkError(), networkError()]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(120_000);
    const r = await pending;
    expect(calls).toHaveLength(5);
    expect(r).toMatchObject({ ok: false, failure: { class: 'offline' } });
    if (!r.ok) expect(r.failure.message).toContain('acme.atlassian.net');
    expect(activity[0]).toMatchObject({ outcome: 'offline', status: null, retries: 4 });
  });

  it('recovers when the network comes back', async () => {
    const { client } = setup([networkError(), jsonResponse(USER)]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ ok: true, meta: { retries: 1 } });
  });

  it('uses an injected retry policy', async () => {
    const { client, calls } = setup([new Response('', { status: 503 }), new Response('', { status: 503 })], {
      retryPolicy: {
        maxRetries: 1,
        initialDelayMs: 10,
        multiplier: 2,
        maxDelayMs: 10,
        jitterMin: 1,
        jitterMax: 1,
        maxRetryAfterMs: 10,
        maxReportedWaitMs: 10,
        retryStatuses: [503],
        idempotentMethods: ['GET'],
      },
    });
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(10);
    expect(await pending).toMatchObject({ ok: false, failure: { class: 'server-error' } });
    expect(calls).toHaveLength(2);
  });
});

describe('cancellation', () => {
  it('an already aborted signal makes no call', async () => {
    const { client, calls, activity } = setup([]);
    const controller = new AbortController();
    controller.abort();
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser', signal: controller.signal });
    expect(r).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    expect(calls).toHaveLength(0);
    expect(activity[0]?.outcome).toBe('cancelled');
  });

  it('abort during a Retry-After wait ends the call at once', async () => {
    const { client, calls, activity } = setup([jsonResponse({}, { status: 429, headers: { 'Retry-After': '30' } }), jsonResponse(USER)]);
    const controller = new AbortController();
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser', signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const r = await pending;
    expect(r).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(activity).toEqual([expect.objectContaining({ outcome: 'cancelled', status: 429, retries: 0 })]);
  });

  it('abort during the fetch is cancelled, not offline, and not retried', async () => {
    const controller = new AbortController();
    const hanging: ScriptStep = (_call, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const { client, calls } = setup([hanging]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser', signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    expect(calls).toHaveLength(1);
  });
});

describe('classification and validation', () => {
  it('scope check on the gateway → missing-scope naming the spec scopes', async () => {
    const { client } = setup([
      new Response('{"code":401,"message":"Unauthorized; scope does not match"}', {
        status: 401,
        headers: { 'Content-Type': 'application/json', 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' },
      }),
    ]);
    const r = await client.request({ credential: scoped, site: SITE, operation: 'getPageAttachments', pathParams: { id: '5' } });
    expect(r).toMatchObject({
      ok: false,
      failure: { class: 'missing-scope', status: 401, scopes: { classic: [], granular: ['read:attachment:confluence'] } },
    });
  });

  it('a 403 "not permitted to use Confluence" names the site the account lacks Confluence on', async () => {
    const { client, activity } = setup([jsonResponse({ message: 'Current user not permitted to use Confluence' }, { status: 403 })]);
    const r = await client.request({ credential: scoped, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'no-confluence-access', status: 403 } });
    if (!r.ok) expect(r.failure.message).toMatch(/no access to Confluence on acme\.atlassian\.net/);
    expect(activity[0]).toMatchObject({ outcome: 'no-confluence-access', status: 403, site: 'acme.atlassian.net' });
  });

  it('a 200 from the anonymous user is a failure', async () => {
    const { client } = setup([jsonResponse({ type: 'anonymous', displayName: 'Anonymous' })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
  });

  it('a body that fails the zod schema → malformed-response, not retried', async () => {
    const { client, calls } = setup([jsonResponse({ id: 5 })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getPageById', pathParams: { id: '5' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response', status: 200 } });
    if (!r.ok) expect(r.failure.message).toMatch(/expected shape \(at id\)/);
    expect(calls).toHaveLength(1);
  });

  it('an HTML login page with 200 → malformed-response', async () => {
    const { client } = setup([new Response('<!DOCTYPE html><title>Log in</title>', { status: 200, headers: { 'Content-Type': 'text/html' } })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
  });

  it('a body cut off mid-stream → malformed-response after retries', async () => {
    const truncated = () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"type":"kno'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { client, calls } = setup([truncated(), jsonResponse(USER)]);
    const pending = client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('Data Center bare boolean watch status is normalised', async () => {
    const { client } = setup([new Response('false', { status: 200, headers: { 'Content-Type': 'application/json' } })]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getContentWatchStatus', pathParams: { contentId: '7' } });
    expect(r).toMatchObject({ ok: true, data: { watching: false } });
  });

  it('a caller schema overrides the default one', async () => {
    const { client } = setup([jsonResponse({ id: '1', title: 'T', extra: 'kept' })]);
    const schema = z.object({ id: z.string(), extra: z.string() });
    const r = await client.request({ credential: classic, site: SITE, operation: 'getPageById', pathParams: { id: '1' }, schema });
    expect(r).toMatchObject({ ok: true, data: { id: '1', extra: 'kept' } });
  });

  it('reports rate-limit headers of a successful answer', async () => {
    const { client } = setup([
      jsonResponse(USER, { headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '12', 'X-RateLimit-NearLimit': 'true' } }),
    ]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: true, meta: { rateLimit: { limit: 100, remaining: 12, nearLimit: true } } });
  });

  it('survives a throwing activity sink', async () => {
    const { client } = setup([jsonResponse(USER)], {
      onActivity: () => {
        throw new Error('storage full');
      },
    });
    expect((await client.request({ credential: classic, site: SITE, operation: 'getCurrentUser' })).ok).toBe(true);
  });
});

describe('pagination', () => {
  const space = (n: number) => ({ id: String(n), key: `S${n}`, name: `Space ${n}` });

  it('keeps the gateway prefix when following _links.next', async () => {
    const { client, calls, activity } = setup([
      jsonResponse({ results: [space(1)], _links: { next: '/wiki/api/v2/spaces?cursor=X', base: 'https://acme.atlassian.net/wiki' } }),
      jsonResponse({ results: [space(2)], _links: {} }),
    ]);
    const r = await client.paginate({ credential: scoped, site: SITE, operation: 'listSpaces', query: { limit: 1 } });
    expect(calls.map((c) => c.url)).toEqual([
      `${GATEWAY}/wiki/api/v2/spaces?limit=1`,
      `${GATEWAY}/wiki/api/v2/spaces?cursor=X`,
    ]);
    expect(calls[1]?.headers.authorization).toBe(BASIC);
    expect(r).toMatchObject({ ok: true, truncated: false, pages: [{ results: [{ key: 'S1' }] }, { results: [{ key: 'S2' }] }] });
    expect(activity.map((a) => a.path)).toEqual([`/ex/confluence/${CLOUD_ID}/wiki/api/v2/spaces`, `/ex/confluence/${CLOUD_ID}/wiki/api/v2/spaces`]);
  });

  it('follows the Link header when the body has no next', async () => {
    const { client, calls } = setup([
      jsonResponse({ results: [] }, { headers: { Link: '</wiki/api/v2/pages/7/attachments?cursor=abc>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"' } }),
      jsonResponse({ results: [] }),
    ]);
    const r = await client.paginate({ credential: scoped, site: SITE, operation: 'getPageAttachments', pathParams: { id: '7' } });
    expect(r.ok).toBe(true);
    expect(calls[1]?.url).toBe(`${GATEWAY}/wiki/api/v2/pages/7/attachments?cursor=abc`);
  });

  it('follows v1 next links (relative to /wiki) on the gateway', async () => {
    const { client, calls } = setup([
      jsonResponse({ results: [{ id: '2', type: 'page' }], size: 1, _links: { next: '/rest/api/content/1/descendant/page?limit=1&start=1' } }),
      jsonResponse({ results: [], size: 0, _links: {} }),
    ]);
    await client.paginate({ credential: scoped, site: SITE, operation: 'getDescendants', pathParams: { id: '1', type: 'page' }, query: { limit: 1 } });
    expect(calls[1]?.url).toBe(`${GATEWAY}/wiki/rest/api/content/1/descendant/page?limit=1&start=1`);
  });

  it('never sends the token to a host named by a next link', async () => {
    const { client, calls } = setup([
      jsonResponse({ results: [space(1)], _links: { next: 'https://evil.example.com/wiki/api/v2/spaces?cursor=Y' } }),
      jsonResponse({ results: [] }),
    ]);
    await client.paginate({ credential: classic, site: SITE, operation: 'listSpaces' });
    expect(calls[1]?.url).toBe('https://acme.atlassian.net/wiki/api/v2/spaces?cursor=Y');
  });

  it('stops at maxPages and says the result is truncated', async () => {
    let n = 0;
    const forever: ScriptStep = () => jsonResponse({ results: [space(++n)], _links: { next: `/wiki/api/v2/spaces?cursor=${n}` } });
    const { client, calls } = setup([forever, forever, forever, forever]);
    const r = await client.paginate({ credential: classic, site: SITE, operation: 'listSpaces', maxPages: 3 });
    expect(calls).toHaveLength(3);
    expect(r).toMatchObject({ ok: true, truncated: true });
  });

  it('stops on a next link that repeats a page, or points outside the API', async () => {
    const loop = setup([jsonResponse({ results: [], _links: { next: '/wiki/api/v2/spaces' } })]);
    expect(await loop.client.paginate({ credential: classic, site: SITE, operation: 'listSpaces' })).toMatchObject({
      ok: false,
      failure: { class: 'malformed-response' },
    });
    const outside = setup([jsonResponse({ results: [], _links: { next: '/wiki/spaces/ENG' } })]);
    expect(await outside.client.paginate({ credential: classic, site: SITE, operation: 'listSpaces' })).toMatchObject({
      ok: false,
      failure: { class: 'malformed-response' },
      pages: [{ results: [] }],
    });
  });

  it('returns the pages read before a failure', async () => {
    const { client } = setup([
      jsonResponse({ results: [space(1)], _links: { next: '/wiki/api/v2/spaces?cursor=2' } }),
      jsonResponse({ errors: [] }, { status: 403 }),
    ]);
    const r = await client.paginate({ credential: classic, site: SITE, operation: 'listSpaces' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' }, pages: [{ results: [{ id: '1' }] }] });
  });
});

describe('attachment download redirects', () => {
  const MEDIA = 'https://media.example-cdn.test/file/abc?token=signed-xyz';

  it('Node: reads the 302 and fetches the signed URL without credentials', async () => {
    const { client, calls, activity } = setup([
      new Response(null, { status: 302, headers: { Location: MEDIA } }),
      new Response('PNGDATA', { status: 200, headers: { 'Content-Type': 'image/png' } }),
    ]);
    const r = await client.request({
      credential: scoped,
      site: SITE,
      operation: 'downloadAttachment',
      pathParams: { id: '10', attachmentId: 'att20' },
    });
    expect(calls[0]).toMatchObject({
      url: `${GATEWAY}/wiki/rest/api/content/10/child/attachment/att20/download`,
      redirect: 'manual',
      headers: { authorization: BASIC },
    });
    expect(calls[1]).toMatchObject({ url: MEDIA, redirect: 'follow', credentials: 'omit' });
    expect(calls[1]?.headers).toEqual({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.kind).toBe('bytes');
      if (r.data.kind === 'bytes') expect(await r.data.blob.text()).toBe('PNGDATA');
      expect(r.data.contentType).toBe('image/png');
    }
    // The signed URL is a credential of its own: it never reaches the log.
    expect(JSON.stringify(activity)).not.toContain('signed-xyz');
    expect(activity[0]?.path).toBe(`/ex/confluence/${CLOUD_ID}/wiki/rest/api/content/10/child/attachment/att20/download`);
  });

  it('browser: an opaque redirect falls back to follow, and the fallback is remembered', async () => {
    const opaque = () => Object.defineProperty(Response.error(), 'type', { value: 'opaqueredirect' });
    const { client, calls } = setup([opaque(), new Response('A', { status: 200 }), new Response('B', { status: 200 })]);
    const input = { credential: classic, site: SITE, operation: 'downloadAttachment', pathParams: { id: '1', attachmentId: '2' } } as const;
    expect((await client.request(input)).ok).toBe(true);
    expect((await client.request(input)).ok).toBe(true);
    expect(calls.map((c) => c.redirect)).toEqual(['manual', 'follow', 'follow']);
  });

  it('refuses to follow a download redirect to plain http', async () => {
    const { client, calls } = setup([new Response(null, { status: 302, headers: { Location: 'http://media.example-cdn.test/x' } })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'downloadAttachment', pathParams: { id: '1', attachmentId: '2' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
    expect(calls).toHaveLength(1);
  });

  it('classifies an API refusal of the download itself', async () => {
    const { client } = setup([jsonResponse({ message: 'not found' }, { status: 404 })]);
    const r = await client.request({ credential: classic, site: SITE, operation: 'downloadAttachment', pathParams: { id: '1', attachmentId: '2' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found', status: 404 } });
  });
});

describe('secrets', () => {
  it('never appear in failures or activity entries', async () => {
    const base64 = BASIC.slice('Basic '.length);
    const steps: ScriptStep[] = [
      new Response('Basic authentication with passwords is deprecated.', { status: 401 }),
      new Response('{"code":401,"message":"Unauthorized; scope does not match"}', { status: 401, headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' } }),
      // A hostile or buggy server echoing the Authorization header back.
      new Response(`{"message":"bad header ${BASIC} ${SECRET}"}`, { status: 400 }),
      new Response(`<html>${SECRET}</html>`, { status: 200 }),
      jsonResponse({ type: 'anonymous' }),
      new Response('', { status: 500 }),
      jsonResponse({ message: SECRET }, { status: 404 }),
    ];
    const { client, activity } = setup(steps, { retryPolicy: { ...(await import('./retry')).DEFAULT_RETRY_POLICY, maxRetries: 0 } });
    const results = [];
    for (let i = 0; i < steps.length; i++) {
      results.push(await client.request({ credential: i % 2 ? scoped : classic, site: SITE, operation: 'getCurrentUser' }));
    }
    results.push(await client.request({ credential: { ...classic, readOnly: true }, site: SITE, operation: 'addContentWatcher', pathParams: { contentId: '1' } }));
    results.push(await client.request({ credential: { ...classic, label: `my token ${SECRET}` }, site: { kind: 'cloud', host: 'bad host' }, operation: 'getCurrentUser' }));
    results.push(await client.request({ credential: pat, site: DC_SITE, operation: 'listSpaces' }));
    expect(results.every((r) => !r.ok)).toBe(true);
    const serialized = JSON.stringify({ results, activity });
    expect(serialized).not.toContain(SECRET);
    expect(serialized).not.toContain(base64);
    expect(activity).toHaveLength(results.length);
  });
});
