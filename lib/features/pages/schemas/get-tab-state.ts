import * as z from 'zod/mini';
import { pageContextSchema, siteHostSchema } from '../page-context-schema';
import { cloudIdStatusSchema, siteViewSchema } from './site-view';

/** Popup → background: what is known about tab `tabId`. */
export const getTabStateMessageSchema = z.strictObject({
  type: z.literal('get-tab-state'),
  tabId: z.number().check(z.int(), z.nonnegative()),
});
export type GetTabStateMessage = z.infer<typeof getTabStateMessageSchema>;

export const tabStateSchema = z.object({
  tabId: z.number(),
  /** The tab's Atlassian site host, or null when the tab is not on an Atlassian Cloud site. */
  host: z.nullable(siteHostSchema),
  /** Null when the tab is not a Confluence page. */
  context: z.nullable(pageContextSchema),
  /** The registry's record of the site, or null if it was never seen. */
  site: z.nullable(siteViewSchema),
  cloudId: cloudIdStatusSchema,
});
export type TabState = z.infer<typeof tabStateSchema>;
