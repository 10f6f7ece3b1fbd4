import * as z from 'zod/mini';
import { isSiteKey, SITE_KEY_MAX_CHARS } from './site-key';

/** A site in a message or a stored record: a Cloud host or a Data Center base URL (site-key.ts). */
export const siteKeySchema = z.string().check(z.maxLength(SITE_KEY_MAX_CHARS), z.refine(isSiteKey, 'not a Cloud site host or a Data Center base URL'));
