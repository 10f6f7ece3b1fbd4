// Classification against the Confluence simulator's real HTTP answers (tests/simulator), so the
// classifier and the simulator agree on what each failure looks like on the wire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SIM_DC,
  SIM_PAGES,
  SIM_SITES,
  SIM_TOKENS,
  SIM_USERS,
  authorizationFor,
} from '../../tests/simulator/index';
import type { ActivityEntry } from './activity-log';
import { createAtlassianClient, type Credential } from './client';
import { INTERACTIVE_RETRY_POLICY } from './retry';
import type { BaseKind, TokenKind } from './endpoints';
import { classifyResponse, type Failure } from './failure';
import type { OperationId } from './operations';
import { useSimulator } from '../../tests/simulator/use-simulator';

const { acme, globex } = SIM_SITES;
const gateway = (cloudId: string) => `https://api.atlassian.com/ex/confluence/${cloudId}`;

const sim = useSimulator();

type SimTokenName = keyof typeof SIM_TOKENS;

async function classify(
  url: string,
  token: SimTokenName | null,
  tokenKind: TokenKind,
  baseKind: BaseKind,
  operation: OperationId = 'getCurrentUser',
): Promise<Failure | null> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) headers.Authorization = authorizationFor(SIM_TOKENS[token]);
  const r = await sim.fetch(url, { headers });
  return classifyResponse({ status: r.status, headers: r.headers, bodyText: await r.text(), operation, tokenKind, baseKind });
}

describe('classifying the simulator’s answers', () => {
  it('a working classic token on the site passes', async () => {
    expect(await classify(`https://${acme.host}/wiki/rest/api/user/current`, 'aliceClassic', 'classic', 'site')).toBeNull();
  });

  it('scoped token on the site URL → wrong-base-url', async () => {
    const f = await classify(`https://${acme.host}/wiki/rest/api/user/current`, 'aliceScoped', 'scoped', 'site');
    expect(f).toMatchObject({ class: 'wrong-base-url', status: 401 });
  });

  it('scoped token on the site URL of an anonymous site still → wrong-base-url, not anonymous', async () => {
    const f = await classify(`https://${globex.host}/wiki/rest/api/user/current`, 'aliceScoped', 'scoped', 'site');
    expect(f).toMatchObject({ class: 'wrong-base-url', status: 401 });
  });

  it('classic token refused by the gateway → invalid-token, worded neutrally (only the site probe tells a classic token)', async () => {
    const f = await classify(`${gateway(acme.cloudId)}/wiki/rest/api/user/current`, 'aliceClassic', 'classic', 'gateway');
    expect(f).toMatchObject({ class: 'invalid-token', status: 401 });
    expect(f?.message).toMatch(/^api\.atlassian\.com refused these credentials/);
  });

  it('scope check on the gateway → missing-scope naming the spec scopes', async () => {
    const f = await classify(`${gateway(acme.cloudId)}/wiki/rest/api/user/current`, 'aliceScopedPageOnly', 'scoped', 'gateway');
    expect(f).toMatchObject({
      class: 'missing-scope',
      status: 401,
      scopes: { granular: ['read:content-details:confluence'], classic: ['read:confluence-user'] },
    });
  });

  it('scoped token holding only classic scope names fails v2 with missing-scope', async () => {
    const f = await classify(
      `${gateway(acme.cloudId)}/wiki/api/v2/pages/${SIM_PAGES.engHome.id}`,
      'aliceScopedClassicScopes',
      'scoped',
      'gateway',
      'getPageById',
    );
    expect(f).toMatchObject({ class: 'missing-scope', scopes: { granular: ['read:page:confluence'] } });
  });

  it('revoked classic token → invalid-token', async () => {
    const f = await classify(`https://${acme.host}/wiki/rest/api/user/current`, 'aliceRevokedClassic', 'classic', 'site');
    expect(f).toMatchObject({ class: 'invalid-token', status: 401 });
  });

  it('expired DC PAT → invalid-token', async () => {
    const f = await classify(`${SIM_DC.baseUrl}/rest/api/user/current`, 'carolExpiredPat', 'dc-pat', 'dc');
    expect(f).toMatchObject({ class: 'invalid-token', status: 401 });
  });

  it('revoked token on globex (anonymous access on) → anonymous-fallback', async () => {
    const f = await classify(`https://${globex.host}/wiki/rest/api/user/current`, 'aliceRevokedClassic', 'classic', 'site');
    expect(f).toMatchObject({ class: 'anonymous-fallback', status: 200 });
  });

  it('429 → rate-limited with the wait', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '7' });
    const f = await classify(`https://${acme.host}/wiki/rest/api/user/current`, 'aliceClassic', 'classic', 'site');
    expect(f).toMatchObject({ class: 'rate-limited', status: 429, retryAfterMs: 7000 });
  });

  it('a page Bob may not see → no-permission-or-not-found', async () => {
    expect(SIM_PAGES.salaryBands.restrictedTo).toEqual(['alice']);
    const f = await classify(`https://${acme.host}/wiki/api/v2/pages/${SIM_PAGES.salaryBands.id}`, 'bobClassic', 'classic', 'site', 'getPageById');
    expect(f).toMatchObject({ class: 'no-permission-or-not-found' });
  });
});

