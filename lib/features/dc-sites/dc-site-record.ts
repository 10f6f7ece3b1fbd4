import * as z from 'zod/mini';
import { isDcSiteKey } from '../../sites/site-key';

/** Times are epoch milliseconds. */
const time = z.number().check(z.int(), z.nonnegative());

/** A Data Center site the person added: the base URL is its key (lib/sites/site-key.ts). */
export const dcSiteRecordSchema = z.object({
  baseUrl: z.string().check(z.refine(isDcSiteKey, 'not a Data Center base URL')),
  addedAt: time,
  /** When one of its pages was last reported by the content script; null: not yet. */
  lastSeenAt: z.nullable(time),
  /** `ajs-version-number` as the server's pages give it, when known. */
  version: z.nullable(z.string().check(z.maxLength(40))),
});
export type DcSiteRecord = z.infer<typeof dcSiteRecordSchema>;

export const dcSitesDataSchema = z.object({ sites: z.array(dcSiteRecordSchema) });
export type DcSitesData = z.infer<typeof dcSitesDataSchema>;
