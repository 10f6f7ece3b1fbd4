import * as z from 'zod/mini';
import { isCloudSiteHost } from './site-host';

/** A Cloud site host in a message or a stored record: the one host rule, as a schema. */
export const siteHostSchema = z.string().check(z.maxLength(260), z.refine(isCloudSiteHost, 'not an Atlassian Cloud site host'));
