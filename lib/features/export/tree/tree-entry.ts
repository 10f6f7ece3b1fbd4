/**
 * One node of a listed page tree, as the export page receives it from the background. Types
 * only: the export page imports them without pulling in zod or the client.
 */
import type { Failure } from '../../../atlassian/failure';

/** Confluence's content types in the tree; others may appear, so any string is allowed. */
// `string & {}` keeps the two names suggested by editors while accepting any type Atlassian adds.
export type TreeEntryType = 'page' | 'folder' | (string & {});

export interface TreeEntry {
  id: string;
  title: string;
  /**
   * Only `page` entries have a body to export. Anything else is a structural node: a folder, or
   * a whiteboard, database or embed kept only because pages live below it.
   */
  type: TreeEntryType;
  /** The root's id for its children. */
  parentId: string;
  /** 1 = child of the root. */
  depth: number;
  /** Confluence's sibling position, when it gave one. */
  position?: number;
}

/** Which API the tree came through. */
export type TreeListingRoute = 'v2-descendants' | 'v1-descendants';

export interface TreeListing {
  ok: true;
  via: TreeListingRoute;
  /** Reading order: parents before children, siblings by position when given, else as listed. */
  entries: TreeEntry[];
  /** Not everything was listed: `maxEntries` was reached, or a subtree in `unlistedBelow` could not be read. */
  truncated: boolean;
  /** API calls made (pages of results, the refused v2 call included), retries not counted. */
  calls: number;
  /** 429 answers the client met and rode out by waiting. */
  rateLimited: number;
  /** Leaves left out: whiteboards, databases, embeds (nothing to export) and trashed or draft entries. */
  skipped: number;
  /**
   * Ids of non-page entries at v2's depth limit (10 below a listed page): v2 lists below them
   * only through their own type's endpoint, which the client has no operation for yet.
   */
  unlistedBelow: string[];
  /** Why v2 was not used when it was tried (`missing-scope`): a hint to grant read:hierarchical-content:confluence. */
  v2Refusal?: Failure;
}

export type TreeListingResult = TreeListing | { ok: false; failure: Failure };
