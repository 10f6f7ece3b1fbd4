// The chokepoint's Data Center behaviour: a 401 right after a 429 is taken as rate limiting and
// retried once, Tomcat's HTML 401 is the token refused, DC's refill headers set the 429 wait, and
// attachments come from the servlet path (`_links.download`) on the site's own origin only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from './activity-log';
import { createAtlassianClient, type AtlassianClientDeps, type Credential, type Site } from './client';
import { INTERACTIVE_RETRY_POLICY, abortableSleep } from './retry';
import { jsonResponse, scriptedFetch, type ScriptStep } from './testing/scripted-fetch';

const SECRET = 'fake-pat-1a2b3c4d5e6f7a8b9c0d';
const DC_SITE: Site = { kind: 'dc', baseUrl: 'https://confluence.dc.test/confluence', origin: 'https://confluence.dc.test' };
const ROOT_SITE: Site = { kind: 'dc', baseUrl: 'https://wiki.dc.test', origin: 'https://wiki.dc.test' };
const CLOUD_SITE: Site = { kind: 'cloud', host: 'acme.atlassian.net', cloudId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' };
const pat: Credential = { label: 'DC', kind: 'dc-pat', secret: SECRET, readOnly: false };
const classic: Credential = { label: 'Cloud', kind: 'classic', email: 'ada@example.com', secret: 'fake-cloud-token-0000', readOnly: false };
const DC_USER = { type: 'known', username: 'carol', userKey: 'k1', displayName: 'Carol Example' };
const LINK = '/download/attachments/4000001/dc-diagram.png?version=1&modificationDate=1712000000000&api=v2';

const TOMCAT_401 =
  '<!doctype html><html lang="en"><head><title>HTTP Status 401 – Unauthorized</title></head><body><h1>HTTP Status 401 – Unauthorized</h1>' +
  '<p><b>Message</b> Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</p></body></html>';
const tomcat401 = () => new Response(TOMCAT_401, { status: 401, headers: { 'Content-Type': 'text/html;charset=utf-8' } });
const loginRequired = () => jsonResponse({ statusCode: 401, message: 'Login Required' }, { status: 401 });
const tooMany = (headers: Record<string, string> = { 'Retry-After': '2' }) => jsonResponse({ message: 'Rate limit exceeded' }, { status: 429, headers });

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

describe('a Data Center 401 right after a 429', () => {
  it('in the same call: waits as for the 429, retries once, and the note says why', async () => {
    const { client, calls, activity } = setup([tooMany(), loginRequired(), jsonResponse(DC_USER)]);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    // The 401 waits the 429's Retry-After again before its one retry.
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    const r = await pending;
    expect(calls).toHaveLength(3);
    expect(r).toMatchObject({ ok: true, data: { username: 'carol' }, meta: { retries: 2, rateLimited: 1 } });
    expect(activity).toEqual([expect.objectContaining({ outcome: 'ok', status: 200, retries: 2 })]);
    expect(activity[0]?.note).toMatch(/401 right after a 429.*rate limiting.*retried once: the retry succeeded/);
  });

  it('a second 401 is the token refused, worded for a PAT, and the note says so', async () => {
    const { client, calls, activity } = setup([tooMany(), loginRequired(), loginRequired()]);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(10_000);
    const r = await pending;
    expect(calls).toHaveLength(3);
    expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token', status: 401 } });
    if (!r.ok) {
      expect(r.failure.message).toMatch(/^confluence\.dc\.test refused the personal access token/);
      expect(r.failure.fix).toMatch(/create a new personal access token/i);
      expect(r.failure.fix).toMatch(/made on this server/);
    }
    expect(activity[0]).toMatchObject({ outcome: 'invalid-token', status: 401, retries: 2 });
    expect(activity[0]?.note).toMatch(/the retry was refused too, so the token was refused/);
  });

  it('after a 429 from the same origin in an earlier call (this client remembers it for a minute)', async () => {
    const { client, calls, activity } = setup([tooMany({ 'Retry-After': '40' }), loginRequired(), jsonResponse({ id: '4000001', type: 'page' })], {
      retryPolicy: INTERACTIVE_RETRY_POLICY,
    });
    // Longer than an interactive call waits: it stops, and the 429 is remembered.
    const first = await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    expect(first).toMatchObject({ ok: false, failure: { class: 'rate-limited' } });
    await vi.advanceTimersByTimeAsync(35_000);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getContentById', pathParams: { id: '4000001' } });
    // What is left of the 40 s: 5 s.
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ ok: true, data: { id: '4000001' }, meta: { retries: 1, rateLimited: 0 } });
    expect(calls).toHaveLength(3);
    expect(activity[1]).toMatchObject({ operation: 'getContentById', outcome: 'ok', retries: 1 });
    expect(activity[1]?.note).toMatch(/retried once: the retry succeeded/);
  });

  it('a 401 more than a minute after the last 429 is the token refused at once', async () => {
    const { client, calls, activity } = setup([tooMany({ 'Retry-After': '1' }), loginRequired()], { retryPolicy: { ...INTERACTIVE_RETRY_POLICY, maxRetries: 0 } });
    await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(61_000);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    expect(calls).toHaveLength(2);
    expect(activity[1]?.note).toBeUndefined();
  });

  it('a 429 from another Data Center origin does not make a 401 suspect', async () => {
    const { client, calls } = setup([tooMany({ 'Retry-After': '1' }), loginRequired()], { retryPolicy: { ...INTERACTIVE_RETRY_POLICY, maxRetries: 0 } });
    await client.request({ credential: pat, site: ROOT_SITE, operation: 'getCurrentUser' });
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    expect(calls).toHaveLength(2);
  });

  it('a 401 with no 429 before it is not retried', async () => {
    const { client, calls, activity } = setup([tomcat401()]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token', status: 401 } });
    expect(calls).toHaveLength(1);
    expect(activity[0]?.note).toBeUndefined();
  });

  it('the one retry is a watch POST too: a 401 means the server did nothing', async () => {
    const { client, calls } = setup([tooMany({ 'Retry-After': '1' }), loginRequired(), new Response(null, { status: 204 })]);
    // The 429 itself is not retried for a POST (Atlassian: idempotent requests only).
    const first = await client.request({ credential: pat, site: DC_SITE, operation: 'addContentWatcher', pathParams: { contentId: '4000001' } });
    expect(first).toMatchObject({ ok: false, failure: { class: 'rate-limited' } });
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'addContentWatcher', pathParams: { contentId: '4000001' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ ok: true, status: 204 });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('when the retry cannot be made (a wait longer than the call may), it is reported as rate limiting, not a bad token', async () => {
    const { client, calls, activity } = setup([tooMany({ 'Retry-After': '1' }), jsonResponse({ message: 'Login Required' }, { status: 401, headers: { 'Retry-After': '600' } })], {
      retryPolicy: INTERACTIVE_RETRY_POLICY,
    });
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(1000);
    const r = await pending;
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited', status: 401 } });
    expect(activity[0]).toMatchObject({ outcome: 'rate-limited', status: 401 });
    expect(activity[0]?.note).toMatch(/not retried \(the wait asked for was too long\)/);
  });

  it('a job that logs only failures still logs a call saved by the retry, for its note', async () => {
    const { client, activity } = setup([tooMany({ 'Retry-After': '1' }), loginRequired(), jsonResponse(DC_USER), jsonResponse(DC_USER)]);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser', activity: 'failures' });
    await vi.advanceTimersByTimeAsync(5000);
    expect((await pending).ok).toBe(true);
    expect(activity).toHaveLength(1);
    expect(activity[0]?.note).toMatch(/retry succeeded/);
    // An ordinary successful call of the job leaves none.
    expect((await client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser', activity: 'failures' })).ok).toBe(true);
    expect(activity).toHaveLength(1);
  });

  it('Cloud 401s are unchanged: no retry after a 429', async () => {
    const { client, calls, activity } = setup([
      jsonResponse({}, { status: 429, headers: { 'Retry-After': '1' } }),
      new Response('Basic authentication with passwords is deprecated.', { status: 401, headers: { 'Content-Type': 'text/plain' } }),
    ]);
    const pending = client.request({ credential: classic, site: CLOUD_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ ok: false, failure: { class: 'invalid-token', status: 401 } });
    expect(calls).toHaveLength(2);
    expect(activity[0]?.note).toBeUndefined();
  });
});

describe("Tomcat's HTML 401", () => {
  it('is the token refused (never a malformed answer), with the PAT sentence', async () => {
    const { client } = setup([tomcat401()]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getContentById', pathParams: { id: '4000001' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token', status: 401 } });
    if (r.ok) return;
    expect(r.failure.message).toBe(
      'confluence.dc.test refused the personal access token (HTTP 401): it is invalid, expired or revoked, or it was made on another server.',
    );
    // The page's words are never echoed.
    expect(r.failure.message).not.toMatch(/AUTHENTICATED_FAILED/);
  });
});

describe('Data Center rate-limit headers', () => {
  it('a 429 without Retry-After waits one refill (IntervalSeconds / FillRate), not the generic backoff', async () => {
    const { client, calls } = setup([
      tooMany({ 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Interval-Seconds': '6', 'X-RateLimit-FillRate': '2' }),
      jsonResponse(DC_USER, { headers: { 'X-RateLimit-Interval-Seconds': '6', 'X-RateLimit-FillRate': '2' } }),
    ]);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const r = await pending;
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: true, meta: { durationMs: 3000, rateLimit: { intervalSeconds: 6, fillRate: 2 } } });
  });

  it('a fast bucket still waits a second', async () => {
    const { client, calls } = setup([tooMany({ 'X-RateLimit-Interval-Seconds': '1', 'X-RateLimit-FillRate': '10' }), jsonResponse(DC_USER)]);
    const pending = client.request({ credential: pat, site: DC_SITE, operation: 'getCurrentUser' });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ ok: true, meta: { durationMs: 1000 } });
  });
});

