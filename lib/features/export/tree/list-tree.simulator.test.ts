// listTree against the Confluence simulator's real HTTP answers (tests/simulator): the client as
// the background builds it, the simulator as its network.
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../../../../tests/simulator/index';
import { useSimulator } from '../../../../tests/simulator/use-simulator';
import { createAtlassianClient, type Credential, type Site } from '../../../atlassian/client';
import { listTree } from './list-tree';
import type { TreeEntry } from './tree-entry';

const sim = useSimulator();
const { acme } = SIM_SITES;
const SITE: Site = { kind: 'cloud', host: acme.host, cloudId: acme.cloudId };
const ROOT = SIM_PAGES.engHome.id;
/** A scoped token of the test's own: v1 reads, no read:hierarchical-content:confluence. */
const NO_HIERARCHY_SECRET = 'SIMscoped-alice-nohier-Tq8wE3rY6u';

function client() {
  const slept: number[] = [];
  const c = createAtlassianClient({
    fetch: (url, init) => sim.fetch(url, init),
    now: () => Date.now(),
    // Retry-After is honoured by the client; the test need not spend the seconds.
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    onActivity: () => undefined,
  });
  return { client: c, slept };
}

const cloudToken = (token: { secret: string }, kind: Credential['kind']): Credential => ({ label: 'Sim', kind, email: SIM_USERS.alice.email, secret: token.secret, readOnly: true });

/** The ENG tree as alice sees it: pages in position order, the folder kept, whiteboard and database left out. */
const ENG_TREE = [
  'Release Notes [page] 1',
  'Architecture [page] 1',
  'Storage Layer [page] 2',
  'API Design [page] 2',
  'Pagination [page] 3',
  'Onboarding Guide [page] 1',
  'SPA Start [page] 1',
  'Salary Bands [page] 1',
  'Café & Crème — Ünïcode [page] 1',
  'Archive [folder] 1',
];
const shape = (entries: TreeEntry[]) => entries.map((e) => `${e.title} [${e.type}] ${e.depth}`);
const descendantsCalls = () => sim.log.filter((e) => /descendant/.test(e.path)).map((e) => `${e.host} ${e.path} ${e.status}`);

