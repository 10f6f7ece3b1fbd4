// The export fixture tree (export-fixtures.ts) and every read an export makes, on the site with a
// classic token and on the gateway with a scoped one, scope checks included.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { storageBody } from './bodies';
import { EXPORT_CSHARP_CODE, SIM_EXPORT, SIM_EXPORT_PAGES, SIM_MEDIA_HOST, SIM_SITES, SIM_TOKENS, SIM_USERS, authorizationFor } from './index';
import { specsAvailable } from './spec-scopes';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const gw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}`;
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const EXPORT_EXPAND = 'body.storage,body.atlas_doc_format,body.export_view,version,space,history,metadata.labels,ancestors';
/** Both ways in: the site with a classic token, the gateway with a scoped one. */
const WAYS = [
  { name: 'site, classic token', base: acme, headers: auth('aliceClassic') },
  { name: 'gateway, scoped token', base: gw, headers: auth('aliceScoped') },
] as const;
const { rootId } = SIM_EXPORT;

interface V1Content {
  id: string;
  title: string;
  space: { key: string };
  version: { number: number };
  history: { createdBy: { displayName: string } };
  metadata: { labels: { results: Array<{ name: string }> } };
  ancestors: Array<{ id: string }>;
  body: Record<'storage' | 'atlas_doc_format' | 'export_view', { value: string; representation: string }>;
}

const sim = useSimulator();

async function getJson<T>(url: string, headers: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await sim.fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** Every node of an ADF document, depth-first. */
function adfNodes(node: { type: string; content?: unknown[] }): Array<{ type: string; attrs?: Record<string, unknown> }> {
  return [node, ...((node.content ?? []) as Array<{ type: string; content?: unknown[] }>).flatMap((n) => adfNodes(n))];
}

describe('the export fixture tree', () => {
  it('has a root with five descendants on three levels, in space EXP', () => {
    const pages = Object.values(SIM_EXPORT_PAGES);
    expect(pages.map((p) => p.id)).toEqual([rootId, ...SIM_EXPORT.descendantIds]);
    expect(pages.every((p) => p.site === SIM_SITES.acme.host && p.spaceKey === 'EXP')).toBe(true);
    expect(SIM_EXPORT_PAGES.troubleshooting.parentId).toBe(SIM_EXPORT.installationId);
    expect(SIM_EXPORT_PAGES.broken.title).toBe('Broken page');
  });

  it('stores every page as well-formed storage XML, children linking to each other by title and by id', () => {
    for (const page of Object.values(SIM_EXPORT_PAGES)) {
      // The samples in the root use no named entities, so plain XML must take every body.
      const xml = `<r xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${storageBody(page)}</r>`;
      const errors: string[] = [];
      new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
      expect(errors, page.title).toEqual([]);
    }
    for (const page of [SIM_EXPORT_PAGES.gettingStarted, SIM_EXPORT_PAGES.installation, SIM_EXPORT_PAGES.troubleshooting, SIM_EXPORT_PAGES.broken, SIM_EXPORT_PAGES.reference]) {
      expect(storageBody(page)).toMatch(/<ac:link><ri:page ri:content-title="[^"]+"\/><\/ac:link>/);
    }
    expect(storageBody(SIM_EXPORT_PAGES.reference)).toContain(`/wiki/spaces/EXP/pages/${SIM_EXPORT.gettingStartedId}/Getting+started" data-card-appearance="inline"`);
  });

  it('root storage holds each construct the exporter must keep', () => {
    const s = storageBody(SIM_EXPORT_PAGES.root);
    expect(s).toContain('<ac:parameter ac:name="language">c#</ac:parameter>');
    expect(s).toContain(`<![CDATA[${EXPORT_CSHARP_CODE}]]>`);
    expect(s).toMatch(/<ac:structured-macro ac:name="code"[^>]*><ac:plain-text-body>/); // no language
    expect(s).toContain('<ac:task-status>complete</ac:task-status>');
    expect(s).toContain('<ac:task-status>incomplete</ac:task-status>');
    for (const panel of ['info', 'note', 'warning', 'expand', 'status', 'drawio']) expect(s).toContain(`ac:name="${panel}"`);
    expect(s).toContain('<td colspan="2">');
    expect(s).toContain(`<ri:user ri:account-id="${SIM_USERS.bob.accountId}"/>`);
    expect(s).toMatch(/<ac:emoticon ac:name="tick"/);
    expect(s).toContain('<ac:image><ri:attachment ri:filename="diagram.png"/></ac:image>');
    expect(s).toContain('<ri:page ri:content-title="Getting started"/>');
  });
});

