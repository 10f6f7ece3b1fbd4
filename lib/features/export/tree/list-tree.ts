/**
 * Lists the tree below a page for a tree export (runs in the background, which holds the token).
 * Cloud goes through v2 descendants, recursing past its depth limit; when the first v2 call
 * says this token cannot use v2 (a scoped token without read:hierarchical-content:confluence,
 * or one holding only classic scopes: both answer the scope check), it switches to v1 on its
 * own. Data Center has only v1. Every other failure is handed back for the caller's sentence.
 */
import { cancelledFailure, type Failure } from '../../../atlassian/failure';
import { keepExportable } from './keep-rules';
import { inReadingOrder } from './reading-order';
import type { TreeListing, TreeListingResult } from './tree-entry';
import type { TreeListingDeps, TreeWalk, WalkCost } from './tree-walk';
import { walkV1 } from './walk-v1';
import { walkV2 } from './walk-v2';

export type { TreeListingDeps } from './tree-walk';

export const DEFAULT_MAX_TREE_ENTRIES = 5000;

export interface ListTreeOptions {
  signal?: AbortSignal;
  /** The most entries returned; a bigger tree comes back cut, with `truncated: true`. */
  maxEntries?: number;
}

/**
 * Whether a failure of the first v2 call means "not v2, with this token here", so v1 is worth
 * trying: the scope check (`missing-scope`), or the client refusing v2 for the site.
 */
export function meansNoV2ForThisToken(failure: Failure): boolean {
  return failure.class === 'missing-scope' || failure.class === 'unsupported-operation';
}

/** The walk's nodes as the caller gets them; `spent`: calls made before this walk (the refused v2 call). */
function listing(
  rootId: string,
  walk: Extract<TreeWalk, { ok: true }>,
  via: TreeListing['via'],
  maxEntries: number,
  spent: WalkCost,
): TreeListing {
  const { kept, skipped } = keepExportable(walk.nodes);
  const ordered = inReadingOrder(rootId, kept);
  // A prefix of a parents-first order still holds every listed entry's parent.
  const entries = ordered.slice(0, maxEntries);
  return {
    ok: true,
    via,
    entries,
    truncated: walk.truncated || ordered.length > maxEntries,
    calls: spent.calls + walk.calls,
    rateLimited: spent.rateLimited + walk.rateLimited,
    skipped,
    unlistedBelow: walk.unlistedBelow,
  };
}

export async function listTree(deps: TreeListingDeps, rootId: string, options: ListTreeOptions = {}): Promise<TreeListingResult> {
  const asked = options.maxEntries;
  const maxEntries = asked !== undefined && Number.isFinite(asked) ? Math.max(1, Math.floor(asked)) : DEFAULT_MAX_TREE_ENTRIES;
  const walkOptions = { signal: options.signal, maxEntries };
  if (options.signal?.aborted) return { ok: false, failure: cancelledFailure() };
  const none = { calls: 0, rateLimited: 0 };

  if (deps.site.kind === 'dc') {
    const v1 = await walkV1(deps, rootId, walkOptions);
    return v1.ok ? listing(rootId, v1, 'v1-descendants', maxEntries, none) : { ok: false, failure: v1.failure };
  }

  const v2 = await walkV2(deps, rootId, walkOptions);
  if (v2.ok) return listing(rootId, v2, 'v2-descendants', maxEntries, none);
  if (!v2.atFirstCall || !meansNoV2ForThisToken(v2.failure)) return { ok: false, failure: v2.failure };

  const v1 = await walkV1(deps, rootId, walkOptions);
  if (!v1.ok) return { ok: false, failure: v1.failure };
  return { ...listing(rootId, v1, 'v1-descendants', maxEntries, v2), v2Refusal: v2.failure };
}
