// The authentication rules of API-FACTS.md, one by one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SIM_DC,
  SIM_SITES,
  SIM_TOKENS,
  authorizationFor,
  basicAuthorization,
  bearerAuthorization,
} from './index';
import { BASIC_AUTH_DEPRECATED_BODY } from './guesses';
import { specsAvailable } from './spec-scopes';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const globex = `https://${SIM_SITES.globex.host}`;
const gateway = (cloudId: string): string => `https://api.atlassian.com/ex/confluence/${cloudId}`;
const acmeGw = gateway(SIM_SITES.acme.cloudId);
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const SCOPE_BODY = '{"code":401,"message":"Unauthorized; scope does not match"}';

const sim = useSimulator();

async function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await sim.fetch(url, { method, headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe('classic tokens', () => {
  it('work on the site URL and identify their user', async () => {
    const r = await get(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ type: 'known', accountId: expect.any(String), email: 'alice@example.com', displayName: 'Alice Example' });
  });

  it('are refused by the gateway with FAILURE_CLIENT_AUTH_MISMATCH', async () => {
    const r = await get(`${acmeGw}/wiki/rest/api/user/current`, auth('aliceClassic'));
    expect(r.status).toBe(401);
    expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
  });

  it('expired, revoked, unknown or wrong-email tokens get 401 mentioning deprecated basic auth', async () => {
    const attempts = [
      auth('aliceExpiredClassic'),
      auth('aliceRevokedClassic'),
      { Authorization: basicAuthorization('alice@example.com', 'SIMnot-a-token') },
      { Authorization: basicAuthorization('bob@example.com', SIM_TOKENS.aliceClassic.secret) },
      auth('bobClassic'), // valid, but not for initech (below)
    ];
    for (const [i, headers] of attempts.entries()) {
      const url = i === 4 ? `https://${SIM_SITES.initech.host}/wiki/rest/api/user/current` : `${acme}/wiki/rest/api/user/current`;
      const r = await get(url, headers);
      expect(r.status, `attempt ${i}`).toBe(401);
      expect(r.body).toBe(BASIC_AUTH_DEPRECATED_BODY);
      expect(r.body).toMatch(/basic authentication with passwords is deprecated/i);
      expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  it('stop working when revoked or expired at runtime', async () => {
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'))).status).toBe(200);
    sim.control.revokeToken('aliceClassic');
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'))).status).toBe(401);
    sim.control.reset();
    sim.control.expireToken('bobClassic');
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('bobClassic'))).status).toBe(401);
  });
});

describe('scoped tokens', () => {
  it('get 401 on the site URL (v1), saying they lack valid credentials, even where anonymous access is on', async () => {
    for (const site of [acme, globex]) {
      const r = await get(`${site}/wiki/rest/api/user/current`, auth('aliceScoped'));
      expect(r.status, site).toBe(401);
      const body = JSON.parse(r.body) as { statusCode: number; message: string; data: Record<string, unknown> };
      expect(body.message).toContain('lacks valid authentication credentials for that resource');
      expect(body).toMatchObject({ statusCode: 401, data: { authorized: false, valid: true, errors: [], successful: false } });
    }
    expect((await get(`${globex}/wiki/rest/api/user/current`)).status).toBe(200);
  });

  it('get 404 with the v2 error envelope for v2 on the site URL, even for a public page', async () => {
    expect((await get(`${globex}/wiki/api/v2/pages/2000001`)).status).toBe(200);
    for (const url of [`${globex}/wiki/api/v2/pages/2000001`, `${acme}/wiki/api/v2/pages/1000002`]) {
      const r = await get(url, auth('aliceScoped'));
      expect(r.status, url).toBe(404);
      expect(JSON.parse(r.body)).toEqual({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] });
    }
  });

  it('work on the gateway with the site cloudId, and only for sites they were made for', async () => {
    expect((await get(`${acmeGw}/wiki/rest/api/user/current`, auth('aliceScoped'))).status).toBe(200);
    expect((await get(`${gateway(SIM_SITES.globex.cloudId)}/wiki/api/v2/pages/2000001`, auth('aliceScoped'))).status).toBe(200);
    const other = await get(`${gateway(SIM_SITES.initech.cloudId)}/wiki/rest/api/user/current`, auth('aliceScoped'));
    expect(other.status).toBe(401);
    expect(other.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
  });

  it.skipIf(!specsAvailable())('fail the scope check with the exact header and body when a scope is missing', async () => {
    // pageOnly lacks read:content-details:confluence, which v1 user/current needs (spec).
    const r = await get(`${acmeGw}/wiki/rest/api/user/current`, auth('aliceScopedPageOnly'));
    expect(r.status).toBe(401);
    expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(r.body).toBe(SCOPE_BODY);
    // ...but it can read pages with v2.
    expect((await get(`${acmeGw}/wiki/api/v2/pages/1000002`, auth('aliceScopedPageOnly'))).status).toBe(200);
    // Classic scope names are no use to a scoped token on v2.
    const classicNames = await get(`${acmeGw}/wiki/api/v2/pages/1000002`, auth('aliceScopedClassicScopes'));
    expect([classicNames.status, classicNames.body]).toEqual([401, SCOPE_BODY]);
  });

  it.skipIf(!specsAvailable())('may hold classic scopes, which v1 accepts on the gateway (either set the spec lists)', async () => {
    // read:confluence-user is user/current's classic scope (v1 spec).
    const me = await get(`${acmeGw}/wiki/rest/api/user/current`, auth('aliceScopedClassicScopes'));
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ type: 'known', email: 'alice@example.com' });
    // content/{id} wants read:confluence-content.summary, which this token lacks.
    const content = await get(`${acmeGw}/wiki/rest/api/content/1000002`, auth('aliceScopedClassicScopes'));
    expect([content.status, content.headers.get('x-failure-category'), content.body]).toEqual([401, 'FAILURE_CLIENT_SCOPE_CHECK', SCOPE_BODY]);
    sim.control.addToken({
      name: 'mixedScopes',
      kind: 'scoped',
      secret: 'SIMscoped-mixed-classic-granular-01',
      user: 'alice',
      sites: [SIM_SITES.acme.host],
      scopes: ['read:confluence-content.summary', 'read:page:confluence'],
    });
    const mixed = { Authorization: basicAuthorization('alice@example.com', 'SIMscoped-mixed-classic-granular-01') };
    expect((await get(`${acmeGw}/wiki/rest/api/content/1000002`, mixed)).status).toBe(200);
    expect((await get(`${acmeGw}/wiki/api/v2/pages/1000002`, mixed)).status).toBe(200);
  });

  it.skipIf(!specsAvailable())('can be given read:hierarchical-content:confluence (v2 descendants)', async () => {
    sim.control.addToken({
      name: 'allScopes',
      kind: 'scoped',
      secret: 'SIMscoped-all-hierarchical-0001',
      user: 'alice',
      sites: [SIM_SITES.acme.host],
      scopes: ['read:hierarchical-content:confluence', 'read:page:confluence'],
    });
    const headers = { Authorization: basicAuthorization('alice@example.com', 'SIMscoped-all-hierarchical-0001') };
    expect((await get(`${acmeGw}/wiki/api/v2/pages/1000001/descendants`, headers)).status).toBe(200);
    expect((await get(`${acmeGw}/wiki/api/v2/pages/1000001/descendants`, auth('aliceScoped'))).status).toBe(200);
    // Without the scope: the scope check.
    const without = await get(`${acmeGw}/wiki/api/v2/pages/1000001/descendants`, auth('aliceScopedPageOnly'));
    expect([without.status, without.headers.get('x-failure-category'), without.body]).toEqual([401, 'FAILURE_CLIENT_SCOPE_CHECK', SCOPE_BODY]);
    expect((await get(`${acmeGw}/wiki/api/v2/pages/1000001`, headers)).status).toBe(200);
    expect((await get(`${acme}/wiki/api/v2/pages/1000001/descendants`, auth('aliceClassic'))).status).toBe(200);
    // v1 tree endpoints work with read:content-details:confluence.
    expect((await get(`${acmeGw}/wiki/rest/api/content/1000001/descendant/page`, auth('aliceScoped'))).status).toBe(200);
  });
});