describe('the tree in the browser', () => {
  it('shows each page with the tree in the sidebar', async () => {
    const res = await sim.fetch(`${acme}/wiki/spaces/EXP/pages/${SIM_EXPORT.troubleshootingId}/Troubleshooting`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<meta name="ajs-page-id" content="${SIM_EXPORT.troubleshootingId}">`);
    for (const id of SIM_EXPORT.descendantIds) expect(html).toContain(`/wiki/spaces/EXP/pages/${id}/`);
  });
});

describe('v1 content with the export expansions', () => {
  for (const way of WAYS) {
    it(`${way.name}: 8 expansions answer storage, ADF, export_view, version, space, history, labels and ancestors`, async () => {
      const { status, body } = await getJson<V1Content>(`${way.base}/wiki/rest/api/content/${rootId}?expand=${EXPORT_EXPAND}`, way.headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: rootId, title: 'Export handbook', space: { key: 'EXP' }, version: { number: 5 }, ancestors: [] });
      expect(body.history.createdBy.displayName).toBe('Alice Example');
      expect(body.metadata.labels.results.map((l) => l.name)).toEqual(['export', 'handbook']);
      expect(body.body.storage.value).toBe(storageBody(SIM_EXPORT_PAGES.root));

      const view = body.body.export_view.value;
      expect(view).not.toMatch(/<\/?(ac|ri):/);
      expect(view).toContain(`data-account-id="${SIM_USERS.bob.accountId}"`);
      expect(view).toMatch(/class="confluence-userlink user-mention"[^>]*>Bob Example<\/a>/);
      expect(view).toMatch(new RegExp(`<img class="confluence-embedded-image"[^>]* src="/wiki/download/attachments/${rootId}/diagram\\.png\\?version=2&amp;[^"]*"`));
      expect(view).toContain('brush: c#;');
      expect(view).toContain('brush: text;');
      expect(view).toContain('<li class="checked" data-inline-task-id="1">');
      expect(view).toContain('<li data-inline-task-id="2">');
      expect(view).toContain('confluence-information-macro-note');
      expect(view).toContain('<span class="expand-control-text">Why storage and not export_view</span>');
      expect(view).toContain('aui-lozenge-success conf-macro output-inline" data-hasbody="false" data-macro-name="status">Done</span>');
      expect(view).toContain('data-emoji-fallback="✅"');
      expect(view).toContain('<td colspan="2">');
      expect(view).toContain(`<a href="https://acme.atlassian.net/wiki/spaces/EXP/pages/${SIM_EXPORT.gettingStartedId}/Getting+started" data-linked-resource-id="${SIM_EXPORT.gettingStartedId}"`);
      expect(view).toContain('data-macro-name="drawio"');

      const adf = JSON.parse(body.body.atlas_doc_format.value) as { type: string; content: unknown[] };
      expect(adf.type).toBe('doc');
      const nodes = adfNodes(adf);
      expect(nodes.find((n) => n.type === 'codeBlock')?.attrs).toEqual({ language: 'c#' });
      expect(nodes.filter((n) => n.type === 'taskItem').map((n) => n.attrs?.state)).toEqual(['DONE', 'TODO']);
      expect(nodes.filter((n) => n.type === 'panel').map((n) => n.attrs?.panelType)).toEqual(['info', 'warning', 'error']);
      expect(nodes.find((n) => n.type === 'mention')?.attrs?.id).toBe(SIM_USERS.bob.accountId);
    });
  }

  it('lists ancestors root first; more than 8 expansions is a 400', async () => {
    const { body } = await getJson<V1Content>(`${acme}/wiki/rest/api/content/${SIM_EXPORT.troubleshootingId}?expand=ancestors,body.export_view`, auth('aliceClassic'));
    expect(body.ancestors.map((a) => a.id)).toEqual([rootId, SIM_EXPORT.gettingStartedId, SIM_EXPORT.installationId]);
    expect(body.body.export_view.value).toContain(`data-linked-resource-id="${SIM_EXPORT.installationId}"`);
    const nine = await sim.fetch(`${acme}/wiki/rest/api/content/${rootId}?expand=${EXPORT_EXPAND},children.page`, { headers: auth('aliceClassic') });
    expect(nine.status).toBe(400);
  });

  it.skipIf(!specsAvailable())('gateway: a token without read:content-details gets the scope-check 401', async () => {
    const r = await sim.fetch(`${gw}/wiki/rest/api/content/${rootId}?expand=body.storage`, { headers: auth('aliceScopedPageOnly') });
    expect(r.status).toBe(401);
    expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
  });
});

