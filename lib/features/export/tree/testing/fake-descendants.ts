/**
 * Test-only: a content tree answered the way Confluence answers v2 `pages/{id}/descendants`
 * (top-to-bottom: all of depth 1, then depth 2, …; cursor pagination; depth at most 10) and
 * v1 `content/{id}/descendant/page?expand=ancestors` (pages only, ancestors space root first;
 * offset pagination), as a scripted-fetch step.
 */
import { jsonResponse, type RecordedCall } from '../../../../atlassian/testing/scripted-fetch';

export interface FakeContent {
  id: string;
  title: string;
  type: string;
  /** Absent for the space's home page. */
  parentId?: string;
  position?: number;
  status?: string;
}

export function createFakeTree(contents: readonly FakeContent[]) {
  const byId = new Map(contents.map((c) => [c.id, c]));
  const children = new Map<string, FakeContent[]>();
  for (const c of contents) {
    if (c.parentId === undefined) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  }
  for (const group of children.values()) group.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const childrenOf = (id: string) => children.get(id) ?? [];

  /** Top-to-bottom, as v2 lists them; siblings in position order. */
  function levelOrder(rootId: string, maxDepth: number): Array<{ c: FakeContent; depth: number }> {
    const out: Array<{ c: FakeContent; depth: number }> = [];
    let level = childrenOf(rootId);
    for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
      out.push(...level.map((c) => ({ c, depth })));
      level = level.flatMap((c) => childrenOf(c.id));
    }
    return out;
  }

  function ancestorsOf(c: FakeContent): FakeContent[] {
    const out: FakeContent[] = [];
    for (let p = c.parentId ? byId.get(c.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) out.unshift(p);
    return out;
  }

  function depthFirst(rootId: string): FakeContent[] {
    return childrenOf(rootId).flatMap((c) => [c, ...depthFirst(c.id)]);
  }

  function v2(url: URL, id: string): Response {
    if (!byId.has(id)) return jsonResponse({ errors: [{ status: 404, title: 'Not Found' }] }, { status: 404 });
    const depth = Number(url.searchParams.get('depth') ?? '2');
    if (depth < 1 || depth > 10) return jsonResponse({ errors: [{ status: 400, title: 'Bad Request' }] }, { status: 400 });
    const limit = Number(url.searchParams.get('limit') ?? '25');
    const offset = Number(url.searchParams.get('cursor') ?? '0');
    const all = levelOrder(id, depth);
    const results = all.slice(offset, offset + limit).map(({ c, depth: d }) => ({
      id: c.id,
      status: c.status ?? 'current',
      title: c.title,
      type: c.type,
      parentId: c.parentId,
      depth: d,
      ...(c.position !== undefined ? { childPosition: c.position } : {}),
    }));
    const more = offset + limit < all.length;
    const next = `/wiki/api/v2/pages/${id}/descendants?depth=${depth}&limit=${limit}&cursor=${offset + limit}`;
    return jsonResponse({ results, _links: more ? { next, base: 'https://acme.atlassian.net/wiki' } : { base: 'https://acme.atlassian.net/wiki' } });
  }

  function v1(url: URL, id: string, apiRoot: string): Response {
    if (!byId.has(id)) return jsonResponse({ statusCode: 404, message: 'No content found' }, { status: 404 });
    const limit = Number(url.searchParams.get('limit') ?? '25');
    const start = Number(url.searchParams.get('start') ?? '0');
    const withAncestors = url.searchParams.get('expand')?.split(',').includes('ancestors') ?? false;
    const all = depthFirst(id).filter((c) => c.type === 'page');
    const results = all.slice(start, start + limit).map((c) => ({
      id: c.id,
      type: c.type,
      status: c.status ?? 'current',
      title: c.title,
      ...(withAncestors ? { ancestors: ancestorsOf(c).map((a) => ({ id: a.id, type: a.type, status: 'current', title: a.title })) } : {}),
      ...(c.position !== undefined ? { extensions: { position: c.position } } : {}),
    }));
    const more = start + limit < all.length;
    const next = `${apiRoot}/content/${id}/descendant/page?expand=ancestors&limit=${limit}&start=${start + limit}`;
    return jsonResponse({ results, start, limit, size: results.length, _links: more ? { next } : {} });
  }

  /** Answers any descendants call under a Cloud (site or gateway) or Data Center base. */
  function answer(call: RecordedCall): Response {
    const url = new URL(call.url);
    let m = /\/wiki\/api\/v2\/pages\/([^/]+)\/descendants$/.exec(url.pathname);
    if (m) return v2(url, m[1] as string);
    m = /(\/wiki)?\/rest\/api\/content\/([^/]+)\/descendant\/page$/.exec(url.pathname);
    // v1 next links are relative to the site's /wiki (Cloud) or the context path (DC).
    if (m) return v1(url, m[2] as string, m[1] ? '/rest/api' : '/confluence/rest/api');
    throw new Error(`fake tree: unexpected ${call.method} ${call.url}`);
  }

  return { answer, byId };
}

/** A chain `c1` → `c2` → … → `c<n>` below `root`. */
export function chain(rootId: string, n: number): FakeContent[] {
  return Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, title: `Level ${i + 1}`, type: 'page', parentId: i === 0 ? rootId : `c${i}`, position: 0 }));
}
