import * as z from 'zod/mini';
import { siteHostSchema } from '../page-context-schema';

/** How the popup sees a site's cloudId (see lib/sites/cloud-id-status.ts). */
export const cloudIdStatusSchema = z.object({
  state: z.enum(['known', 'pending', 'error', 'unknown']),
  sentence: z.string(),
  cloudId: z.nullable(z.string()),
  fetchedAt: z.nullable(z.number()),
  retryAt: z.nullable(z.number()),
});

/** A known site as the popup sees it: no lease or other bookkeeping. */
export const siteViewSchema = z.object({
  host: siteHostSchema,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  cloudId: cloudIdStatusSchema,
});
export type SiteView = z.infer<typeof siteViewSchema>;
