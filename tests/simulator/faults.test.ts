// Rate limits, outages, latency, tenant_info modes and injected faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIM_SITES, SIM_TOKENS, SIM_USERS, authorizationFor, startSimulator } from './index';
import type { SimTokenSpec } from './types';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const me = `${acme}/wiki/rest/api/user/current`;
const alice = { Authorization: authorizationFor(SIM_TOKENS.aliceClassic) };
const bob = { Authorization: authorizationFor(SIM_TOKENS.bobClassic) };

const sim = useSimulator();

describe('rate limits', () => {
  it('answers the next N requests of a token with 429 and the rate-limit headers', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 2, retryAfter: '7' });
    const before = Date.now();
    for (let i = 0; i < 2; i++) {
      const r = await sim.fetch(me, { headers: alice });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
      expect(r.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
      // API-token 429s: burst/per-token limits, not the app quotas' NearLimit and reason.
      expect(r.headers.get('x-ratelimit-nearlimit')).toBeNull();
      expect(r.headers.get('ratelimit-reason')).toBeNull();
      const reset = Date.parse(r.headers.get('x-ratelimit-reset') ?? '');
      expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(reset).toBeGreaterThanOrEqual(before + 6000);
      expect(reset).toBeLessThan(Date.now() + 9000);
    }
    expect((await sim.fetch(me, { headers: bob })).status).toBe(200);
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
  });

  it('takes the token by secret and passes any Retry-After through raw', async () => {
    sim.control.rateLimit({ secret: SIM_TOKENS.aliceScoped.secret, count: 1, retryAfter: '9223372036854775807' });
    const gw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}/wiki/rest/api/user/current`;
    const r = await sim.fetch(gw, { headers: { Authorization: authorizationFor(SIM_TOKENS.aliceScoped) } });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('9223372036854775807');
    expect([r.headers.get('x-ratelimit-remaining'), r.headers.get('x-ratelimit-nearlimit'), r.headers.get('ratelimit-reason')]).toEqual(['0', null, null]);
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: 'Wed, 21 Oct 2099 07:28:00 GMT' });
    expect((await sim.fetch(me, { headers: alice })).headers.get('retry-after')).toBe('Wed, 21 Oct 2099 07:28:00 GMT');
    expect(() => sim.control.rateLimit({ tokenName: 'nobody', count: 1 })).toThrow(/unknown simulator token/);
  });

  it('answers 503 with Retry-After during an outage, without using it up on page loads', async () => {
    sim.control.serviceUnavailable({ count: 1, retryAfter: '3' });
    expect((await sim.fetch(`${acme}/wiki/spaces/ENG/pages/1000002`)).status).toBe(200);
    const r = await sim.fetch(me, { headers: alice });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('3');
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
    sim.control.serviceUnavailable({ count: 1 });
    const bare = await sim.fetch(me, { headers: alice });
    expect([bare.status, bare.headers.get('retry-after')]).toEqual([503, null]);
  });
});

describe('latency', () => {
  it('delays answers by the configured time', async () => {
    sim.control.setLatency(150);
    const t0 = Date.now();
    await sim.fetch(`${acme}/_edge/tenant_info`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('can be set at start', async () => {
    const slow = await startSimulator({ latencyMs: 120 });
    try {
      const t0 = Date.now();
      await slow.fetch(`${acme}/_edge/tenant_info`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});

describe('tenant_info', () => {
  it('answers the cloudId without authentication, and can be broken', async () => {
    const ok = await sim.fetch(`${acme}/_edge/tenant_info`);
    expect(await ok.json()).toEqual({ cloudId: SIM_SITES.acme.cloudId });
    expect(sim.log[0]).toMatchObject({ authKind: 'none', status: 200 });
    sim.control.setTenantInfo(SIM_SITES.acme.host, 'malformed');
    const bad = await sim.fetch(`${acme}/_edge/tenant_info`);
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();
    sim.control.setTenantInfo(SIM_SITES.acme.host, 'error500');
    expect((await sim.fetch(`${acme}/_edge/tenant_info`)).status).toBe(500);
    // Other sites are unaffected.
    expect(await (await sim.fetch(`https://${SIM_SITES.initech.host}/_edge/tenant_info`)).json()).toEqual({ cloudId: SIM_SITES.initech.cloudId });
  });
});

