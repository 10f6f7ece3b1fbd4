// Jira's `myself` on the same token: site URL (classic tokens) and the gateway (scoped tokens).
import { describe, expect, it } from 'vitest';
import { SIM_SCOPES, SIM_SITES, SIM_TOKENS, SIM_USERS, authorizationFor, basicAuthorization, bearerAuthorization } from './index';
import {
  GATEWAY_AUTH_MISMATCH_BODY,
  GATEWAY_NOT_FOUND_BODY,
  JIRA_MYSELF_SCOPE_SETS,
  JIRA_NO_PRODUCT_ACCESS_MESSAGE,
  JIRA_NOT_AUTHENTICATED_MESSAGE,
  RATE_LIMIT_BODY,
} from './guesses';
import { useSimulator } from './use-simulator';

const { acme, globex, initech } = SIM_SITES;
const siteMyself = (host: string): string => `https://${host}/rest/api/3/myself`;
const gwMyself = (cloudId: string): string => `https://api.atlassian.com/ex/jira/${cloudId}/rest/api/3/myself`;
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const SCOPE_BODY = '{"code":401,"message":"Unauthorized; scope does not match"}';
const NOT_AUTHENTICATED = { errorMessages: [JIRA_NOT_AUTHENTICATED_MESSAGE], errors: {} };

const sim = useSimulator();

