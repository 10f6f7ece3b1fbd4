// listTree against the real request client, its network a scripted fetch.
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../atlassian/activity-log';
import { createAtlassianClient, type Credential, type Site } from '../../../atlassian/client';
import { jsonResponse, scriptedFetch, type ScriptStep } from '../../../atlassian/testing/scripted-fetch';
import { listTree } from './list-tree';
import type { TreeEntry } from './tree-entry';
import { chain, createFakeTree, type FakeContent } from './testing/fake-descendants';

const EMAIL = 'ada@example.com';
const SECRET = 'fake-token-0a1b2c3d4e5f60718293';
const CLOUD_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;
const SITE: Site = { kind: 'cloud', host: 'acme.atlassian.net', cloudId: CLOUD_ID };
const DC_SITE: Site = { kind: 'dc', baseUrl: 'https://confluence.dc.test/confluence', origin: 'https://confluence.dc.test' };
const classic: Credential = { label: 'Work', kind: 'classic', email: EMAIL, secret: SECRET, readOnly: true };
const scoped: Credential = { ...classic, label: 'Work scoped', kind: 'scoped' };
const pat: Credential = { label: 'DC', kind: 'dc-pat', secret: SECRET, readOnly: true };

const ROOT = '100';
const HOME: FakeContent = { id: '1', title: 'Space home', type: 'page' };
const ROOT_PAGE: FakeContent = { id: ROOT, title: 'Handbook', type: 'page', parentId: '1' };