interface V2List<T> {
  results: T[];
  _links: { next?: string; base: string };
}
interface V2Descendant {
  id: string;
  title: string;
  type: string;
  status: string;
  parentId: string;
  depth: number;
  childPosition: number;
}

/** Follows `_links.next` (path and query onto `base`, which keeps the gateway prefix); checks the Link header. */
async function walkV2<T>(first: string, base: string, headers: Record<string, string>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const res = await sim.fetch(url, { headers });
    expect(res.status, url).toBe(200);
    const body = (await res.json()) as V2List<T>;
    items.push(...body.results);
    pages++;
    if (body._links.next) {
      expect(res.headers.get('link')).toBe(`<${body._links.next}>; rel="next", <${acme}/wiki>; rel="base"`);
      url = `${base}${body._links.next}`;
    } else {
      expect(res.headers.get('link')).toBeNull();
      url = undefined;
    }
  }
  return { items, pages };
}

describe('v2 descendants', () => {
  for (const way of WAYS) {
    it(`${way.name}: depth 10 gives all five with their place in the tree; the default depth is 2; cursor pages follow next`, async () => {
      const all = await walkV2<V2Descendant>(`${way.base}/wiki/api/v2/pages/${rootId}/descendants?depth=10&limit=2`, way.base, way.headers);
      expect(all.pages).toBe(3);
      expect(all.items.map((d) => d.id)).toEqual(SIM_EXPORT.descendantIds);
      expect(all.items.find((d) => d.id === SIM_EXPORT.troubleshootingId)).toEqual({
        id: SIM_EXPORT.troubleshootingId,
        title: 'Troubleshooting',
        type: 'page',
        status: 'current',
        parentId: SIM_EXPORT.installationId,
        depth: 3,
        childPosition: 0,
      });
      expect(all.items.find((d) => d.id === SIM_EXPORT.brokenId)).toMatchObject({ parentId: SIM_EXPORT.gettingStartedId, depth: 2, childPosition: 1 });
      const shallow = await walkV2<V2Descendant>(`${way.base}/wiki/api/v2/pages/${rootId}/descendants`, way.base, way.headers);
      expect(shallow.items.map((d) => d.depth)).toEqual([1, 2, 2, 1]);
    });
  }

  it('refuses a depth above 10', async () => {
    expect((await sim.fetch(`${acme}/wiki/api/v2/pages/${rootId}/descendants?depth=11`, { headers: auth('aliceClassic') })).status).toBe(400);
  });

  it.skipIf(!specsAvailable())('gateway: needs read:hierarchical-content:confluence (the scope-check 401 otherwise)', async () => {
    const r = await sim.fetch(`${gw}/wiki/api/v2/pages/${rootId}/descendants`, { headers: auth('aliceScopedNoTree') });
    expect(r.status).toBe(401);
    expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await r.text()).toBe('{"code":401,"message":"Unauthorized; scope does not match"}');
  });
});

interface V1Page {
  results: Array<{ id: string; ancestors: Array<{ id: string }> }>;
  _links: { next?: string };
}