describe('attachments on Data Center', () => {
  const download = (downloadLink: string, site: Site = DC_SITE) => ({ credential: pat, site, operation: 'downloadAttachmentDc', pathParams: { downloadLink } }) as const;

  it('lists a page’s attachments through v1', async () => {
    const { client, calls } = setup([
      jsonResponse({ results: [{ id: 'att5000001', type: 'attachment', title: 'dc-diagram.png', extensions: { mediaType: 'image/png', fileSize: 68 }, _links: { download: LINK } }], size: 1 }),
    ]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getContentAttachments', pathParams: { id: '4000001' }, query: { limit: 100 } });
    expect(calls[0]?.url).toBe('https://confluence.dc.test/confluence/rest/api/content/4000001/child/attachment?limit=100');
    expect(r.ok && r.data.results[0]).toMatchObject({ id: 'att5000001', extensions: { fileSize: 68 }, _links: { download: LINK } });
  });

  it('reads one attachment with its container and download link', async () => {
    const { client } = setup([jsonResponse({ id: 'att5000001', type: 'attachment', title: 'dc-diagram.png', container: { id: '4000001', type: 'page' }, _links: { download: LINK } })]);
    const r = await client.request({ credential: pat, site: DC_SITE, operation: 'getContentById', pathParams: { id: 'att5000001' }, query: { expand: 'container' } });
    expect(r.ok && r.data).toMatchObject({ container: { id: '4000001' }, _links: { download: LINK } });
  });

  it('downloads the servlet path below the base URL with the PAT, query kept, redirects never followed', async () => {
    const { client, calls, activity } = setup([new Response('PNGDATA', { status: 200, headers: { 'Content-Type': 'image/png' } })]);
    const r = await client.request(download(LINK));
    expect(calls[0]).toMatchObject({
      url: `https://confluence.dc.test/confluence${LINK}`,
      method: 'GET',
      redirect: 'manual',
      credentials: 'omit',
      headers: { authorization: `Bearer ${SECRET}`, accept: '*/*' },
    });
    expect(r.ok && r.data.kind).toBe('bytes');
    if (r.ok && r.data.kind === 'bytes') expect(await r.data.blob.text()).toBe('PNGDATA');
    // The log has the path only: no query.
    expect(activity[0]?.path).toBe('/confluence/download/attachments/4000001/dc-diagram.png');
  });

  it('takes the link with the context path already in front, and on a server at the root', async () => {
    const { client, calls } = setup([new Response('A'), new Response('B')]);
    expect((await client.request(download(`/confluence${LINK}`))).ok).toBe(true);
    expect((await client.request(download(LINK, ROOT_SITE))).ok).toBe(true);
    expect(calls.map((c) => c.url)).toEqual([`https://confluence.dc.test/confluence${LINK}`, `https://wiki.dc.test${LINK}`]);
  });

  it('refuses a redirect of the download instead of following it (it would be the login page)', async () => {
    const { client, calls } = setup([new Response(null, { status: 302, headers: { Location: 'https://confluence.dc.test/confluence/login.action' } })]);
    const r = await client.request(download(LINK));
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['a URL with a host', 'https://evil.example/download/attachments/1/a.png'],
    ['a scheme-relative URL', '//evil.example/download/attachments/1/a.png'],
    ['a backslash', '/download/attachments/1\\..\\a.png'],
    ['an encoded backslash', '/download/attachments/1/%5Ca.png'],
    ['a dot-dot segment', '/download/attachments/../../rest/api/user/current'],
    ['an encoded dot-dot segment', '/download/attachments/%2e%2e/%2E%2E/rest/api/user/current'],
    ['a double slash', '/download/attachments//evil.example/a.png'],
    ['an encoded double slash', '/download/attachments/1/%2F%2Fa.png'],
    ['a control character', '/download/attachments/1/a.png\r\nX-Evil: 1'],
    ['an encoded control character', '/download/attachments/1/a%00.png'],
    ['another servlet', '/rest/api/content/1'],
    ['a relative path', 'download/attachments/1/a.png'],
    ['the bare prefix', '/download/attachments/'],
    ['a fragment', '/download/attachments/1/a.png#x'],
    ['another context path', '/other/download/attachments/1/a.png'],
    ['a bad escape', '/download/attachments/1/%zz.png'],
    ['nothing', ''],
  ])('refuses %s before the network', async (_name, link) => {
    const { client, calls, activity } = setup([]);
    const r = await client.request(download(link));
    expect(r).toMatchObject({ ok: false, failure: { class: 'request-rejected' } });
    expect(calls).toHaveLength(0);
    expect(activity[0]).toMatchObject({ operation: 'downloadAttachmentDc', status: null, outcome: 'request-rejected' });
  });

  it('takes no query beside the link’s own', async () => {
    const { client, calls } = setup([]);
    const r = await client.request({ ...download(LINK), query: { extra: 'x' } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'request-rejected' } });
    expect(calls).toHaveLength(0);
  });

  it('is refused on Cloud before the network, with a sentence saying it is a Data Center path', async () => {
    const { client, calls } = setup([]);
    const r = await client.request({ credential: classic, site: CLOUD_SITE, operation: 'downloadAttachmentDc', pathParams: { downloadLink: LINK } });
    expect(r).toMatchObject({ ok: false, failure: { class: 'unsupported-operation' } });
    if (!r.ok) expect(r.failure.message).toMatch(/Data Center path/);
    expect(calls).toHaveLength(0);
  });

  it('a read-only PAT may still download (a GET)', async () => {
    const { client, calls } = setup([new Response('A')]);
    expect((await client.request({ ...download(LINK), credential: { ...pat, readOnly: true } })).ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
