// The HTML pages the content script sees, and tiny links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CONTENT, SIM_DC, SIM_SITES, idForTinyCode, tinyCodeForId } from './index';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;

const sim = useSimulator();

function metas(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return out;
}

async function page(url: string): Promise<{ status: number; metas: Record<string, string>; title: string; html: string }> {
  const r = await sim.fetch(url);
  const html = await r.text();
  return { status: r.status, metas: metas(html), title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '', html };
}

describe('tiny links', () => {
  it('match the checked pairs both ways', () => {
    expect(tinyCodeForId('201819180')).toBe('LIQHD');
    expect(tinyCodeForId(6180601871)).toBe('D4BkcAE');
    expect(idForTinyCode('LIQHD')).toBe('201819180');
    expect(idForTinyCode('D4BkcAE')).toBe('6180601871');
  });

  it('round-trip every fixture id', () => {
    for (const c of SIM_CONTENT) expect(idForTinyCode(tinyCodeForId(c.id))).toBe(c.id);
    expect(idForTinyCode('not/valid')).toBeUndefined();
  });
});

describe('Cloud page URLs', () => {
  const cases: Array<[string, string, string]> = [
    ['/wiki/spaces/ENG/pages/1000002', '1000002', 'page'],
    ['/wiki/spaces/ENG/pages/1000002/Architecture', '1000002', 'page'],
    ['/wiki/spaces/ENG/pages/edit-v2/1000002', '1000002', 'page'],
    ['/wiki/pages/viewpage.action?pageId=1000003', '1000003', 'page'],
    ['/wiki/spaces/ENG/blog/2024/03/15/1000100/Quarterly+Update', '1000100', 'blogpost'],
    ['/wiki/spaces/ENG/whiteboard/1000200', '1000200', 'whiteboard'],
    ['/wiki/spaces/ENG/database/1000300', '1000300', 'database'],
    ['/database/1000300', '1000300', 'database'],
    ['/wiki/spaces/ENG/folder/1000400', '1000400', 'folder'],
    ['/folder/1000400', '1000400', 'folder'],
    ['/wiki/display/ENG/Release+Notes', '201819180', 'page'],
    [`/wiki/display/ENG/${encodeURIComponent('Café & Crème — Ünïcode').replace(/%20/g, '+')}`, '1000008', 'page'],
    ['/wiki/x/LIQHD', '201819180', 'page'],
    ['/wiki/x/D4BkcAE', '6180601871', 'page'],
    ['/wiki/spaces/ENG/overview', '1000001', 'page'],
  ];
  for (const [path, id, type] of cases) {
    it(`${path} → page ${id}`, async () => {
      const p = await page(`${acme}${path}`);
      expect(p.status).toBe(200);
      expect(p.metas).toMatchObject({ 'ajs-page-id': id, 'ajs-content-type': type, 'ajs-cloud-id': SIM_SITES.acme.cloudId });
      expect(p.metas['ajs-space-key']).toBe('ENG');
      expect(p.title).toMatch(/ - Engineering - Confluence$/);
    });
  }

  it('each site carries its own cloudId', async () => {
    const p = await page(`https://${SIM_SITES.globex.host}/wiki/spaces/PUB/pages/2000001`);
    expect(p.metas).toMatchObject({ 'ajs-page-id': '2000001', 'ajs-space-key': 'PUB', 'ajs-cloud-id': SIM_SITES.globex.cloudId });
  });

  it('home and Jira pages carry no page id', async () => {
    for (const path of ['/wiki/home', '/jira/your-work', '/browse/PROJ-1']) {
      const p = await page(`${acme}${path}`);
      expect(p.status, path).toBe(200);
      expect(p.metas, path).not.toHaveProperty('ajs-page-id');
    }
    expect((await page(`${acme}/jira/your-work`)).title).toMatch(/Jira$/);
  });

  it('unknown pages are 404 without a page id', async () => {
    for (const path of ['/wiki/spaces/ENG/pages/424242', '/wiki/x/AAAAAQ', '/wiki/display/ENG/Nope', '/wiki/spaces/NOPE/overview']) {
      const p = await page(`${acme}${path}`);
      expect(p.status, path).toBe(404);
      expect(p.metas).not.toHaveProperty('ajs-page-id');
    }
    // Content of one site is not served by another.
    expect((await page(`https://${SIM_SITES.globex.host}/wiki/spaces/ENG/pages/1000002`)).status).toBe(404);
  });
});

describe('single-page navigation', () => {
  it('links move with history.pushState to URLs whose own pages match the meta tags the script sets', async () => {
    const start = await page(`${acme}/wiki/spaces/ENG/pages/1000006/SPA+Start`);
    expect(start.metas['ajs-page-id']).toBe('1000006');
    expect(start.html).toContain('history.pushState');
    const routesJson = /var routes = (\{.*?\});\n/s.exec(start.html)?.[1];
    expect(routesJson).toBeDefined();
    const routes = JSON.parse(routesJson!) as Record<string, { docTitle: string; metas: Record<string, string> }>;
    const links = [...start.html.matchAll(/<a href="([^"]+)" data-spa-link>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const href of links) {
      const route = routes[href];
      expect(route, href).toBeDefined();
      const direct = await page(`${acme}${href}`);
      expect(direct.status, href).toBe(200);
      expect(route!.metas['ajs-page-id'], href).toBe(direct.metas['ajs-page-id']);
      expect(route!.metas['ajs-space-key'], href).toBe(direct.metas['ajs-space-key']);
      expect(route!.docTitle, href).toBe(direct.title.replace(/&amp;/g, '&'));
    }
    // It also leaves the space (DOCS) and visits a blog post.
    expect(new Set(Object.values(routes).map((r) => r.metas['ajs-space-key']))).toEqual(new Set(['ENG', 'DOCS']));
    expect(Object.values(routes).some((r) => r.metas['ajs-content-type'] === 'blogpost')).toBe(true);
  });
});

describe('Data Center pages', () => {
  it('carry ajs-version-number and no cloud id', async () => {
    for (const path of ['/pages/viewpage.action?pageId=4000001', '/display/DEV/DC+Home', `/x/${tinyCodeForId('4000001')}`]) {
      const p = await page(`${SIM_DC.baseUrl}${path}`);
      expect(p.status, path).toBe(200);
      expect(p.metas).toMatchObject({ 'ajs-page-id': '4000001', 'ajs-space-key': 'DEV', 'ajs-version-number': expect.stringMatching(/^\d+\.\d+/) });
      expect(p.metas).not.toHaveProperty('ajs-cloud-id');
    }
  });
});
