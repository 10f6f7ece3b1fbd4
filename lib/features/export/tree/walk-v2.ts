/**
 * The tree through v2 `GET /pages/{id}/descendants` (Cloud; scoped tokens need
 * read:hierarchical-content:confluence). v2 lists at most 10 levels per call, so every page
 * found at the 10th level is listed again as a root of its own; its entries' parents are
 * absolute ids, so they join the tree as they are (depth is recomputed from the structure).
 */
import { cancelledFailure, malformedFailure } from '../../../atlassian/failure';
import { isKeptForItself } from './keep-rules';
import type { TreeNode } from './tree-node';
import { v2TreeDescendantsPageSchema, type V2TreeDescendant } from './tree-schemas';
import { callsOf, pagesFor, rateLimitedOf, type TreeListingDeps, type TreeWalk, type TreeWalkOptions } from './tree-walk';

/** The deepest level one v2 call lists (spec: at most 10, default 2). */
export const V2_MAX_DEPTH = 10;
/** The most results one v2 page of descendants holds (spec: at most 250). */
export const V2_PAGE_LIMIT = 250;

function nodeOf(d: V2TreeDescendant, listedBelow: string): TreeNode | undefined {
  // Only a first-level entry may leave its parent out: it is the page asked about.
  const parentId = d.parentId ? d.parentId : d.depth === 1 ? listedBelow : undefined;
  if (parentId === undefined) return undefined;
  const node: TreeNode = { id: d.id, title: d.title ?? '', type: d.type, parentId, status: d.status };
  if (typeof d.childPosition === 'number') node.position = d.childPosition;
  return node;
}

export async function walkV2(deps: TreeListingDeps, rootId: string, options: TreeWalkOptions): Promise<TreeWalk> {
  const nodes: TreeNode[] = [];
  const unlistedBelow: string[] = [];
  const pending = [rootId];
  // Each id is taken once, so a server listing the same pages again cannot keep the walk going.
  const seen = new Set<string>([rootId]);
  let kept = 0;
  let calls = 0;
  let rateLimited = 0;
  let truncated = false;

  while (pending.length > 0) {
    if (options.signal?.aborted) return { ok: false, failure: cancelledFailure(), atFirstCall: calls === 0, calls, rateLimited };
    if (kept >= options.maxEntries) {
      truncated = true;
      break;
    }
    const listedBelow = pending.shift() as string;
    const result = await deps.client.paginate({
      credential: deps.credential,
      site: deps.site,
      operation: 'getPageDescendantsV2',
      pathParams: { id: listedBelow },
      query: { depth: V2_MAX_DEPTH, limit: V2_PAGE_LIMIT },
      schema: v2TreeDescendantsPageSchema,
      signal: options.signal,
      maxPages: pagesFor(options.maxEntries - kept, V2_PAGE_LIMIT),
    });
    const atFirstCall = calls === 0 && result.pages.length === 0;
    calls += callsOf(result);
    if (!result.ok) return { ok: false, failure: result.failure, atFirstCall, calls, rateLimited };
    rateLimited += rateLimitedOf(result);
    if (result.truncated) truncated = true;

    for (const page of result.pages) {
      for (const descendant of page.results) {
        const node = nodeOf(descendant, listedBelow);
        if (node === undefined) {
          return { ok: false, failure: malformedFailure('an entry of the tree came without its parent'), atFirstCall: false, calls, rateLimited };
        }
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        nodes.push(node);
        if (isKeptForItself(node)) kept++;
        if (descendant.depth !== V2_MAX_DEPTH) continue;
        // Below the limit there may be more: a page is listed again; other types need their own endpoint.
        if (node.type === 'page') pending.push(node.id);
        else unlistedBelow.push(node.id);
      }
    }
  }
  return { ok: true, nodes, truncated: truncated || unlistedBelow.length > 0, unlistedBelow, calls, rateLimited };
}
