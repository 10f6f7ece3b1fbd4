import * as z from 'zod/mini';
import { siteHostSchema } from './page-context-schema';

/** Times are epoch milliseconds. */
const time = z.number().check(z.int(), z.nonnegative());

export const cloudIdSchema = z.guid().check(z.lowercase());

export const siteRecordSchema = z.object({
  host: siteHostSchema,
  firstSeenAt: time,
  lastSeenAt: time,
  /** Null until tenant_info was read successfully once; kept when a later refresh fails. */
  cloudId: z.nullable(cloudIdSchema),
  cloudIdFetchedAt: z.nullable(time),
  /**
   * When the background's own tenant_info read of this host (no credentials, no redirects) gave
   * this cloudId. A content script's report is not proof: the page's side can forge it, and a
   * scoped token sent through another site's cloudId writes to that site. Null: not confirmed.
   */
  cloudIdConfirmedAt: z.nullable(time),
  /** The last attempt to read the cloudId failed; no new attempt before `retryAt`. */
  cloudIdError: z.nullable(z.object({ reason: z.string().check(z.maxLength(200)), at: time, retryAt: time })),
  /** One tab was asked to read tenant_info; others wait until it reports or `expiresAt`. */
  cloudIdLease: z.nullable(z.object({ tabId: z.number().check(z.int()), expiresAt: time })),
});

export type SiteRecord = z.infer<typeof siteRecordSchema>;

export const sitesDataSchema = z.object({ sites: z.array(siteRecordSchema) });
export type SitesData = z.infer<typeof sitesDataSchema>;

export function newSiteRecord(host: string, now: number): SiteRecord {
  return {
    host,
    firstSeenAt: now,
    lastSeenAt: now,
    cloudId: null,
    cloudIdFetchedAt: null,
    cloudIdConfirmedAt: null,
    cloudIdError: null,
    cloudIdLease: null,
  };
}