describe('Bearer on a Cloud site URL', () => {
  it('answers 403 "Failed to parse Connect Session Auth Token", even where anonymous access is on', async () => {
    for (const site of [acme, globex]) {
      for (const name of ['aliceClassic', 'aliceScoped', 'carolPat'] as const) {
        for (const path of ['/wiki/rest/api/user/current', '/wiki/api/v2/spaces']) {
          const r = await get(`${site}${path}`, { Authorization: bearerAuthorization(SIM_TOKENS[name].secret) });
          expect([r.status, JSON.parse(r.body)], `${site}${path} ${name}`).toEqual([403, { error: 'Failed to parse Connect Session Auth Token' }]);
        }
      }
    }
  });
});

describe('the gateway', () => {
  it('answers 404 to Authorization: Bearer with a Cloud API token', async () => {
    for (const name of ['aliceScoped', 'aliceClassic'] as const) {
      const r = await get(`${acmeGw}/wiki/rest/api/user/current`, { Authorization: bearerAuthorization(SIM_TOKENS[name].secret) });
      expect(r.status, name).toBe(404);
    }
  });

  it('answers unknown or missing credentials with FAILURE_CLIENT_AUTH_MISMATCH', async () => {
    for (const headers of [
      { Authorization: basicAuthorization('alice@example.com', 'SIMunknown') },
      {},
      { Authorization: basicAuthorization('carol@example.com', SIM_TOKENS.carolPat.secret) },
      auth('aliceExpiredClassic'),
    ]) {
      const r = await get(`${acmeGw}/wiki/api/v2/spaces`, headers);
      expect(r.status).toBe(401);
      expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
    }
  });
});

