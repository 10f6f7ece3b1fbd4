// Pagination as clients must follow it: v1 `next` relative to `_links.base`, v2 `next`
// site-relative plus a Link header; on the gateway only path and query of `next` are taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_SITES, SIM_TOKENS, authorizationFor } from './index';
import { pageV2 } from './pagination';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const gw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}`;
const alice = { Authorization: authorizationFor(SIM_TOKENS.aliceClassic) };
const aliceScoped = { Authorization: authorizationFor(SIM_TOKENS.aliceScoped) };
const ENG_HOME_CHILD_PAGES = ['201819180', '1000002', '6180601871', '1000006', '1000007', '1000008'];

interface V1List {
  results: Array<{ id: string }>;
  start: number;
  limit: number;
  size: number;
  _links: { base: string; context: string; next?: string; prev?: string };
}
interface V2List {
  results: Array<{ id: string; key?: string }>;
  _links: { base: string; next?: string };
}

const sim = useSimulator();

describe('v1 offset pagination', () => {
  it('child/page: next is relative to _links.base; following it walks all children', async () => {
    let url: string | undefined = `${acme}/wiki/rest/api/content/1000001/child/page?limit=2`;
    const ids: string[] = [];
    const starts: number[] = [];
    while (url) {
      const body = (await (await sim.fetch(url, { headers: alice })).json()) as V1List;
      ids.push(...body.results.map((r) => r.id));
      starts.push(body.start);
      expect(body._links.base).toBe(`${acme}/wiki`);
      if (body.start > 0) expect(body._links.prev).toMatch(/^\/rest\/api\/content\/1000001\/child\/page\?/);
      if (body._links.next) expect(body._links.next).toMatch(/^\/rest\/api\/content\/1000001\/child\/page\?limit=2&start=\d+$/);
      url = body._links.next ? `${body._links.base}${body._links.next}` : undefined;
    }
    expect(ids).toEqual(ENG_HOME_CHILD_PAGES);
    expect(starts).toEqual([0, 2, 4]);
  });

  it('descendant/page on the gateway: the next path is followed on the gateway', async () => {
    let url: string | undefined = `${gw}/wiki/rest/api/content/1000001/descendant/page?limit=4`;
    const ids: string[] = [];
    while (url) {
      const res = await sim.fetch(url, { headers: aliceScoped });
      expect(res.status).toBe(200);
      const body = (await res.json()) as V1List;
      ids.push(...body.results.map((r) => r.id));
      // Links name the site, never the gateway.
      expect(body._links.base).toBe(`${acme}/wiki`);
      url = body._links.next ? `${gw}/wiki${body._links.next}` : undefined;
    }
    expect(ids).toEqual(['201819180', '1000002', '1000003', '1000004', '1000005', '6180601871', '1000006', '1000007', '1000008']);
  });

  it('rejects a negative start', async () => {
    expect((await sim.fetch(`${acme}/wiki/rest/api/content/1000001/child/page?start=-1`, { headers: alice })).status).toBe(400);
  });
});

describe('v2 cursor pagination', () => {
  it('spaces: _links.next is site-relative and the Link header has rel="next" and rel="base"', async () => {
    let url: string | undefined = `${acme}/wiki/api/v2/spaces?limit=1`;
    const keys: string[] = [];
    let pages = 0;
    while (url) {
      const res = await sim.fetch(url, { headers: alice });
      const body = (await res.json()) as V2List;
      keys.push(...body.results.map((r) => r.key!));
      const link = res.headers.get('link');
      if (body._links.next) {
        expect(body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\?limit=1&cursor=/);
        expect(link).toBe(`<${body._links.next}>; rel="next", <${acme}/wiki>; rel="base"`);
      } else {
        expect(link).toBeNull();
      }
      url = body._links.next ? `${acme}${body._links.next}` : undefined;
      pages++;
    }
    expect(keys).toEqual(['ENG', 'DOCS', 'MKT', 'EXP']);
    expect(pages).toBe(4);
  });

  it('gateway: next keeps the site path; clients take path and query onto the gateway base', async () => {
    const first = (await (await sim.fetch(`${gw}/wiki/api/v2/pages/1000002/attachments?limit=2`, { headers: aliceScoped })).json()) as V2List;
    expect(first.results).toHaveLength(2);
    expect(first._links.base).toBe(`${acme}/wiki`);
    const next = new URL(first._links.next!, 'https://placeholder.invalid');
    const second = (await (await sim.fetch(`${gw}${next.pathname}${next.search}`, { headers: aliceScoped })).json()) as V2List;
    expect(second.results.map((r) => r.id)).toEqual(['att1000012']);
    expect(second._links.next).toBeUndefined();
  });

  it('caps limit at 250 and refuses limits below 1 or bad cursors', async () => {
    const res = await sim.fetch(`${acme}/wiki/api/v2/pages/1000001/descendants?limit=1000&depth=1`, { headers: alice });
    expect(res.status).toBe(200);
    expect(((await res.json()) as V2List).results.length).toBeLessThanOrEqual(250);
    expect((await sim.fetch(`${acme}/wiki/api/v2/spaces?limit=0`, { headers: alice })).status).toBe(400);
    expect((await sim.fetch(`${acme}/wiki/api/v2/spaces?cursor=%%%`, { headers: alice })).status).toBe(400);
  });
});

describe('pageV2', () => {
  it('caps a large limit at 250 and carries the capped limit into next', () => {
    const all = Array.from({ length: 600 }, (_, i) => i);
    const first = pageV2(all, new URL('https://x.invalid/wiki/api/v2/spaces?limit=1000&keys=A'), '/wiki/api/v2/spaces', 25);
    expect(first.ok && first.page.items.length).toBe(250);
    const next = first.ok ? new URL(first.page.next!, 'https://x.invalid') : undefined;
    expect(next?.searchParams.get('limit')).toBe('250');
    expect(next?.searchParams.get('keys')).toBe('A');
    const last = pageV2(all, next!, '/wiki/api/v2/spaces', 25);
    const third = last.ok ? pageV2(all, new URL(last.page.next!, 'https://x.invalid'), '/wiki/api/v2/spaces', 25) : undefined;
    expect(third?.ok && third.page.items).toEqual(all.slice(500));
    expect(third?.ok && third.page.next).toBeUndefined();
  });
});
