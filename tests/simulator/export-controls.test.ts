// The controls export tests and benchmarks use: failing content, a 429 every n calls, runtime
// latency, generated trees, and the log fields that prove no credential reached the media host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageSampleNames } from './bodies';
import { attachmentBytes } from './content-store';
import { GENERATED_PAGE_ID_BASE, SIM_DC, SIM_EXPORT, SIM_MEDIA_HOST, SIM_SITES, SIM_TOKENS, authorizationFor } from './index';
import { STORAGE_SAMPLES_DIR } from './paths';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const gw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}`;
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const alice = auth('aliceClassic');
const aliceScoped = auth('aliceScoped');
const { rootId, brokenId } = SIM_EXPORT;

const sim = useSimulator();

async function status(url: string, headers: Record<string, string> = alice): Promise<number> {
  const res = await sim.fetch(url, { headers, redirect: 'manual' });
  await res.arrayBuffer();
  return res.status;
}

describe('failContent', () => {
  it('makes every read of the content answer the status in the v1 or v2 envelope, until reset; listings still name it', async () => {
    for (const code of [404, 403, 500] as const) {
      sim.control.reset();
      sim.control.failContent(brokenId, { status: code });
      const v1 = await sim.fetch(`${acme}/wiki/rest/api/content/${brokenId}?expand=body.storage`, { headers: alice });
      expect(v1.status).toBe(code);
      expect(await v1.json()).toMatchObject({ statusCode: code, data: { successful: false }, message: expect.any(String) });
      const v2 = await sim.fetch(`${gw}/wiki/api/v2/pages/${brokenId}?body-format=storage`, { headers: aliceScoped });
      expect(v2.status).toBe(code);
      expect(await v2.json()).toMatchObject({ errors: [{ status: code }] });
      for (const path of [
        `/wiki/rest/api/content/${brokenId}/child/attachment`,
        `/wiki/rest/api/content/${brokenId}/descendant/page`,
        `/wiki/api/v2/pages/${brokenId}/attachments`,
        `/wiki/api/v2/pages/${brokenId}/descendants`,
      ]) {
        expect(await status(`${acme}${path}`), path).toBe(code);
      }
      // The tree still lists it, and the other pages read fine.
      const tree = (await (await sim.fetch(`${acme}/wiki/api/v2/pages/${rootId}/descendants?depth=5`, { headers: alice })).json()) as { results: Array<{ id: string }> };
      expect(tree.results.map((d) => d.id)).toContain(brokenId);
      expect(await status(`${acme}/wiki/rest/api/content/${SIM_EXPORT.installationId}`)).toBe(200);
    }
    expect((await sim.fetch(`${acme}/wiki/rest/api/content/${brokenId}`, { headers: alice })).status).toBe(500);
    sim.control.reset();
    expect(await status(`${acme}/wiki/rest/api/content/${brokenId}`)).toBe(200);
  });

  it('fails one attachment download by its attachment id, the others still download', async () => {
    sim.control.failContent(SIM_EXPORT.attachmentIds.report, { status: 500 });
    const download = (att: string): string => `${acme}/wiki/rest/api/content/${rootId}/child/attachment/${att}/download`;
    expect(await status(download(SIM_EXPORT.attachmentIds.report))).toBe(500);
    expect(await status(download(SIM_EXPORT.attachmentIds.report.replace(/^att/, '')))).toBe(500);
    expect(await status(download(SIM_EXPORT.attachmentIds.notes))).toBe(302);
  });

  it('404 uses the usual "No content found" message; other statuses are refused', async () => {
    sim.control.failContent(brokenId, { status: 404 });
    expect(((await (await sim.fetch(`${acme}/wiki/rest/api/content/${brokenId}`, { headers: alice })).json()) as { message: string }).message).toBe(
      `No content found with id: ContentId{id=${brokenId}}`,
    );
    expect(() => sim.control.failContent(brokenId, { status: 418 as 404 })).toThrow(/status/);
  });
});

describe('rateLimitEvery', () => {
  it('answers every n-th call with any token 429 and Retry-After (site, gateway, DC); anonymous calls and tenant_info do not count', async () => {
    sim.control.rateLimitEvery(3, 7);
    const calls: Array<[string, Record<string, string>]> = [
      [`${acme}/wiki/rest/api/user/current`, alice],
      [`${gw}/wiki/api/v2/pages/${rootId}`, aliceScoped],
      [`${acme}/wiki/api/v2/pages/${rootId}`, alice],
      [`https://${SIM_SITES.globex.host}/wiki/rest/api/user/current`, {}], // anonymous: not counted
      [`${acme}/wiki/rest/api/content/${rootId}`, auth('bobClassic')],
      [`${acme}/_edge/tenant_info`, alice], // takes no credentials: not counted
      [`${gw}/wiki/rest/api/content/${rootId}`, aliceScoped],
      [`${SIM_DC.baseUrl}/rest/api/user/current`, auth('carolPat')],
    ];
    const statuses: number[] = [];
    for (const [url, headers] of calls) {
      const res = await sim.fetch(url, { headers });
      await res.arrayBuffer();
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('7');
        expect(res.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
        expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 200, 200, 429]);
    sim.control.rateLimitEvery(0, 0);
    expect(await status(`${acme}/wiki/rest/api/user/current`)).toBe(200);
  });

  it('is cleared by reset and validates its arguments', async () => {
    sim.control.rateLimitEvery(1, 1);
    expect(await status(`${acme}/wiki/rest/api/user/current`)).toBe(429);
    sim.control.reset();
    expect(await status(`${acme}/wiki/rest/api/user/current`)).toBe(200);
    expect(() => sim.control.rateLimitEvery(-1, 1)).toThrow();
    expect(() => sim.control.rateLimitEvery(2, 1.5)).toThrow();
  });
});