const SCOPE_CHECK = () =>
  jsonResponse({ code: 401, message: 'Unauthorized; scope does not match' }, { status: 401, headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' } });

function setup(steps: ScriptStep[]) {
  const fake = scriptedFetch(steps);
  const slept: number[] = [];
  const activity: ActivityEntry[] = [];
  let clock = Date.parse('2025-03-01T12:00:00Z');
  const client = createAtlassianClient({
    fetch: fake.fetch,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    onActivity: (e) => activity.push(e),
  });
  return { client, calls: fake.calls, slept, activity };
}

/** As many fake-tree answers as a test may need; extra ones are never asked for. */
function served(contents: readonly FakeContent[], count = 20): ScriptStep[] {
  const tree = createFakeTree([HOME, ROOT_PAGE, ...contents]);
  return Array.from({ length: count }, () => (call) => tree.answer(call));
}

const shape = (entries: TreeEntry[]) => entries.map((e) => `${'  '.repeat(e.depth - 1)}${e.title} [${e.type}] ←${e.parentId}`);

describe('v2 descendants (Cloud)', () => {
  it('one page of results: reading order by childPosition, folders kept, whiteboards and databases left out', async () => {
    const d = (id: string, title: string, type: string, parentId: string, depth: number, childPosition?: number) => ({ id, title, type, status: 'current', parentId, depth, childPosition });
    const { client, calls } = setup([
      jsonResponse({
        results: [
          // Top-to-bottom, siblings not in position order.
          d('3', 'Zeta', 'page', ROOT, 1, 2),
          d('2', 'Alpha', 'page', ROOT, 1, 0),
          d('4', 'Archive', 'folder', ROOT, 1, 1),
          d('5', 'Sketch', 'whiteboard', ROOT, 1, 3),
          d('6', 'Inventory', 'database', ROOT, 1, 4),
          d('7', 'Old notes', 'page', '4', 2, 0),
          d('8', 'Alpha child', 'page', '2', 2, 0),
        ],
        _links: {},
      }),
    ]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(calls.map((c) => c.url)).toEqual([`https://acme.atlassian.net/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250`]);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants', truncated: false, calls: 1, rateLimited: 0, skipped: 2, unlistedBelow: [] });
    if (!r.ok) return;
    expect(shape(r.entries)).toEqual([
      `Alpha [page] ←${ROOT}`,
      '  Alpha child [page] ←2',
      `Archive [folder] ←${ROOT}`,
      '  Old notes [page] ←4',
      `Zeta [page] ←${ROOT}`,
    ]);
    expect(r.entries[0]).toEqual({ id: '2', title: 'Alpha', type: 'page', parentId: ROOT, depth: 1, position: 0 });
  });

  it('a whiteboard that holds a page stays, as a structural node', async () => {
    const { client } = setup(served([
      { id: '2', title: 'Sketch', type: 'whiteboard', parentId: ROOT, position: 0 },
      { id: '3', title: 'Notes on the sketch', type: 'page', parentId: '2', position: 0 },
      { id: '4', title: 'Embed', type: 'embed', parentId: ROOT, position: 1 },
    ]));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(r.ok && shape(r.entries)).toEqual([`Sketch [whiteboard] ←${ROOT}`, '  Notes on the sketch [page] ←2']);
    expect(r).toMatchObject({ skipped: 1 });
  });

  it('follows next across pages of results, keeping the gateway prefix', async () => {
    const pages = Array.from({ length: 300 }, (_, i): FakeContent => ({ id: String(1000 + i), title: `Page ${i}`, type: 'page', parentId: ROOT, position: i }));
    const { client, calls, activity } = setup(served(pages));
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls.map((c) => c.url)).toEqual([
      `${GATEWAY}/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250`,
      `${GATEWAY}/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250&cursor=250`,
    ]);
    expect(new Set(calls.map((c) => c.headers.authorization))).toEqual(new Set([`Basic ${Buffer.from(`${EMAIL}:${SECRET}`).toString('base64')}`]));
    expect(r).toMatchObject({ ok: true, calls: 2, truncated: false });
    expect(r.ok && r.entries.map((e) => e.title)).toEqual(pages.map((p) => p.title));
    expect(activity).toHaveLength(2);
  });

  it('recurses past v2’s depth limit of 10: a 25-deep chain in 3 calls, depths rebased', async () => {
    const { client, calls } = setup(served(chain(ROOT, 25)));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([
      `/wiki/api/v2/pages/${ROOT}/descendants`,
      '/wiki/api/v2/pages/c10/descendants',
      '/wiki/api/v2/pages/c20/descendants',
    ]);
    expect(calls.every((c) => new URL(c.url).searchParams.get('depth') === '10')).toBe(true);
    expect(r).toMatchObject({ ok: true, via: 'v2-descendants', calls: 3, truncated: false });
    if (!r.ok) return;
    expect(r.entries.map((e) => [e.id, e.depth, e.parentId])).toEqual(
      Array.from({ length: 25 }, (_, i) => [`c${i + 1}`, i + 1, i === 0 ? ROOT : `c${i}`]),
    );
  });

  it('recurses below every page at depth 10, not only the first', async () => {
    const left = chain(ROOT, 11);
    const right = chain(ROOT, 11).map((c) => ({ ...c, id: `r${c.id}`, parentId: c.parentId === ROOT ? ROOT : `r${c.parentId}`, position: 1 }));
    const { client, calls } = setup(served([...left, ...right]));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(calls.map((c) => new URL(c.url).pathname.split('/')[5])).toEqual([ROOT, 'c10', 'rc10']);
    expect(r.ok && r.entries.map((e) => e.id)).toEqual([...left.map((c) => c.id), ...right.map((c) => c.id)]);
  });

  it('a folder at depth 10 is reported in unlistedBelow (v2 lists below it only through /folders)', async () => {
    const contents = [...chain(ROOT, 9), { id: 'f10', title: 'Deep folder', type: 'folder', parentId: 'c9', position: 0 }, { id: 'p11', title: 'Below', type: 'page', parentId: 'f10' }];
    const { client, calls } = setup(served(contents));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: true, truncated: true, unlistedBelow: ['f10'] });
    expect(r.ok && r.entries.at(-1)).toMatchObject({ id: 'f10', type: 'folder', depth: 10 });
  });

  it('a server listing the same page at depth 10 over and over does not loop', async () => {
    const loop = () => jsonResponse({ results: [{ id: 'x', title: 'Again', type: 'page', parentId: ROOT, depth: 10 }] });
    const { client, calls } = setup([loop, loop, loop]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: true, calls: 2 });
  });

  it('refuses an answer without the fields the tree needs (the override schema, not the lenient default)', async () => {
    const { client } = setup([jsonResponse({ results: [{ id: '2', title: 'No depth', type: 'page', parentId: ROOT }] })]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
  });

  it('a deeper entry without its parent is refused; a first-level one gets the page asked about', async () => {
    const first = setup([jsonResponse({ results: [{ id: '2', title: 'Child', type: 'page', depth: 1 }] })]);
    expect(await listTree({ client: first.client, credential: classic, site: SITE }, ROOT)).toMatchObject({ ok: true, entries: [{ id: '2', parentId: ROOT, depth: 1 }] });
    const deeper = setup([jsonResponse({ results: [{ id: '3', title: 'Grandchild', type: 'page', depth: 2 }] })]);
    expect(await listTree({ client: deeper.client, credential: classic, site: SITE }, ROOT)).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
  });
});

