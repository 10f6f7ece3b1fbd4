import * as z from 'zod/mini';
import { siteHostSchema } from './page-context-schema';
import { describeCloudIdStatus } from './cloud-id-status';
import type { SiteRecord } from './site-record';

/** How the popup sees a site's cloudId (see cloud-id-status.ts). */
export const cloudIdStatusSchema = z.strictObject({
  state: z.enum(['known', 'pending', 'error', 'unknown']),
  sentence: z.string(),
  cloudId: z.nullable(z.string()),
  fetchedAt: z.nullable(z.number()),
  retryAt: z.nullable(z.number()),
});
export type CloudIdStatusView = z.infer<typeof cloudIdStatusSchema>;

/** A known site as the popup sees it: no lease or other bookkeeping. */
export const siteViewSchema = z.strictObject({
  host: siteHostSchema,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  cloudId: cloudIdStatusSchema,
});
export type SiteView = z.infer<typeof siteViewSchema>;

export function toSiteView(site: SiteRecord, now: number): SiteView {
  return {
    host: site.host,
    firstSeenAt: site.firstSeenAt,
    lastSeenAt: site.lastSeenAt,
    cloudId: describeCloudIdStatus(site, now),
  };
}
