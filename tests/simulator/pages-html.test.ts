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

describe('the look of Confluence (page chrome)', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

  it('a page has the top bar, the space sidebar with its tree, breadcrumbs, title, byline, body and labels', async () => {
    const p = await page(`${acme}/wiki/spaces/ENG/pages/1000002/Architecture`);
    expect(p.html).toMatch(/<style>[\s\S]*#172B4D[\s\S]*<\/style>/);
    const nav = /<header id="ctc-topnav"[\s\S]*?<\/header>/.exec(p.html)?.[0] ?? '';
    expect(text(nav)).toMatch(/Confluence.*Acme.*Search.*AE/);
    const crumbs = /<nav id="breadcrumbs"[\s\S]*?<\/nav>/.exec(p.html)?.[0] ?? '';
    expect(text(crumbs).trim()).toBe('Engineering Engineering Home Architecture');
    expect(p.html).toContain('<h1 id="title-text" class="ctc-title">Architecture</h1>');
    const byline = text(/<div id="ctc-byline"[\s\S]*?<\/div>/.exec(p.html)?.[0] ?? '');
    expect(byline).toContain('Owned by Alice Example');
    expect(byline).toContain('Last updated Jun 1, 2024');
    expect(text(/<div id="ctc-labels"[\s\S]*?<\/div>/.exec(p.html)?.[0] ?? '')).toContain('design');
    // The body is the storage sample rendered (a table), not a placeholder.
    expect(/<div id="main-content" class="wiki-content">\s*<table>/.test(p.html)).toBe(true);
    // The tree lists the space's pages, with the page shown marked.
    const tree = /<nav id="ctc-page-tree"[\s\S]*?<\/nav>/.exec(p.html)?.[0] ?? '';
    for (const title of ['Release Notes', 'Architecture', 'Storage Layer', 'API Design', 'Onboarding Guide', 'System Sketch', 'Archive']) expect(tree).toContain(`>${title}</a>`);
    expect(tree).toMatch(/aria-current="page">[\s\S]*?>Architecture<\/a>/);
    expect(tree).not.toContain('data-spa-link');
  });

  it('loads nothing from anywhere else', async () => {
    for (const path of ['/wiki/spaces/ENG/pages/1000002', '/wiki/home', '/wiki/spaces/ENG/overview', '/jira/your-work', '/wiki/x/AAAAAQ']) {
      const { html } = await page(`${acme}${path}`);
      expect(html, path).not.toMatch(/<link\b|@import|url\(\s*['"]?(?:https?:)?\/\/|\bsrc="(?:https?:)?\/\//i);
    }
  });

  it('renders status lozenges and panels of the storage samples', async () => {
    const p = await page(`${acme}/wiki/x/LIQHD`);
    expect(p.html).toMatch(/<span class="status-macro aui-lozenge lozenge-green">green<\/span>/);
    expect(p.html).toMatch(/data-macro-name="info"/);
  });

  it('home, the overview, whiteboards and Data Center pages have the chrome too', async () => {
    const home = await page(`${acme}/wiki/home`);
    expect(text(home.html)).toMatch(/Welcome to Confluence.*Engineering.*Documentation.*Marketing/);
    const overview = await page(`${acme}/wiki/spaces/ENG/overview`);
    expect(overview.html).toMatch(/ctc-side-link ctc-current" href="\/wiki\/spaces\/ENG\/overview"/);
    const wb = await page(`${acme}/wiki/spaces/ENG/whiteboard/1000200`);
    expect(wb.html).toContain('ctc-topnav');
    expect(text(wb.html)).toContain('Whiteboard');
    const dc = await page(`${SIM_DC.baseUrl}/display/DEV/DC+Child`);
    expect(dc.html).toContain('<body class="ctc-dc">');
    expect(text(/<nav id="breadcrumbs"[\s\S]*?<\/nav>/.exec(dc.html)?.[0] ?? '').trim()).toBe('Pages DC Home DC Child');
    expect(text(dc.html)).toContain('Created by Carol Example');
  });

  it('the single-page app swaps the sidebar, breadcrumbs, byline and labels with the page', async () => {
    const start = await page(`${acme}/wiki/spaces/ENG/pages/1000006/SPA+Start`);
    const routes = JSON.parse(/var routes = (\{.*?\});\n/s.exec(start.html)![1]!) as Record<string, { regions: Record<string, string> }>;
    const guide = routes['/wiki/spaces/DOCS/pages/1000501/User+Guide']!;
    expect(Object.keys(guide.regions).sort()).toEqual(['ctc-byline', 'ctc-labels', 'ctc-page-header', 'ctc-sidebar']);
    expect(text(guide.regions['ctc-sidebar']!)).toContain('Documentation');
    expect(text(guide.regions['ctc-page-header']!)).toMatch(/Documentation Docs Home User Guide/);
    for (const id of Object.keys(guide.regions)) expect(start.html, id).toContain(`id="${id}"`);
  });
});