describe('switching to v1', () => {
  const contents: FakeContent[] = [
    { id: '2', title: 'Guide', type: 'page', parentId: ROOT, position: 1 },
    { id: '3', title: 'Install', type: 'page', parentId: '2', position: 0 },
    { id: '4', title: 'Archive', type: 'folder', parentId: ROOT, position: 0 },
    { id: '5', title: 'Old', type: 'page', parentId: '4', position: 0 },
  ];

  it.each([
    ['the scope-check 401 (no read:hierarchical-content:confluence)', SCOPE_CHECK],
    ['"scope does not match" without the header (a token holding only classic scopes)', () => jsonResponse({ code: 401, message: 'Unauthorized; scope does not match' }, { status: 401 })],
  ])('on %s, through v1 descendant/page with ancestors', async (_name, refusal) => {
    const { client, calls } = setup([refusal, ...served(contents)]);
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls.map((c) => c.url)).toEqual([
      `${GATEWAY}/wiki/api/v2/pages/${ROOT}/descendants?depth=10&limit=250`,
      `${GATEWAY}/wiki/rest/api/content/${ROOT}/descendant/page?expand=ancestors&limit=200`,
    ]);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', calls: 2, v2Refusal: { class: 'missing-scope' } });
    if (!r.ok) return;
    // The folder is not a v1 page: it comes from the ancestors of the page inside it.
    expect(shape(r.entries)).toEqual([`Archive [folder] ←${ROOT}`, '  Old [page] ←4', `Guide [page] ←${ROOT}`, '  Install [page] ←2']);
  });

  it('follows v1 next links on the gateway; parents and depths come from the ancestors, relative to the root', async () => {
    const deep = chain(ROOT, 250);
    const { client, calls } = setup([SCOPE_CHECK, ...served(deep)]);
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls.slice(1).map((c) => c.url)).toEqual([
      `${GATEWAY}/wiki/rest/api/content/${ROOT}/descendant/page?expand=ancestors&limit=200`,
      `${GATEWAY}/wiki/rest/api/content/${ROOT}/descendant/page?expand=ancestors&limit=200&start=200`,
    ]);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', calls: 3 });
    expect(r.ok && r.entries.map((e) => [e.depth, e.parentId])).toEqual(deep.map((c, i) => [i + 1, c.parentId]));
  });

  it('hands back v1’s failure when v1 is refused too', async () => {
    const { client, calls } = setup([SCOPE_CHECK, SCOPE_CHECK]);
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: false, failure: { class: 'missing-scope', message: expect.stringContaining('/wiki/rest/api/content/{id}/descendant/{type}') } });
  });

  it('does not switch on other failures: a 404 is the caller’s sentence', async () => {
    const { client, calls } = setup([jsonResponse({ errors: [] }, { status: 404 })]);
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' } });
  });

  it('does not switch when v2 fails after its first call', async () => {
    const { client, calls } = setup([
      jsonResponse({ results: [{ id: 'c10', title: 'Deep', type: 'page', parentId: ROOT, depth: 10 }] }),
      SCOPE_CHECK,
    ]);
    const r = await listTree({ client, credential: scoped, site: SITE }, ROOT);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: false, failure: { class: 'missing-scope' } });
  });

  it('v1: a page whose ancestors do not name the root goes under the root; an unexpected position is ignored', async () => {
    const { client } = setup([
      jsonResponse({
        results: [
          { id: '2', type: 'page', title: 'Odd', ancestors: [{ id: '1', type: 'page', title: 'Home' }], extensions: { position: 'none' } },
          { id: '3', type: 'page', title: 'Fine', ancestors: [{ id: '1' }, { id: ROOT }], extensions: { position: 4 } },
        ],
        _links: {},
      }),
    ]);
    const r = await listTree({ client, credential: pat, site: DC_SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, entries: [{ id: '2', parentId: ROOT, depth: 1 }, { id: '3', parentId: ROOT, depth: 1, position: 4 }] });
    expect(r.ok && 'position' in (r.entries[0] as object)).toBe(false);
  });

  it('v1: an answer without the ancestors asked for is refused', async () => {
    const { client } = setup([jsonResponse({ results: [{ id: '2', type: 'page', title: 'No ancestors' }] })]);
    expect(await listTree({ client, credential: pat, site: DC_SITE }, ROOT)).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
  });

  it('Data Center goes straight to v1, with its context path and the PAT', async () => {
    const { client, calls } = setup(served(contents));
    const r = await listTree({ client, credential: pat, site: DC_SITE }, ROOT);
    expect(calls.map((c) => c.url)).toEqual([`https://confluence.dc.test/confluence/rest/api/content/${ROOT}/descendant/page?expand=ancestors&limit=200`]);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(r).toMatchObject({ ok: true, via: 'v1-descendants', calls: 1 });
    expect(r.ok && r.entries.map((e) => e.title)).toEqual(['Archive', 'Old', 'Guide', 'Install']);
    expect(r.ok && 'v2Refusal' in r).toBe(false);
  });
});