describe('v1 descendant/page', () => {
  const ways = [...WAYS, { name: 'gateway, scoped token without the hierarchy scope', base: gw, headers: auth('aliceScopedNoTree') }];
  for (const way of ways) {
    it(`${way.name}: every descendant depth-first, ancestors root first, offset pages`, async () => {
      let url: string | undefined = `${way.base}/wiki/rest/api/content/${rootId}/descendant/page?expand=ancestors&limit=2&start=0`;
      const seen: V1Page['results'] = [];
      while (url) {
        const page: { status: number; body: V1Page } = await getJson<V1Page>(url, way.headers);
        expect(page.status).toBe(200);
        seen.push(...page.body.results);
        url = page.body._links.next ? `${way.base}/wiki${page.body._links.next}` : undefined;
      }
      expect(seen.map((p) => p.id)).toEqual(SIM_EXPORT.descendantIds);
      const troubleshooting = seen.find((p) => p.id === SIM_EXPORT.troubleshootingId)!;
      expect(troubleshooting.ancestors.map((a) => a.id)).toEqual([rootId, SIM_EXPORT.gettingStartedId, SIM_EXPORT.installationId]);
      expect(seen.find((p) => p.id === SIM_EXPORT.referenceId)!.ancestors.map((a) => a.id)).toEqual([rootId]);
    });
  }
});

interface V2Attachment {
  id: string;
  title: string;
  mediaType: string;
  fileSize: number;
  pageId: string;
  fileId: string;
  downloadLink: string;
  _links: { download: string; webui: string };
}

describe('attachments', () => {
  for (const way of WAYS) {
    it(`${way.name}: v2 lists them with cursor pages; the v1 download redirects to the media host, which serves them without credentials`, async () => {
      const { items, pages } = await walkV2<V2Attachment>(`${way.base}/wiki/api/v2/pages/${rootId}/attachments?limit=1`, way.base, way.headers);
      expect(pages).toBe(3);
      expect(items.map((a) => [a.id, a.title, a.mediaType, a.pageId])).toEqual([
        [SIM_EXPORT.attachmentIds.diagram, 'diagram.png', 'image/png', rootId],
        [SIM_EXPORT.attachmentIds.notes, 'notes.txt', 'text/plain', rootId],
        [SIM_EXPORT.attachmentIds.report, 'report.pdf', 'application/pdf', rootId],
      ]);
      for (const att of items) {
        expect(att.downloadLink).toMatch(new RegExp(`^/download/attachments/${rootId}/${att.title.replace('.', '\\.')}\\?version=\\d+&`));
        expect(att._links.download).toBe(att.downloadLink);
        const redirect = await sim.fetch(`${way.base}/wiki/rest/api/content/${rootId}/child/attachment/${att.id}/download`, { headers: way.headers, redirect: 'manual' });
        expect(redirect.status).toBe(302);
        const location = new URL(redirect.headers.get('location')!);
        expect(location.host).toBe(SIM_MEDIA_HOST);
        expect(location.pathname).toBe(`/file/${att.fileId}/binary`);
        expect([...location.searchParams.keys()]).toEqual(expect.arrayContaining(['token', 'client', 'name']));
        const file = await sim.fetch(location);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe(att.mediaType);
        const bytes = Buffer.from(await file.arrayBuffer());
        expect(bytes.length).toBe(att.fileSize);
        if (att.title === 'diagram.png') {
          expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
          expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
          expect(bytes.length).toBeLessThan(1000);
        } else if (att.title === 'report.pdf') {
          const pdf = bytes.toString('latin1');
          expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
          expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
          // startxref points at the xref table, whose entries point at the objects.
          const xref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
          expect(pdf.slice(xref, xref + 4)).toBe('xref');
          const first = Number(/\n(\d{10}) 00000 n \n/.exec(pdf.slice(xref))![1]);
          expect(pdf.slice(first, first + 7)).toBe('1 0 obj');
        } else {
          expect(bytes.toString('utf8')).toMatch(/^Export notes/);
        }
      }
      const media = sim.log.filter((e) => e.host === SIM_MEDIA_HOST);
      expect(media).toHaveLength(3);
      expect(media.every((e) => e.credentialHeaders.length === 0 && e.authKind === 'none')).toBe(true);
    });
  }

  it('v2 caps limit at 250', async () => {
    const res = await sim.fetch(`${acme}/wiki/api/v2/pages/${rootId}/attachments?limit=1000`, { headers: auth('aliceClassic') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as V2List<V2Attachment>).results).toHaveLength(3);
  });
});
