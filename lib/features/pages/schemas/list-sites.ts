import * as z from 'zod/mini';
import { siteViewSchema } from './site-view';

/** Popup → background: every known site, most recently seen first. */
export const listSitesMessageSchema = z.strictObject({ type: z.literal('list-sites') });
export type ListSitesMessage = z.infer<typeof listSitesMessageSchema>;

export const siteListSchema = z.object({ sites: z.array(siteViewSchema) });
export type SiteList = z.infer<typeof siteListSchema>;