describe('rate limits, cancel, truncation', () => {
  it('a 429 ridden out by the client is counted', async () => {
    const tooMany = () => jsonResponse({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '2' } });
    const { client, calls, slept } = setup([tooMany, ...served(chain(ROOT, 12))]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(slept).toEqual([2000]);
    expect(calls).toHaveLength(3);
    expect(r).toMatchObject({ ok: true, calls: 2, rateLimited: 1 });
  });

  it('429s on the v1 path after the switch are counted too', async () => {
    const tooMany = () => jsonResponse({}, { status: 429, headers: { 'Retry-After': '1' } });
    const { client } = setup([SCOPE_CHECK, tooMany, tooMany, ...served([{ id: '2', title: 'A', type: 'page', parentId: ROOT }])]);
    expect(await listTree({ client, credential: scoped, site: SITE }, ROOT)).toMatchObject({ ok: true, via: 'v1-descendants', rateLimited: 2, calls: 2 });
  });

  it('an aborted signal makes no call', async () => {
    const { client, calls } = setup([]);
    const controller = new AbortController();
    controller.abort();
    expect(await listTree({ client, credential: classic, site: SITE }, ROOT, { signal: controller.signal })).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    expect(calls).toHaveLength(0);
  });

  it('cancel during a call ends the listing as cancelled, with no further call', async () => {
    const controller = new AbortController();
    const hanging: ScriptStep = (_call, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        controller.abort();
      });
    const { client, calls } = setup([hanging, ...served([])]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT, { signal: controller.signal });
    expect(r).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    expect(calls).toHaveLength(1);
  });

  it('cancel between the calls of a deep tree stops before the next one', async () => {
    const controller = new AbortController();
    const tree = createFakeTree([HOME, ROOT_PAGE, ...chain(ROOT, 25)]);
    const { client, calls } = setup([
      (call) => {
        controller.abort();
        return tree.answer(call);
      },
      (call) => tree.answer(call),
    ]);
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT, { signal: controller.signal });
    expect(r).toMatchObject({ ok: false, failure: { class: 'cancelled' } });
    expect(calls).toHaveLength(1);
  });

  it('stops at maxEntries: truncated, reading order kept, no more pages read than needed', async () => {
    const pages = Array.from({ length: 600 }, (_, i): FakeContent => ({ id: String(1000 + i), title: `Page ${i}`, type: 'page', parentId: ROOT, position: i }));
    const { client, calls } = setup(served(pages));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT, { maxEntries: 260 });
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ ok: true, truncated: true, calls: 2 });
    expect(r.ok && r.entries.map((e) => e.title)).toEqual(pages.slice(0, 260).map((p) => p.title));
  });

  it('a tree of exactly maxEntries is not truncated', async () => {
    const { client } = setup(served(chain(ROOT, 5)));
    expect(await listTree({ client, credential: classic, site: SITE }, ROOT, { maxEntries: 5 })).toMatchObject({ ok: true, truncated: false });
  });

  it('truncation stops the recursion too, and a cut entry never leaves its children behind', async () => {
    const { client, calls } = setup(served(chain(ROOT, 25)));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT, { maxEntries: 10 });
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: true, truncated: true });
    expect(r.ok && r.entries.map((e) => e.id)).toEqual(chain(ROOT, 10).map((c) => c.id));
  });

  it('the default cap is 5000 entries', async () => {
    const pages = Array.from({ length: 5001 }, (_, i): FakeContent => ({ id: String(10_000 + i), title: `P${i}`, type: 'page', parentId: ROOT, position: i }));
    const { client } = setup(served(pages, 30));
    const r = await listTree({ client, credential: classic, site: SITE }, ROOT);
    expect(r).toMatchObject({ ok: true, truncated: true, calls: 21 });
    expect(r.ok && r.entries).toHaveLength(5000);
  });
});
