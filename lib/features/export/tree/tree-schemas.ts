/**
 * The response schemas the tree listing passes to the client instead of the operations' defaults:
 * they require what building a tree relies on (a v2 descendant's type and depth, a v1 page's
 * ancestors) and keep a v1 page's sibling position, which the default content schema drops.
 * Every string and list is bounded like the shared schemas (schemas/bounds.ts).
 */
import * as z from 'zod';
import { linksSchema, list, text } from '../../../atlassian/schemas/common';

/** One entry of v2 `GET /pages/{id}/descendants` (DescendantsResponse). */
export const v2TreeDescendantSchema = z.object({
  id: text().min(1),
  type: text().min(1),
  status: text().optional(),
  title: text().nullish(),
  /** Absent only where the caller can tell (a first-level entry's parent is the page asked about). */
  parentId: text().nullish(),
  /** Relative to the page asked about: 1 = its child. The recursion past depth 10 depends on it. */
  depth: z.number().int().min(1),
  childPosition: z.number().nullish(),
});
export type V2TreeDescendant = z.output<typeof v2TreeDescendantSchema>;

export const v2TreeDescendantsPageSchema = z.object({
  results: list(v2TreeDescendantSchema),
  _links: linksSchema.optional(),
});
export type V2TreeDescendantsPage = z.output<typeof v2TreeDescendantsPageSchema>;

const v1AncestorSchema = z.object({
  id: text().min(1),
  type: text().optional(),
  title: text().nullish(),
});
export type V1TreeAncestor = z.output<typeof v1AncestorSchema>;

/** One page of v1 `GET /content/{id}/descendant/page?expand=ancestors`. */
export const v1TreePageSchema = z.object({
  id: text().min(1),
  type: text().optional(),
  status: text().optional(),
  title: text().nullish(),
  /** Asked for with `expand=ancestors`: space root first, the page's parent last. */
  ancestors: list(v1AncestorSchema),
  // A number on Cloud; any other value is not taken as a position, rather than refusing the answer.
  extensions: z.object({ position: z.union([z.number(), text()]).nullish() }).partial().optional(),
});
export type V1TreePage = z.output<typeof v1TreePageSchema>;

export const v1TreePageListSchema = z.object({
  results: list(v1TreePageSchema),
  start: z.number().optional(),
  limit: z.number().optional(),
  size: z.number().optional(),
  _links: linksSchema.optional(),
});
export type V1TreePageList = z.output<typeof v1TreePageListSchema>;