describe('setLatency', () => {
  it('delays every answer at runtime without serialising parallel calls; reset restores the start option (0)', async () => {
    sim.control.setLatency(150);
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 6 }, () => status(`${acme}/wiki/api/v2/pages/${rootId}`)));
    const elapsed = Date.now() - t0;
    expect(results.every((s) => s === 200)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(elapsed).toBeLessThan(600);
    sim.control.reset();
    const t1 = Date.now();
    await status(`${acme}/wiki/api/v2/pages/${rootId}`);
    expect(Date.now() - t1).toBeLessThan(140);
  });
});

interface V2Page<T> {
  results: T[];
  _links: { next?: string };
}

async function allV2<T>(first: string, headers: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let url: string | undefined = first;
  while (url) {
    const res = await sim.fetch(url, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as V2Page<T>;
    out.push(...body.results);
    url = body._links.next ? `${acme}${body._links.next}` : undefined;
  }
  return out;
}

describe('generateTree', () => {
  it('adds 500 pages with attachments in well under a second, with deterministic ids, gone at reset', async () => {
    const t0 = performance.now();
    const ids = sim.control.generateTree({ parentId: rootId, count: 500, fanOut: 8, attachmentsPerPage: 2, attachmentBytes: 2048 });
    const took = performance.now() - t0;
    expect(took).toBeLessThan(500);
    expect(ids).toHaveLength(500);
    expect(ids[0]).toBe(String(GENERATED_PAGE_ID_BASE + 1));
    expect(new Set(ids).size).toBe(500);

    const tree = await allV2<{ id: string; depth: number; parentId: string }>(`${acme}/wiki/api/v2/pages/${rootId}/descendants?depth=10&limit=250`, alice);
    expect(tree).toHaveLength(505);
    expect(new Set(tree.map((d) => d.id))).toEqual(new Set([...SIM_EXPORT.descendantIds, ...ids]));
    // Breadth-first with fan-out 8: the root takes 6 more (it had 2), then 8 under each page.
    expect(tree.filter((d) => d.parentId === rootId)).toHaveLength(8);
    expect(Math.max(...tree.map((d) => d.depth))).toBe(4);

    // Other routes stay fast with the bigger tree.
    const t1 = performance.now();
    expect(await status(`${acme}/wiki/rest/api/content/${SIM_EXPORT.referenceId}?expand=ancestors,body.export_view`)).toBe(200);
    expect(performance.now() - t1).toBeLessThan(200);

    sim.control.reset();
    expect(await status(`${acme}/wiki/api/v2/pages/${ids[0]}`)).toBe(404);
    expect(sim.control.generateTree({ parentId: rootId, count: 3 })).toEqual(ids.slice(0, 3));
  });

  it('gives generated pages sample bodies, export_view and downloadable attachments of the asked size', async () => {
    const [first, second] = sim.control.generateTree({ parentId: SIM_EXPORT.referenceId, count: 2, attachmentsPerPage: 1, attachmentBytes: 10_000 });
    const page = (await (await sim.fetch(`${acme}/wiki/api/v2/pages/${second}?body-format=storage`, { headers: alice })).json()) as { title: string; parentId: string; body: { storage: { value: string } } };
    expect(page.parentId).toBe(SIM_EXPORT.referenceId);
    const samples = storageSampleNames();
    // Bodies go round the shared samples: generated page n has sample n-1.
    if (samples.length > 1) expect(page.body.storage.value).toBe(readFileSync(path.join(STORAGE_SAMPLES_DIR, samples[1]!), 'utf8'));
    expect(await status(`${gw}/wiki/api/v2/pages/${first}?body-format=export_view`, aliceScoped)).toBe(200);

    const atts = (await (await sim.fetch(`${acme}/wiki/api/v2/pages/${first}/attachments`, { headers: alice })).json()) as { results: Array<{ id: string; fileSize: number; mediaType: string }> };
    expect(atts.results).toHaveLength(1);
    expect(atts.results[0]).toMatchObject({ fileSize: 10_000, mediaType: 'application/octet-stream' });
    const file = await sim.fetch(`${acme}/wiki/rest/api/content/${first}/child/attachment/${atts.results[0]!.id}/download`, { headers: alice });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(10_000);
    expect(bytes.equals(attachmentBytes({ generated: { size: 10_000, seed: 1 } }))).toBe(true);
  });

  it('fanOut 1 makes a chain deeper than v2 descendants reaches in one call (depth ≤ 10)', async () => {
    const ids = sim.control.generateTree({ parentId: SIM_EXPORT.troubleshootingId, count: 12, fanOut: 1 });
    const deep = await allV2<{ id: string; depth: number }>(`${acme}/wiki/api/v2/pages/${SIM_EXPORT.troubleshootingId}/descendants?depth=10`, alice);
    expect(deep.map((d) => d.id)).toEqual(ids.slice(0, 10));
    const rest = await allV2<{ id: string }>(`${acme}/wiki/api/v2/pages/${ids[9]}/descendants?depth=10`, alice);
    expect(rest.map((d) => d.id)).toEqual(ids.slice(10));
    const v1 = (await (await sim.fetch(`${acme}/wiki/rest/api/content/${SIM_EXPORT.troubleshootingId}/descendant/page?limit=50`, { headers: alice })).json()) as { results: unknown[] };
    expect(v1.results).toHaveLength(12);
  });

  it('refuses an unknown parent or a bad count', () => {
    expect(() => sim.control.generateTree({ parentId: '424242', count: 1 })).toThrow(/no content/);
    expect(() => sim.control.generateTree({ parentId: rootId, count: -1 })).toThrow(/count/);
    expect(() => sim.control.generateTree({ parentId: '1000100', count: 1 })).toThrow(/blogpost/);
  });
});

describe('the request log at the media host', () => {
  it('records which credential headers each request had, so tests can prove none reached the media host', async () => {
    const download = `${acme}/wiki/rest/api/content/${rootId}/child/attachment/${SIM_EXPORT.attachmentIds.notes}/download`;
    const followed = await sim.fetch(download, { headers: { ...alice, Cookie: 'tenant.session.token=abc' } });
    expect(followed.status).toBe(200);
    const [api, media] = sim.log;
    expect(api).toMatchObject({ host: SIM_SITES.acme.host, credentialHeaders: ['authorization', 'cookie'], headers: { authorization: 'Basic ***', cookie: '***' } });
    // sim.fetch drops Authorization and Cookie on the cross-origin redirect, as browsers do.
    expect(media).toMatchObject({ host: SIM_MEDIA_HOST, credentialHeaders: [], authKind: 'none', status: 200 });

    const location = (await sim.fetch(download, { headers: alice, redirect: 'manual' })).headers.get('location')!;
    await (await sim.fetch(location, { headers: { Cookie: 'x=1' } })).arrayBuffer();
    expect(sim.log.at(-1)).toMatchObject({ host: SIM_MEDIA_HOST, credentialHeaders: ['cookie'], headers: { cookie: '***' } });
    await (await sim.fetch(location, { headers: alice })).arrayBuffer();
    expect(sim.log.at(-1)).toMatchObject({ host: SIM_MEDIA_HOST, credentialHeaders: ['authorization'], status: 401 });
    const leaks = sim.log.filter((e) => e.host === SIM_MEDIA_HOST && e.credentialHeaders.length > 0);
    expect(leaks).toHaveLength(2);
    expect(JSON.stringify(sim.log)).not.toContain(SIM_TOKENS.aliceClassic.secret);
  });
});