describe('injected faults', () => {
  it('malformed JSON: a 200 whose body does not parse', async () => {
    sim.control.injectFault({ kind: 'malformed-json' });
    const r = await sim.fetch(me, { headers: alice });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/json/);
    await expect(r.json()).rejects.toThrow();
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
  });

  it('an HTML login page with 200', async () => {
    sim.control.injectFault({ kind: 'html-login', host: SIM_SITES.acme.host, pathPrefix: '/wiki/api/v2/' });
    expect((await sim.fetch(me, { headers: alice })).headers.get('content-type')).toMatch(/json/);
    const r = await sim.fetch(`${acme}/wiki/api/v2/spaces`, { headers: alice });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await r.text()).toMatch(/Log in/);
  });

  it('a truncated body: Content-Length larger than what is sent', async () => {
    sim.control.injectFault({ kind: 'truncated' });
    const r = await sim.fetch(me, { headers: alice });
    expect(r.status).toBe(200);
    await expect(r.text()).rejects.toThrow();
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
  });

  it('a dropped connection', async () => {
    sim.control.injectFault({ kind: 'drop', host: SIM_SITES.acme.host });
    await expect(sim.fetch(me, { headers: alice })).rejects.toThrow(TypeError);
    expect(sim.log[0]).toMatchObject({ path: '/wiki/rest/api/user/current', status: 0 });
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
  });

  it('any status, several times, only where it matches', async () => {
    sim.control.injectFault({ kind: 'status', status: 502, times: 2, host: SIM_SITES.acme.host });
    expect((await sim.fetch(`https://${SIM_SITES.initech.host}/_edge/tenant_info`)).status).toBe(200);
    expect((await sim.fetch(me, { headers: alice })).status).toBe(502);
    expect((await sim.fetch(me, { headers: alice })).status).toBe(502);
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
  });

  it('can hit HTML pages when given a pathPrefix', async () => {
    sim.control.injectFault({ kind: 'status', status: 500, pathPrefix: '/wiki/spaces/ENG/pages/1000002' });
    expect((await sim.fetch(`${acme}/wiki/spaces/ENG/pages/1000002/Architecture`)).status).toBe(500);
    expect((await sim.fetch(`${acme}/wiki/spaces/ENG/pages/1000002/Architecture`)).status).toBe(200);
  });

  it('reset() clears faults, limits, switches and token changes', async () => {
    sim.control.injectFault({ kind: 'status', status: 500, times: 5 });
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 5 });
    sim.control.revokeToken('bobClassic');
    sim.control.setAnonymousAccess(SIM_SITES.globex.host, false);
    sim.control.setLatency(50);
    sim.control.reset();
    expect((await sim.fetch(me, { headers: alice })).status).toBe(200);
    expect((await sim.fetch(me, { headers: bob })).status).toBe(200);
    expect((await sim.fetch(`https://${SIM_SITES.globex.host}/wiki/rest/api/user/current`)).status).toBe(200);
  });
});

describe('hostile answers', () => {
  const initechMe = `https://${SIM_SITES.initech.host}/wiki/rest/api/user/current`;

  it('a redirect: 302 (or another 3xx) to another host, only where it matches', async () => {
    sim.control.injectFault({ kind: 'redirect', host: SIM_SITES.acme.host, pathPrefix: '/wiki/rest/api/user/current', location: initechMe, times: 2 });
    expect((await sim.fetch(`${acme}/wiki/rest/api/user/watch/content/1`, { headers: alice })).status).not.toBe(302);
    const r = await sim.fetch(me, { headers: alice, redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(initechMe);
    expect(await r.text()).toBe('');
    sim.control.injectFault({ kind: 'redirect', status: 307, location: initechMe });
    expect((await sim.fetch(me, { headers: alice, redirect: 'manual' })).status).toBe(302);
    expect((await sim.fetch(me, { headers: alice, redirect: 'manual' })).status).toBe(307);
    expect((await sim.fetch(me, { headers: alice, redirect: 'manual' })).status).toBe(200);
    expect(() => sim.control.injectFault({ kind: 'redirect', location: 'initech.atlassian.net' })).toThrow(/absolute location/);
    expect(() => sim.control.injectFault({ kind: 'redirect', status: 200, location: initechMe })).toThrow(/3xx/);
  });

  it('a huge body: the real answer, grown past the size, still valid JSON', async () => {
    sim.control.injectFault({ kind: 'huge-body', host: SIM_SITES.acme.host, bytes: 3 * 1024 * 1024 });
    const r = await sim.fetch(me, { headers: alice });
    expect(r.status).toBe(200);
    const raw = await r.text();
    expect(Buffer.byteLength(raw)).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect(JSON.parse(raw)).toMatchObject({ type: 'known', accountId: SIM_USERS.alice.accountId });
    // Default: 4 MiB.
    sim.control.injectFault({ kind: 'huge-body' });
    expect(Buffer.byteLength(await (await sim.fetch(me, { headers: alice })).text())).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(() => sim.control.injectFault({ kind: 'huge-body', bytes: -1 })).toThrow(/bytes/);
  });

  it('an identity with a huge displayName: a token of a user of the test’s own', async () => {
    const displayName = 'M'.repeat(256 * 1024);
    const token: SimTokenSpec = {
      name: 'hugeName',
      kind: 'classic',
      secret: 'SIMclassic-huge-name-Zq4wE7rT1y',
      user: { ...SIM_USERS.alice, key: 'huge', accountId: '557058:huge-name', displayName },
      sites: [SIM_SITES.acme.host],
    };
    sim.control.addToken(token);
    const r = await sim.fetch(me, { headers: { Authorization: authorizationFor(token) } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { displayName: string }).displayName).toBe(displayName);
  });

  it('Retry-After: 60', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '60' });
    const r = await sim.fetch(me, { headers: alice });
    expect([r.status, r.headers.get('retry-after')]).toEqual([429, '60']);
  });
});
