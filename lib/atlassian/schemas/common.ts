/**
 * Pieces shared by the response schemas. Schemas only require what the extension relies on and
 * accept anything else Atlassian adds, so a new field never turns a good answer into a failure.
 */
import * as z from 'zod';

/** `_links` as Confluence sends it: site-relative strings (never used as-is for requests). */
export const linksSchema = z
  .object({
    base: z.string().optional(),
    context: z.string().optional(),
    self: z.string().optional(),
    webui: z.string().optional(),
    editui: z.string().optional(),
    tinyui: z.string().optional(),
    download: z.string().optional(),
    next: z.string().optional(),
  })
  .partial();

/** One representation of a body (storage, export_view, atlas_doc_format...). */
export const bodyRepresentationSchema = z.object({
  value: z.string(),
  representation: z.string().optional(),
});