describe('anonymous access', () => {
  it('off: no credentials get 401; on: the anonymous user with 200', async () => {
    expect((await get(`${acme}/wiki/rest/api/user/current`)).status).toBe(401);
    sim.control.setAnonymousAccess(SIM_SITES.acme.host, true);
    const r = await get(`${acme}/wiki/rest/api/user/current`);
    expect(r.status).toBe(200);
    const user = JSON.parse(r.body) as Record<string, unknown>;
    expect(user.type).toBe('anonymous');
    expect(user).not.toHaveProperty('accountId');
    // No space of acme is public: the anonymous user sees nothing.
    expect((await get(`${acme}/wiki/api/v2/pages/1000001`)).status).toBe(404);
    sim.control.setAnonymousAccess(SIM_SITES.globex.host, false);
    expect((await get(`${globex}/wiki/rest/api/user/current`)).status).toBe(401);
  });

  it('answers wrong credentials as the anonymous user, who sees only public content', async () => {
    const wrong = { Authorization: authorizationFor(SIM_TOKENS.aliceExpiredClassic) };
    const me = await get(`${globex}/wiki/rest/api/user/current`, wrong);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ type: 'anonymous' });
    expect((await get(`${globex}/wiki/api/v2/pages/2000001`, wrong)).status).toBe(200);
    expect((await get(`${globex}/wiki/api/v2/pages/2000100`)).status).toBe(404);
    expect((await get(`${globex}/wiki/api/v2/pages/2000003`)).status).toBe(404);
    expect((await get(`${globex}/wiki/rest/api/content/2000100`)).status).toBe(404);
    const spaces = JSON.parse((await get(`${globex}/wiki/api/v2/spaces`)).body) as { results: Array<{ key: string }> };
    expect(spaces.results.map((s) => s.key)).toEqual(['PUB']);
    // The same page with Alice's token.
    expect((await get(`${globex}/wiki/api/v2/pages/2000100`, auth('aliceClassic'))).status).toBe(200);
  });
});

