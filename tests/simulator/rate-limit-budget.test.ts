// Rate-limit headers on every authenticated answer (RATE_LIMIT_HEADERS_ON_SUCCESS), from a
// per-token budget tests can set.
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_SITES, SIM_TOKENS, authorizationFor } from './index';
import { DC_RATE_LIMIT_FILL_RATE, DC_RATE_LIMIT_INTERVAL_SECONDS, RATE_LIMIT_HEADERS_ON_SUCCESS, RATE_LIMIT_LIMIT } from './guesses';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const globex = `https://${SIM_SITES.globex.host}`;
const acmeGw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}`;
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const LIMIT = Number(RATE_LIMIT_LIMIT);

const sim = useSimulator();

async function headersOf(url: string, headers: Record<string, string> = {}): Promise<{ status: number; limit: string | null; remaining: string | null; nearLimit: string | null; h: Headers }> {
  const res = await sim.fetch(url, { headers, redirect: 'manual' });
  await res.arrayBuffer();
  const h = res.headers;
  return { status: res.status, limit: h.get('x-ratelimit-limit'), remaining: h.get('x-ratelimit-remaining'), nearLimit: h.get('x-ratelimit-nearlimit'), h };
}

describe.skipIf(!RATE_LIMIT_HEADERS_ON_SUCCESS)('rate-limit headers on authenticated answers', () => {
  it('count a token’s calls down from the default budget, per token, on the site, the gateway, Jira and DC', async () => {
    const calls: Array<[string, keyof typeof SIM_TOKENS]> = [
      [`${acme}/wiki/rest/api/user/current`, 'aliceClassic'],
      [`${acme}/wiki/api/v2/pages/1000002`, 'aliceClassic'],
      [`${acme}/rest/api/3/myself`, 'aliceClassic'],
      [`${acmeGw}/wiki/rest/api/user/current`, 'aliceScoped'],
      [`https://api.atlassian.com/ex/jira/${SIM_SITES.acme.cloudId}/rest/api/3/myself`, 'aliceScoped'],
      [`${SIM_DC.baseUrl}/rest/api/user/current`, 'carolPat'],
      [`${acme}/wiki/rest/api/user/current`, 'bobClassic'],
    ];
    const seen: Array<[string | null, string | null, string | null]> = [];
    for (const [url, name] of calls) {
      const r = await headersOf(url, auth(name));
      expect(r.status, url).toBe(200);
      seen.push([r.limit, r.remaining, r.nearLimit]);
    }
    const L = String(LIMIT);
    expect(seen).toEqual([
      [L, String(LIMIT - 1), null],
      [L, String(LIMIT - 2), null],
      [L, String(LIMIT - 3), null],
      [L, String(LIMIT - 1), null],
      [L, String(LIMIT - 2), null],
      [L, String(LIMIT - 1), null],
      [L, String(LIMIT - 1), null],
    ]);
  });

  it('are on any answer once the token is accepted (a 404 too), not on refusals, anonymous calls, pages or tenant_info', async () => {
    const missing = await headersOf(`${acme}/wiki/rest/api/content/999999`, auth('aliceClassic'));
    expect([missing.status, missing.limit, missing.remaining]).toEqual([404, String(LIMIT), String(LIMIT - 1)]);
    for (const [url, headers] of [
      [`${acme}/wiki/rest/api/user/current`, auth('aliceScoped')], // scoped token on the site: 401
      [`${acmeGw}/wiki/rest/api/user/current`, auth('aliceScopedPageOnly')], // scope check: 401
      [`${acme}/wiki/rest/api/user/current`, auth('aliceExpiredClassic')],
      [`${globex}/wiki/rest/api/user/current`, {}], // anonymous
      [`${acme}/_edge/tenant_info`, auth('aliceClassic')],
      [`${acme}/wiki/spaces/ENG/pages/1000002/Architecture`, auth('aliceClassic')],
    ] as const) {
      const r = await headersOf(url, headers);
      expect([r.limit, r.remaining], url).toEqual([null, null]);
    }
    // None of those used Alice's classic budget.
    expect((await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'))).remaining).toBe(String(LIMIT - 2));
  });

  it('setRateLimitBudget sets limit and remaining, floors at 0, and sends NearLimit only when asked', async () => {
    sim.control.setRateLimitBudget('aliceClassic', { limit: 50, remaining: 2 });
    const me = `${acme}/wiki/rest/api/user/current`;
    const got: Array<[string | null, string | null, string | null, number]> = [];
    for (let i = 0; i < 4; i++) {
      const r = await headersOf(me, auth('aliceClassic'));
      got.push([r.limit, r.remaining, r.nearLimit, r.status]);
    }
    // The budget running out sends no 429 by itself (control.rateLimit does that).
    expect(got).toEqual([
      ['50', '1', null, 200],
      ['50', '0', null, 200],
      ['50', '0', null, 200],
      ['50', '0', null, 200],
    ]);
    sim.control.setRateLimitBudget('aliceScoped', { limit: 10, remaining: 5, nearLimit: true });
    const near = await headersOf(`${acmeGw}/wiki/rest/api/user/current`, auth('aliceScoped'));
    expect([near.limit, near.remaining, near.nearLimit]).toEqual(['10', '4', 'true']);
    sim.control.setRateLimitBudget('bobClassic', { limit: 5, remaining: -3 });
    expect((await headersOf(me, auth('bobClassic'))).remaining).toBe('0');
    // remaining defaults to the limit.
    sim.control.setRateLimitBudget('bobClassic', { limit: 7 });
    expect((await headersOf(me, auth('bobClassic'))).remaining).toBe('6');
    expect(() => sim.control.setRateLimitBudget('nobody', { limit: 1, remaining: 1 })).toThrow(/unknown simulator token/);
    expect(() => sim.control.setRateLimitBudget('aliceClassic', { limit: 1.5, remaining: 1 })).toThrow(/limit/);
  });

  it('a 429 reports the budget’s limit; reset() restores the default budget', async () => {
    sim.control.setRateLimitBudget('aliceClassic', { limit: 20, remaining: 3, nearLimit: true });
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '2' });
    const limited = await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'));
    // API-token 429s never carry NearLimit.
    expect([limited.status, limited.limit, limited.remaining, limited.nearLimit]).toEqual([429, '20', '0', null]);
    // The 429 did not use the budget.
    expect((await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'))).remaining).toBe('2');
    sim.control.reset();
    const after = await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'));
    expect([after.limit, after.remaining, after.nearLimit]).toEqual([String(LIMIT), String(LIMIT - 1), null]);
  });

  it('Data Center answers also carry X-RateLimit-Interval-Seconds and -FillRate; Cloud answers do not', async () => {
    const dc = await headersOf(`${SIM_DC.baseUrl}/rest/api/content/4000001`, auth('carolPat'));
    expect(dc.status).toBe(200);
    expect([dc.limit, dc.remaining, dc.h.get('x-ratelimit-interval-seconds'), dc.h.get('x-ratelimit-fillrate'), dc.nearLimit]).toEqual([
      String(LIMIT),
      String(LIMIT - 1),
      DC_RATE_LIMIT_INTERVAL_SECONDS,
      DC_RATE_LIMIT_FILL_RATE,
      null,
    ]);
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    const limited = await headersOf(`${SIM_DC.baseUrl}/rest/api/user/current`, auth('carolPat'));
    expect([limited.status, limited.h.get('x-ratelimit-interval-seconds'), limited.h.get('x-ratelimit-fillrate')]).toEqual([429, DC_RATE_LIMIT_INTERVAL_SECONDS, DC_RATE_LIMIT_FILL_RATE]);
    const cloud = await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'));
    expect([cloud.h.get('x-ratelimit-interval-seconds'), cloud.h.get('x-ratelimit-fillrate')]).toEqual([null, null]);
    // A refused PAT gets none.
    expect((await headersOf(`${SIM_DC.baseUrl}/rest/api/user/current`, auth('carolExpiredPat'))).limit).toBeNull();
  });

  it('survive faults that keep the real answer’s headers (huge-body), and are logged nowhere secret', async () => {
    sim.control.injectFault({ kind: 'huge-body', bytes: 1024 });
    const r = await headersOf(`${acme}/wiki/rest/api/user/current`, auth('aliceClassic'));
    expect([r.status, r.remaining]).toEqual([200, String(LIMIT - 1)]);
  });
});