describe('the client against the simulator', () => {
  const alice = SIM_USERS.alice;
  const credential = (name: SimTokenName, kind: TokenKind, readOnly = false): Credential => ({
    label: name,
    kind,
    email: alice.email,
    secret: SIM_TOKENS[name].secret,
    readOnly,
  });

  function client() {
    const activity: ActivityEntry[] = [];
    const c = createAtlassianClient({
      fetch: sim.fetch,
      now: () => Date.now(),
      sleep: async () => undefined, // the simulator's waits are not worth sitting through here
      random: () => 0.5,
      onActivity: (e) => activity.push(e),
    });
    return { c, activity };
  }

  it('a scoped token reaches the gateway and gets a real identity', async () => {
    const { c } = client();
    const r = await c.request({
      credential: credential('aliceScoped', 'scoped'),
      site: { kind: 'cloud', host: acme.host, cloudId: acme.cloudId },
      operation: 'getCurrentUser',
    });
    expect(r).toMatchObject({ ok: true, data: { type: 'known', accountId: alice.accountId } });
    expect(sim.log.at(-1)).toMatchObject({ host: 'api.atlassian.com', tokenLabel: 'aliceScoped' });
  });

  it('an attachment download never carries Authorization to the media host', async () => {
    const { c } = client();
    const attachment = SIM_PAGES.architecture.attachments[0]!;
    const r = await c.request({
      credential: credential('aliceClassic', 'classic'),
      site: { kind: 'cloud', host: acme.host },
      operation: 'downloadAttachment',
      pathParams: { id: SIM_PAGES.architecture.id, attachmentId: attachment.id },
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.data.kind).toBe('bytes');
    if (r.ok && r.data.kind === 'bytes') expect(Buffer.from(await r.data.blob.arrayBuffer()).equals(Buffer.from(attachment.base64!, 'base64'))).toBe(true);
    const media = sim.log.filter((e) => e.host !== acme.host);
    expect(media.length).toBeGreaterThan(0);
    for (const e of media) expect(e.authKind).toBe('none');
  });

  it('a hand-off download answers the signed media URL, which works without any credential', async () => {
    const { c } = client();
    const attachment = SIM_PAGES.architecture.attachments[0]!;
    const r = await c.request({
      credential: credential('aliceClassic', 'classic'),
      site: { kind: 'cloud', host: acme.host },
      operation: 'downloadAttachment',
      pathParams: { id: SIM_PAGES.architecture.id, attachmentId: attachment.id },
      download: 'hand-off',
    });
    expect(r.ok && r.data.kind).toBe('signed-url');
    if (!r.ok || r.data.kind !== 'signed-url') return;
    const signed = new URL(r.data.url);
    expect(signed.host).toBe('api.media.atlassian.com');
    expect(r.data.url).not.toContain(SIM_TOKENS.aliceClassic.secret);
    const bytes = await sim.fetch(r.data.url);
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(Buffer.from(attachment.base64!, 'base64'))).toBe(true);
  });

  it('retries a 429 and leaves one activity entry without the secret', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '1' });
    const { c, activity } = client();
    const r = await c.request({ credential: credential('aliceClassic', 'classic'), site: { kind: 'cloud', host: acme.host }, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: true, meta: { retries: 1 } });
    expect(activity).toEqual([expect.objectContaining({ outcome: 'ok', status: 200, retries: 1 })]);
    expect(JSON.stringify(activity)).not.toContain(SIM_TOKENS.aliceClassic.secret);
  });

  it('paginates v2 attachments through the gateway keeping the prefix', async () => {
    expect(SIM_PAGES.architecture.attachments.length).toBeGreaterThan(1);
    const { c } = client();
    const r = await c.paginate({
      credential: credential('aliceScoped', 'scoped'),
      site: { kind: 'cloud', host: acme.host, cloudId: acme.cloudId },
      operation: 'getPageAttachments',
      pathParams: { id: SIM_PAGES.architecture.id },
      query: { limit: 1 },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pages.flatMap((p) => p.results.map((a) => a.id))).toEqual(SIM_PAGES.architecture.attachments.map((a) => a.id));
    const calls = sim.log.filter((e) => e.path.includes('/attachments'));
    expect(calls.length).toBe(SIM_PAGES.architecture.attachments.length);
    for (const e of calls) {
      expect(e.host).toBe('api.atlassian.com');
      expect(e.path.startsWith(`/ex/confluence/${acme.cloudId}/wiki/api/v2/pages/`)).toBe(true);
    }
  });
});