describe('listTree on the simulator', () => {
  it('a classic token: v2 descendants on the site', async () => {
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants', calls: 1, truncated: false, skipped: 2 });
    expect(r.ok && shape(r.entries)).toEqual(ENG_TREE);
    expect(descendantsCalls()).toEqual([`${acme.host} /wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250 200`]);
  });

  it('a scoped token with read:hierarchical-content:confluence: v2 through the gateway', async () => {
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceScoped, 'scoped'), site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants' });
    expect(r.ok && shape(r.entries)).toEqual(ENG_TREE);
    expect(descendantsCalls()).toEqual([`api.atlassian.com /ex/confluence/${acme.cloudId}/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250 200`]);
  });

  it('a scoped token without it: the scope check, then v1 descendant/page (pages only)', async () => {
    sim.control.addToken({ name: 'aliceScopedNoHierarchy', kind: 'scoped', secret: NO_HIERARCHY_SECRET, user: 'alice', sites: [acme.host], scopes: ['read:content-details:confluence', 'read:page:confluence'] });
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken({ secret: NO_HIERARCHY_SECRET }, 'scoped'), site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', calls: 2, v2Refusal: { class: 'missing-scope' } });
    // v1 lists pages only; the empty folder has no page below it to reveal it.
    expect(r.ok && shape(r.entries)).toEqual(ENG_TREE.filter((line) => !line.includes('[folder]')));
    expect(descendantsCalls()).toEqual([
      `api.atlassian.com /ex/confluence/${acme.cloudId}/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250 401`,
      `api.atlassian.com /ex/confluence/${acme.cloudId}/wiki/rest/api/content/${ROOT}/descendant/page?expand=ancestors&limit=200 200`,
    ]);
  });

  it('a scoped token that can only read pages: v1 is refused too, and that is the failure', async () => {
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceScopedPageOnly, 'scoped'), site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: false, failure: { class: 'missing-scope', scopes: { granular: ['read:content-details:confluence'] } } });
    expect(descendantsCalls()).toHaveLength(2);
  });

  it('a 429 on the way is ridden out and counted', async () => {
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1, retryAfter: '2' });
    const { client: c, slept } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, rateLimited: 1, calls: 1 });
    expect(slept).toEqual([2000]);
  });

  it('Data Center: v1 with the PAT under the context path', async () => {
    const { client: c } = client();
    const dc: Site = { kind: 'dc', baseUrl: SIM_DC.baseUrl, origin: `https://${SIM_DC.host}` };
    const r = await listTree({ client: c, credential: { label: 'DC', kind: 'dc-pat', secret: SIM_TOKENS.carolPat.secret, readOnly: true }, site: dc }, SIM_PAGES.dcChild.parentId as string);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', entries: [{ id: SIM_PAGES.dcChild.id, title: 'DC Child', depth: 1 }] });
    expect(descendantsCalls()).toEqual([`${SIM_DC.host} /confluence/rest/api/content/${SIM_PAGES.dcChild.parentId}/descendant/page?expand=ancestors&limit=200 200`]);
  });

  it('a generated 25-deep chain: v2 recursion past depth 10, parents and depths kept', async () => {
    const ids = sim.control.generateTree({ parentId: SIM_PAGES.pagination.id, host: acme.host, count: 25, fanOut: 1 });
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, SIM_PAGES.pagination.id);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants', calls: 3, truncated: false });
    expect(r.ok && r.entries.map((e) => [e.id, e.depth, e.parentId])).toEqual(ids.map((id, i) => [id, i + 1, i === 0 ? SIM_PAGES.pagination.id : ids[i - 1]]));
    expect(descendantsCalls().map((line) => line.split(' ')[1]?.split('?')[0])).toEqual([SIM_PAGES.pagination.id, ids[9], ids[19]].map((id) => `/wiki/api/v2/pages/${id}/descendants`));
  });

  it('a wide generated tree: v2 pages of results followed through the gateway', async () => {
    const ids = sim.control.generateTree({ parentId: SIM_PAGES.pagination.id, host: acme.host, count: 300, fanOut: 300 });
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceScoped, 'scoped'), site: SITE }, SIM_PAGES.pagination.id);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants', calls: 2 });
    expect(r.ok && r.entries.map((e) => e.id)).toEqual(ids);
    expect(descendantsCalls().every((line) => line.startsWith(`api.atlassian.com /ex/confluence/${acme.cloudId}/wiki/api/v2/`))).toBe(true);
  });

  it('the generated chain through v1 (no read:hierarchical-content:confluence): depths from the ancestors', async () => {
    const ids = sim.control.generateTree({ parentId: SIM_PAGES.pagination.id, host: acme.host, count: 25, fanOut: 1 });
    sim.control.addToken({ name: 'aliceScopedNoHierarchy', kind: 'scoped', secret: NO_HIERARCHY_SECRET, user: 'alice', sites: [acme.host], scopes: ['read:content-details:confluence'] });
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken({ secret: NO_HIERARCHY_SECRET }, 'scoped'), site: SITE }, SIM_PAGES.pagination.id);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', calls: 2 });
    expect(r.ok && r.entries.map((e) => [e.id, e.depth])).toEqual(ids.map((id, i) => [id, i + 1]));
  });

  it('pages inside a folder: v2 lists the folder; v1 rebuilds it from the pages’ ancestors', async () => {
    const folder = SIM_PAGES.folder.id;
    const ids = sim.control.generateTree({ parentId: folder, host: acme.host, count: 2 });
    const inFolder = ['Archive [folder] 1', ...ids.map((_, i) => `Generated page ${i + 1} [page] 2`)];
    const v2 = await listTree({ client: client().client, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, ROOT);
    expect(v2.ok && shape(v2.entries).slice(-3)).toEqual(inFolder);
    sim.control.addToken({ name: 'aliceScopedNoHierarchy', kind: 'scoped', secret: NO_HIERARCHY_SECRET, user: 'alice', sites: [acme.host], scopes: ['read:content-details:confluence'] });
    const v1 = await listTree({ client: client().client, credential: cloudToken({ secret: NO_HIERARCHY_SECRET }, 'scoped'), site: SITE }, ROOT);
    expect(v1).toMatchObject({ ok: true, via: 'v1-descendants' });
    expect(v1.ok && shape(v1.entries).slice(-3)).toEqual(inFolder);
    expect(v1.ok && v1.entries.filter((e) => e.parentId === folder).map((e) => e.id)).toEqual(ids);
  });

  it('a 429 every few calls on a deep tree: all ridden out and counted', async () => {
    sim.control.generateTree({ parentId: SIM_PAGES.pagination.id, host: acme.host, count: 25, fanOut: 1 });
    sim.control.rateLimitEvery(2, 1);
    const { client: c, slept } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, SIM_PAGES.pagination.id);
    expect(r).toMatchObject({ ok: true, calls: 3, entries: expect.any(Array) });
    expect(r.ok && r.rateLimited).toBeGreaterThan(0);
    expect(r.ok && r.rateLimited).toBe(slept.length);
  });

  it('maxEntries cuts the tree in reading order', async () => {
    const { client: c } = client();
    const r = await listTree({ client: c, credential: cloudToken(SIM_TOKENS.aliceClassic, 'classic'), site: SITE }, ROOT, { maxEntries: 3 });
    expect(r).toMatchObject({ ok: true, truncated: true });
    expect(r.ok && r.entries.map((e) => e.title)).toEqual(['Release Notes', 'Architecture', 'Storage Layer']);
  });
});