describe('page permissions and watching', () => {
  it('hides restricted pages: 404 on reads, 403 on watch', async () => {
    expect((await get(`${acme}/wiki/rest/api/content/1000007`, auth('bobClassic'))).status).toBe(404);
    expect((await get(`${acme}/wiki/api/v2/pages/1000007`, auth('bobClassic'))).status).toBe(404);
    expect((await get(`${acme}/wiki/rest/api/user/watch/content/1000007`, auth('bobClassic'))).status).toBe(403);
    expect((await get(`${acme}/wiki/rest/api/content/1000007`, auth('aliceClassic'))).status).toBe(200);
    const children = JSON.parse((await get(`${acme}/wiki/rest/api/content/1000001/child/page?limit=50`, auth('bobClassic'))).body) as { results: Array<{ id: string }> };
    expect(children.results.map((c) => c.id)).not.toContain('1000007');
  });

  it('watch: GET {watching}, writes need X-Atlassian-Token: no-check, 204 without body', async () => {
    const url = `${acme}/wiki/rest/api/user/watch/content/1000002`;
    expect(JSON.parse((await get(url, auth('aliceClassic'))).body)).toEqual({ watching: false });
    const noHeader = await get(url, auth('aliceClassic'), 'POST');
    expect(noHeader.status).toBe(403);
    const added = await get(url, { ...auth('aliceClassic'), 'X-Atlassian-Token': 'no-check' }, 'POST');
    expect([added.status, added.body]).toEqual([204, '']);
    expect(JSON.parse((await get(url, auth('aliceClassic'))).body)).toEqual({ watching: true });
    // Bob's watches are his own.
    expect(JSON.parse((await get(url, auth('bobClassic'))).body)).toEqual({ watching: false });
    expect((await get(url, { ...auth('aliceClassic'), 'X-Atlassian-Token': 'no-check' }, 'DELETE')).status).toBe(204);
    expect(JSON.parse((await get(url, auth('aliceClassic'))).body)).toEqual({ watching: false });
    expect((await get(`${acme}/wiki/rest/api/user/watch/space/NOPE`, auth('aliceClassic'))).status).toBe(403);
    expect(JSON.parse((await get(`${acme}/wiki/rest/api/user/watch/space/ENG`, auth('aliceClassic'))).body)).toEqual({ watching: true });
  });

  it('logs which fixture token authenticated, never a secret', async () => {
    await get(`${acme}/wiki/rest/api/user/current`, { ...auth('aliceClassic'), Cookie: 'session=abc', 'X-Atlassian-Token': 'no-check' });
    await get(`${acme}/wiki/rest/api/user/current`, auth('aliceScoped'));
    await get(`https://${SIM_DC.host}/confluence/rest/api/user/current`, auth('carolPat'));
    const [classic, scoped, pat] = sim.log;
    expect(classic).toMatchObject({ host: SIM_SITES.acme.host, method: 'GET', path: '/wiki/rest/api/user/current', status: 200, authKind: 'basic', tokenLabel: 'aliceClassic' });
    expect(classic!.headers).toMatchObject({ authorization: 'Basic ***', cookie: '***', 'x-atlassian-token': 'no-check' });
    expect(scoped).toMatchObject({ status: 401, authKind: 'basic', tokenPresented: 'aliceScoped' });
    expect(scoped!.tokenLabel).toBeUndefined();
    expect(pat).toMatchObject({ status: 200, authKind: 'bearer', tokenLabel: 'carolPat', headers: { authorization: 'Bearer ***' } });
    const serialized = JSON.stringify(sim.log);
    for (const t of Object.values(SIM_TOKENS)) expect(serialized).not.toContain(t.secret);
    expect(serialized).not.toContain(Buffer.from(`alice@example.com:${SIM_TOKENS.aliceClassic.secret}`).toString('base64'));
  });
});

describe('v1 error envelope', () => {
  it('404 bodies say authorized: false', async () => {
    for (const [url, headers] of [
      [`${acme}/wiki/rest/api/content/999999`, auth('aliceClassic')],
      [`${acme}/wiki/rest/api/content/1000007`, auth('bobClassic')],
      [`${acme}/wiki/rest/api/no-such-thing`, auth('aliceClassic')],
      [`${acmeGw}/wiki/rest/api/content/999999`, auth('aliceScoped')],
    ] as const) {
      const r = await get(url, headers);
      expect(r.status, url).toBe(404);
      expect(JSON.parse(r.body), url).toMatchObject({ statusCode: 404, data: { authorized: false, valid: true, errors: [], successful: false }, message: expect.any(String) });
    }
    expect(JSON.parse((await get(`${acme}/wiki/rest/api/content/999999`, auth('aliceClassic'))).body)).toEqual({
      statusCode: 404,
      data: { authorized: false, valid: true, errors: [], successful: false },
      message: 'No content found with id: ContentId{id=999999}',
    });
  });
});