describe('hostile answers from the simulator', () => {
  const alice = SIM_USERS.alice;
  const credential = (secret: string, kind: TokenKind = 'classic'): Credential => ({ label: 'hostile', kind, email: alice.email, secret, readOnly: false });
  const acmeSite = { kind: 'cloud', host: acme.host, cloudId: acme.cloudId } as const;

  function client() {
    const sleeps: number[] = [];
    const c = createAtlassianClient({
      fetch: sim.fetch,
      now: () => Date.now(),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      onActivity: () => undefined,
      retryPolicy: INTERACTIVE_RETRY_POLICY,
    });
    return { c, sleeps };
  }

  it('user/current redirected to another *.atlassian.net host: refused, and the other host is never asked', async () => {
    const other = `https://${SIM_SITES.initech.host}/wiki/rest/api/user/current`;
    sim.control.injectFault({ kind: 'redirect', host: acme.host, pathPrefix: '/wiki/rest/api/user/current', location: other });
    const r = await client().c.request({ credential: credential(SIM_TOKENS.aliceClassic.secret), site: acmeSite, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected', status: 302 } });
    if (!r.ok) expect(r.failure.message).toContain(`${acme.host} answered with a redirect to another address (${SIM_SITES.initech.host})`);
    expect(sim.log.map((e) => e.host)).toEqual([acme.host]);
  });

  it('a redirected watch write is not reported done', async () => {
    sim.control.injectFault({ kind: 'redirect', host: acme.host, pathPrefix: '/wiki/rest/api/user/watch/', location: `https://${SIM_SITES.initech.host}/wiki/rest/api/user/watch/content/1`, status: 307 });
    const r = await client().c.request({
      credential: credential(SIM_TOKENS.aliceClassic.secret),
      site: acmeSite,
      operation: 'addContentWatcher',
      pathParams: { contentId: SIM_PAGES.architecture.id },
    });
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected', status: 307 } });
    expect(sim.log.filter((e) => e.host !== acme.host)).toEqual([]);
  });

  it('tenant_info redirected: no cloudId from the redirect target', async () => {
    sim.control.injectFault({ kind: 'redirect', host: acme.host, pathPrefix: '/_edge/tenant_info', location: `https://${SIM_SITES.initech.host}/_edge/tenant_info` });
    const r = await client().c.readTenantInfo(acme.host);
    expect(r).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    expect(JSON.stringify(r)).not.toContain(SIM_SITES.initech.cloudId);
  });

  it('an identity with a huge displayName is refused, 256 KB by the schema, 4 MB by the byte limit', async () => {
    for (const [size, expected] of [
      [256 * 1024, /longer than the extension accepts \(at displayName\)/],
      [4 * 1024 * 1024, /the answer was larger than 2 MB/],
    ] as const) {
      const secret = `SIMclassic-huge-${size}-Xy7`;
      sim.control.addToken({ name: `huge${size}`, kind: 'classic', secret, user: { ...alice, key: `huge${size}`, displayName: 'N'.repeat(size) }, sites: [acme.host] });
      const started = Date.now();
      const r = await client().c.request({ credential: credential(secret), site: acmeSite, operation: 'getCurrentUser' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response', status: 200 } });
      if (!r.ok) expect(r.failure.message).toMatch(expected);
    }
  });

  it('a huge body is refused by the byte limit', async () => {
    sim.control.injectFault({ kind: 'huge-body', host: acme.host, bytes: 3 * 1024 * 1024 });
    const r = await client().c.request({ credential: credential(SIM_TOKENS.aliceClassic.secret), site: acmeSite, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
    if (!r.ok) expect(r.failure.message).toMatch(/larger than 2 MB/);
  });

  it('Retry-After: 60 in an interactive call: no wait, "try again at HH:MM"', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 5, retryAfter: '60' });
    const { c, sleeps } = client();
    const r = await c.request({ credential: credential(SIM_TOKENS.aliceClassic.secret), site: acmeSite, operation: 'getCurrentUser' });
    expect(sleeps).toEqual([]);
    expect(r).toMatchObject({ ok: false, failure: { class: 'rate-limited', status: 429 } });
    if (!r.ok) expect(r.failure.message).toMatch(new RegExp(`^Rate limited by ${acme.host.replace(/\./g, '\\.')}: try again at \\d\\d:\\d\\d\\.`));
    expect(sim.log.filter((e) => e.path.includes('/user/current'))).toHaveLength(1);
  });
});
