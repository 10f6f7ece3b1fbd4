/** What the two tree walks (v2 and v1) share: their inputs, their result, and call accounting. */
import type { AtlassianClient, Credential, Site } from '../../../atlassian/client';
import type { Failure } from '../../../atlassian/failure';
import type { TreeNode } from './tree-node';

export interface TreeListingDeps {
  client: Pick<AtlassianClient, 'request' | 'paginate'>;
  credential: Credential;
  site: Site;
}

export interface TreeWalkOptions {
  signal?: AbortSignal | undefined;
  /** Stop reading once this many nodes worth keeping are listed. */
  maxEntries: number;
}

/** Calls made and 429s ridden out so far; kept on failures too, for the caller's totals. */
export interface WalkCost {
  calls: number;
  rateLimited: number;
}

export type TreeWalk =
  | ({ ok: true; nodes: TreeNode[]; truncated: boolean; unlistedBelow: string[] } & WalkCost)
  | ({ ok: false; failure: Failure; /** The very first call failed, nothing was read. */ atFirstCall: boolean } & WalkCost);

/**
 * The 429s a paginated call rode out. Read leniently: older clients did not report them, and
 * then none are counted rather than the listing failing to build.
 */
export function rateLimitedOf(result: { rateLimited?: number }): number {
  return typeof result.rateLimited === 'number' && Number.isFinite(result.rateLimited) ? result.rateLimited : 0;
}

/** Pages of results a paginated call read, plus the one that failed. */
export function callsOf(result: { ok: boolean; pages: readonly unknown[] }): number {
  return result.pages.length + (result.ok ? 0 : 1);
}

/** Result pages worth asking for to list `wanted` more nodes (one more than that, to know if there are more). */
export function pagesFor(wanted: number, perPage: number): number {
  return Math.max(1, Math.ceil((wanted + 1) / perPage));
}