describe('a user without Confluence access', () => {
  const notPermitted = {
    statusCode: 403,
    data: { authorized: false, valid: true, errors: [], successful: false },
    message: 'Current user not permitted to use Confluence',
  };

  it('gets 403 "not permitted to use Confluence" from user/current (fixture user dave on acme)', async () => {
    const r = await get(`${acme}/wiki/rest/api/user/current`, auth('daveClassic'));
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toEqual(notPermitted);
  });

  it('can be any user on any site, through the site or the gateway, until reset', async () => {
    sim.control.setConfluenceAccess(SIM_SITES.acme.host, 'alice', false);
    for (const [url, name] of [
      [`${acme}/wiki/rest/api/user/current`, 'aliceClassic'],
      [`${acmeGw}/wiki/rest/api/user/current`, 'aliceScoped'],
    ] as const) {
      const r = await get(url, auth(name));
      expect([r.status, JSON.parse(r.body)], url).toEqual([403, notPermitted]);
    }
    // Other sites and users are unaffected.
    expect((await get(`https://${SIM_SITES.initech.host}/wiki/rest/api/user/current`, auth('aliceClassic'))).status).toBe(200);
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('bobClassic'))).status).toBe(200);
    sim.control.setConfluenceAccess(SIM_SITES.acme.host, 'alice', true);
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'))).status).toBe(200);
    sim.control.setConfluenceAccess(SIM_SITES.acme.host, 'bob', false);
    sim.control.reset();
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('bobClassic'))).status).toBe(200);
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('daveClassic'))).status).toBe(403);
    expect(() => sim.control.setConfluenceAccess(SIM_SITES.acme.host, 'nobody', false)).toThrow(/unknown user/);
  });
});

describe('Data Center', () => {
  const dc = SIM_DC.baseUrl;

  it('authenticates PATs with Bearer and answers the DC user shape', async () => {
    const r = await get(`${dc}/rest/api/user/current`, auth('carolPat'));
    expect(r.status).toBe(200);
    const user = JSON.parse(r.body) as Record<string, unknown>;
    expect(user).toMatchObject({ type: 'known', username: 'carol', userKey: expect.any(String), displayName: 'Carol Example' });
    expect(user).not.toHaveProperty('accountId');
    expect((await get(`${dc}/rest/api/user/current`, auth('carolExpiredPat'))).status).toBe(401);
    expect((await get(`${dc}/rest/api/user/current`, { Authorization: basicAuthorization('carol@example.com', SIM_TOKENS.carolPat.secret) })).status).toBe(401);
    expect((await get(`${dc}/rest/api/user/current`)).status).toBe(401);
    // A PAT is no Cloud credential: Bearer on a site URL.
    expect((await get(`${acme}/wiki/rest/api/user/current`, auth('carolPat'))).status).toBe(403);
  });

  it('answers watch status as a bare boolean and POST with 200 and a ContentWatch', async () => {
    const watched = await get(`${dc}/rest/api/user/watch/content/4000001`, auth('carolPat'));
    expect([watched.status, watched.body]).toEqual([200, 'true']);
    expect(JSON.parse(watched.body)).toBe(true);
    const url = `${dc}/rest/api/user/watch/content/4000002`;
    expect((await get(url, auth('carolPat'))).body).toBe('false');
    const added = await get(url, { ...auth('carolPat'), 'X-Atlassian-Token': 'no-check' }, 'POST');
    expect(added.status).toBe(200);
    expect(added.headers.get('content-type')).toMatch(/^application\/json/);
    const watch = JSON.parse(added.body) as Record<string, unknown>;
    expect(watch).toMatchObject({ type: 'page', contentId: 4000002, watcher: { type: 'known', username: 'carol', displayName: 'Carol Example' } });
    expect(watch).not.toHaveProperty('watching');
    expect((await get(url, auth('carolPat'))).body).toBe('true');
    const space = await get(`${dc}/rest/api/user/watch/space/DEV`, { ...auth('carolPat'), 'X-Atlassian-Token': 'no-check' }, 'POST');
    expect([space.status, JSON.parse(space.body)]).toMatchObject([200, { type: 'space', spaceKey: 'DEV', watcher: { username: 'carol' } }]);
  });

  it('serves content under the context path, and has no tenant_info', async () => {
    const r = await get(`${dc}/rest/api/content/4000001?expand=space,version`, auth('carolPat'));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ id: '4000001', space: { key: 'DEV' }, _links: { base: SIM_DC.baseUrl, context: '/confluence' } });
    expect((await get(`https://${SIM_DC.host}/_edge/tenant_info`)).status).toBe(404);
    expect((await get(`https://${SIM_DC.host}/rest/api/user/current`, auth('carolPat'))).status).toBe(404);
  });
});
