/**
 * Pieces shared by the response schemas. Schemas only require what the extension relies on and
 * accept anything else Atlassian adds, so a new field never turns a good answer into a failure.
 * Every string and list they keep is bounded (the numbers are in bounds.ts): an answer with a
 * longer one is refused as malformed rather than kept and shown.
 */
import * as z from 'zod';
import { MAX_LINK_CHARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './bounds';

/** A name, id, title, label, key, type or date: at most MAX_TEXT_CHARS. */
export const text = () => z.string().max(MAX_TEXT_CHARS);

/** A link or a longer free text: at most MAX_LINK_CHARS. */
export const link = () => z.string().max(MAX_LINK_CHARS);

/** A list in an answer: at most MAX_LIST_ITEMS entries. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ITEMS);

/** `_links` as Confluence sends it: site-relative strings (never used as-is for requests). */
export const linksSchema = z
  .object({
    base: link().optional(),
    context: link().optional(),
    self: link().optional(),
    webui: link().optional(),
    editui: link().optional(),
    tinyui: link().optional(),
    download: link().optional(),
    next: link().optional(),
  })
  .partial();

/**
 * One representation of a body (storage, export_view, atlas_doc_format...). Its value is the
 * page itself: bounded by the answer's byte limit (MAX_PAGE_BODY_ANSWER_BYTES), not here.
 */
export const bodyRepresentationSchema = z.object({
  value: z.string(),
  representation: text().optional(),
});
