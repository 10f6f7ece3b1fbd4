/**
 * The tree through v1 `GET /content/{id}/descendant/page?expand=ancestors`: Data Center, and
 * Cloud tokens without read:hierarchical-content:confluence (it needs only
 * read:content-details:confluence). It lists pages only, each with its ancestors (space root
 * first), so a page's parent is its last ancestor, and an ancestor between the root and a page
 * that is not a listed page (a folder) is taken from the ancestors themselves.
 */
import { cancelledFailure } from '../../../atlassian/failure';
import type { TreeNode } from './tree-node';
import { v1TreePageListSchema, type V1TreePage } from './tree-schemas';
import { callsOf, pagesFor, rateLimitedOf, type TreeListingDeps, type TreeWalk, type TreeWalkOptions } from './tree-walk';

/** Results per v1 page asked for; Confluence may give fewer (the cap is undocumented), `next` is followed either way. */
export const V1_PAGE_LIMIT = 200;

/** The ancestors below the root, root's child first; all of them if the root is not among them. */
function ancestorsBelow(page: V1TreePage, rootId: string) {
  const at = page.ancestors.findIndex((a) => a.id === rootId);
  // Not expected; then the page is put directly under the root rather than dropped.
  return at < 0 ? [] : page.ancestors.slice(at + 1);
}

export async function walkV1(deps: TreeListingDeps, rootId: string, options: TreeWalkOptions): Promise<TreeWalk> {
  if (options.signal?.aborted) return { ok: false, failure: cancelledFailure(), atFirstCall: true, calls: 0, rateLimited: 0 };
  const result = await deps.client.paginate({
    credential: deps.credential,
    site: deps.site,
    operation: 'getDescendants',
    pathParams: { id: rootId, type: 'page' },
    query: { expand: 'ancestors', limit: V1_PAGE_LIMIT },
    schema: v1TreePageListSchema,
    signal: options.signal,
    maxPages: pagesFor(options.maxEntries, V1_PAGE_LIMIT),
  });
  const calls = callsOf(result);
  if (!result.ok) return { ok: false, failure: result.failure, atFirstCall: result.pages.length === 0, calls, rateLimited: 0 };

  // Insertion order is listing order; an ancestor goes in just before the first page below it.
  const nodes = new Map<string, TreeNode>();
  const listed = new Set<string>();
  for (const page of result.pages) {
    for (const content of page.results) {
      if (content.id === rootId || listed.has(content.id)) continue;
      const path = ancestorsBelow(content, rootId);
      path.forEach((ancestor, i) => {
        if (nodes.has(ancestor.id)) return;
        nodes.set(ancestor.id, { id: ancestor.id, title: ancestor.title ?? '', type: ancestor.type ?? 'folder', parentId: path[i - 1]?.id ?? rootId });
      });
      const node: TreeNode = { id: content.id, title: content.title ?? '', type: content.type ?? 'page', parentId: path.at(-1)?.id ?? rootId, status: content.status };
      const position = content.extensions?.position;
      if (typeof position === 'number') node.position = position;
      // A listed page wins over what its children's ancestors said about it, and keeps their place.
      nodes.set(content.id, node);
      listed.add(content.id);
    }
  }
  return {
    ok: true,
    nodes: [...nodes.values()],
    truncated: result.truncated,
    unlistedBelow: [],
    calls,
    rateLimited: rateLimitedOf(result),
  };
}