async function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await sim.fetch(url, { method, headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function aliceJiraUser(host: string): Record<string, unknown> {
  const a = SIM_USERS.alice;
  return {
    self: `https://${host}/rest/api/3/user?accountId=${encodeURIComponent(a.accountId)}`,
    accountId: a.accountId,
    accountType: 'atlassian',
    emailAddress: a.email,
    avatarUrls: expect.objectContaining({ '48x48': expect.stringMatching(/^https:\/\//) }),
    displayName: a.displayName,
    active: true,
    timeZone: a.timeZone,
    locale: 'en_US',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

describe('Jira myself on the site URL', () => {
  it('answers a classic token valid for the site with the Jira user, on every site it was made for', async () => {
    for (const site of [acme, globex, initech]) {
      const r = await get(siteMyself(site.host), auth('aliceClassic'));
      expect(r.status, site.host).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(r.body), site.host).toEqual(aliceJiraUser(site.host));
    }
    // Bob's token is for acme only.
    expect(JSON.parse((await get(siteMyself(acme.host), auth('bobClassic'))).body)).toMatchObject({ accountId: SIM_USERS.bob.accountId, emailAddress: 'bob@example.com' });
    expect((await get(siteMyself(initech.host), auth('bobClassic'))).status).toBe(401);
  });

  it('cannot be accessed anonymously: no or wrong credentials get 401 in the Jira envelope, even where anonymous access is on', async () => {
    for (const site of [acme, globex]) {
      for (const headers of [
        {},
        auth('aliceExpiredClassic'),
        auth('aliceRevokedClassic'),
        { Authorization: basicAuthorization('alice@example.com', 'SIMnot-a-token') },
        { Authorization: basicAuthorization('bob@example.com', SIM_TOKENS.aliceClassic.secret) },
      ]) {
        const r = await get(siteMyself(site.host), headers);
        expect([r.status, JSON.parse(r.body)], `${site.host} ${JSON.stringify(headers)}`).toEqual([401, NOT_AUTHENTICATED]);
        expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      }
    }
    // Confluence on globex still answers the anonymous user.
    expect((await get(`https://${globex.host}/wiki/rest/api/user/current`)).status).toBe(200);
  });

  it('answers a scoped token 401 and Bearer 403, like Confluence', async () => {
    for (const site of [acme, globex]) {
      const scoped = await get(siteMyself(site.host), auth('aliceScoped'));
      expect(scoped.status).toBe(401);
      const body = JSON.parse(scoped.body) as { errorMessages: string[]; errors: object };
      expect(body.errors).toEqual({});
      expect(body.errorMessages[0]).toContain('lacks valid authentication credentials for that resource');
      for (const name of ['aliceClassic', 'aliceScoped', 'carolPat'] as const) {
        const r = await get(siteMyself(site.host), { Authorization: bearerAuthorization(SIM_TOKENS[name].secret) });
        expect([r.status, JSON.parse(r.body)], `${site.host} ${name}`).toEqual([403, { error: 'Failed to parse Connect Session Auth Token' }]);
      }
    }
  });

  it('a user without Jira access gets 403 until access is given back or reset(); Confluence is unaffected', async () => {
    sim.control.setJiraAccess(acme.host, 'alice', false);
    const r = await get(siteMyself(acme.host), auth('aliceClassic'));
    expect([r.status, JSON.parse(r.body)]).toEqual([403, { errorMessages: [JIRA_NO_PRODUCT_ACCESS_MESSAGE], errors: {} }]);
    expect((await get(gwMyself(acme.cloudId), auth('aliceScoped'))).status).toBe(403);
    // Other sites, other users and Confluence are unaffected.
    expect((await get(siteMyself(globex.host), auth('aliceClassic'))).status).toBe(200);
    expect((await get(siteMyself(acme.host), auth('bobClassic'))).status).toBe(200);
    expect((await get(`https://${acme.host}/wiki/rest/api/user/current`, auth('aliceClassic'))).status).toBe(200);
    sim.control.setJiraAccess(acme.host, 'alice', true);
    expect((await get(siteMyself(acme.host), auth('aliceClassic'))).status).toBe(200);
    sim.control.setJiraAccess(acme.host.toUpperCase(), 'bob', false);
    expect((await get(siteMyself(acme.host), auth('bobClassic'))).status).toBe(403);
    sim.control.reset();
    expect((await get(siteMyself(acme.host), auth('bobClassic'))).status).toBe(200);
    expect(() => sim.control.setJiraAccess(acme.host, 'nobody', false)).toThrow(/unknown user/);
  });

  it('dave, who has no Confluence access on acme, still has Jira', async () => {
    expect((await get(`https://${acme.host}/wiki/rest/api/user/current`, auth('daveClassic'))).status).toBe(403);
    const r = await get(siteMyself(acme.host), auth('daveClassic'));
    expect([r.status, (JSON.parse(r.body) as { accountId: string }).accountId]).toEqual([200, SIM_USERS.dave.accountId]);
  });

  it('answers other methods 405 after authentication', async () => {
    expect((await get(siteMyself(acme.host), auth('aliceClassic'), 'POST')).status).toBe(405);
    expect((await get(siteMyself(acme.host), {}, 'POST')).status).toBe(401);
  });
});

describe('Jira myself through the gateway', () => {
  it('answers a scoped token holding the classic scope, with self on the site host', async () => {
    expect(SIM_SCOPES.companion).toContain('read:jira-user');
    const r = await get(gwMyself(acme.cloudId), auth('aliceScoped'));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual(aliceJiraUser(acme.host));
    expect(JSON.parse((await get(gwMyself(globex.cloudId), auth('aliceScoped'))).body)).toMatchObject({ self: expect.stringMatching(/^https:\/\/globex\.atlassian\.net\//) });
  });

  it('accepts the whole granular set, and fails the scope check with any part of it missing', async () => {
    const granular = JIRA_MYSELF_SCOPE_SETS.find((set) => set.length > 1)!;
    expect(granular).toEqual(expect.arrayContaining(['read:user:jira', 'read:application-role:jira', 'read:group:jira', 'read:avatar:jira']));
    sim.control.addToken({ name: 'jiraGranular', kind: 'scoped', secret: 'SIMscoped-jira-granular-0001', user: 'alice', sites: [acme.host], scopes: [...granular] });
    const headers = { Authorization: basicAuthorization('alice@example.com', 'SIMscoped-jira-granular-0001') };
    expect((await get(gwMyself(acme.cloudId), headers)).status).toBe(200);
    for (const missing of granular) {
      sim.control.addToken({ name: 'jiraPartial', kind: 'scoped', secret: 'SIMscoped-jira-partial-0001', user: 'alice', sites: [acme.host], scopes: granular.filter((s) => s !== missing) });
      const r = await get(gwMyself(acme.cloudId), { Authorization: basicAuthorization('alice@example.com', 'SIMscoped-jira-partial-0001') });
      expect([r.status, r.headers.get('x-failure-category'), r.body], missing).toEqual([401, 'FAILURE_CLIENT_SCOPE_CHECK', SCOPE_BODY]);
    }
    // Confluence-only scoped tokens (granular or classic names) fail the Jira scope check.
    for (const name of ['aliceScopedPageOnly', 'aliceScopedClassicScopes'] as const) {
      const r = await get(gwMyself(acme.cloudId), auth(name));
      expect([r.status, r.headers.get('x-failure-category'), r.body], name).toEqual([401, 'FAILURE_CLIENT_SCOPE_CHECK', SCOPE_BODY]);
    }
  });

  it('refuses classic tokens and bad credentials with AUTH_MISMATCH, Bearer with 404, like Confluence', async () => {
    for (const headers of [
      auth('aliceClassic'),
      {},
      { Authorization: basicAuthorization('alice@example.com', 'SIMunknown') },
      { Authorization: basicAuthorization('bob@example.com', SIM_TOKENS.aliceScoped.secret) },
      auth('aliceExpiredClassic'),
    ]) {
      const r = await get(gwMyself(acme.cloudId), headers);
      expect([r.status, r.headers.get('x-failure-category'), JSON.parse(r.body)], JSON.stringify(headers)).toEqual([401, 'FAILURE_CLIENT_AUTH_MISMATCH', GATEWAY_AUTH_MISMATCH_BODY]);
    }
    // A scoped token for another site.
    expect((await get(gwMyself(initech.cloudId), auth('aliceScoped'))).headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
    const bearer = await get(gwMyself(acme.cloudId), { Authorization: bearerAuthorization(SIM_TOKENS.aliceScoped.secret) });
    expect([bearer.status, JSON.parse(bearer.body)]).toEqual([404, GATEWAY_NOT_FOUND_BODY]);
  });

  it('answers an unknown cloudId and other Jira paths 404, like the Confluence gateway', async () => {
    const unknown = 'aaaaaaaa-0000-4000-8000-000000000000';
    const jira = await get(gwMyself(unknown), auth('aliceScoped'));
    const confluence = await get(`https://api.atlassian.com/ex/confluence/${unknown}/wiki/rest/api/user/current`, auth('aliceScoped'));
    expect([jira.status, JSON.parse(jira.body)]).toEqual([confluence.status, JSON.parse(confluence.body)]);
    expect(jira.status).toBe(404);
    expect((await get(`https://api.atlassian.com/ex/jira/${acme.cloudId}/rest/api/3/issue/ABC-1`, auth('aliceScoped'))).status).toBe(404);
    expect((await get(`https://api.atlassian.com/ex/jira/${acme.cloudId}`, auth('aliceScoped'))).status).toBe(404);
  });
});

describe('Jira myself and the simulator machinery', () => {
  it('is logged like other calls: tokenLabel when accepted, tokenPresented always, secrets masked', async () => {
    await get(siteMyself(acme.host), auth('aliceClassic'));
    await get(gwMyself(acme.cloudId), auth('aliceScoped'));
    await get(siteMyself(acme.host), auth('aliceScoped'));
    const [site, gw, refused] = sim.log;
    expect(site).toMatchObject({ host: acme.host, method: 'GET', path: '/rest/api/3/myself', status: 200, authKind: 'basic', tokenLabel: 'aliceClassic', headers: { authorization: 'Basic ***' } });
    expect(gw).toMatchObject({ host: 'api.atlassian.com', path: `/ex/jira/${acme.cloudId}/rest/api/3/myself`, status: 200, tokenLabel: 'aliceScoped' });
    expect(refused).toMatchObject({ status: 401, tokenPresented: 'aliceScoped' });
    expect(refused!.tokenLabel).toBeUndefined();
    const serialized = JSON.stringify(sim.log);
    for (const t of Object.values(SIM_TOKENS)) expect(serialized).not.toContain(t.secret);
  });

  it('rate limits, outages and faults apply', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '4' });
    const limited = await get(siteMyself(acme.host), auth('aliceClassic'));
    expect([limited.status, limited.headers.get('retry-after'), JSON.parse(limited.body)]).toEqual([429, '4', RATE_LIMIT_BODY]);
    sim.control.rateLimit({ tokenName: 'aliceScoped', count: 1 });
    expect((await get(gwMyself(acme.cloudId), auth('aliceScoped'))).status).toBe(429);
    sim.control.serviceUnavailable({ count: 2, retryAfter: '2' });
    const down = await get(siteMyself(acme.host), auth('aliceClassic'));
    expect([down.status, down.headers.get('retry-after')]).toEqual([503, '2']);
    expect((await get(gwMyself(acme.cloudId), auth('aliceScoped'))).status).toBe(503);
    sim.control.injectFault({ kind: 'status', status: 502, host: acme.host, pathPrefix: '/rest/api/3/myself' });
    expect((await get(siteMyself(acme.host), auth('aliceClassic'))).status).toBe(502);
    // A fault without pathPrefix counts Jira's REST path as an API request.
    sim.control.injectFault({ kind: 'malformed-json', host: acme.host });
    const broken = await get(siteMyself(acme.host), auth('aliceClassic'));
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.body) as unknown).toThrow();
    expect((await get(siteMyself(acme.host), auth('aliceClassic'))).status).toBe(200);
  });

  it('latency applies', async () => {
    sim.control.setLatency(120);
    const t0 = Date.now();
    await get(gwMyself(acme.cloudId), auth('aliceScoped'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
  });
});
