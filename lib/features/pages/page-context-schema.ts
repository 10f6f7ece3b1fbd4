import * as z from 'zod/mini';
import { CONTENT_TYPES, MAX_CONTENT_ID, type PageContext } from './page-context';
import { siteHostSchema } from '../../sites/site-host-schema';
import { siteKeySchema } from '../../sites/site-key-schema';

/*
 * Validates page contexts that cross a trust boundary (sent by a content script, read back from
 * storage). zod/mini keeps the popup, which imports this too, small. Not for the content script:
 * it must not import zod at all (bundle budget).
 */

export { siteHostSchema };

export const contentIdSchema = z.string().check(
  z.regex(/^[1-9]\d{0,18}$/, 'content id must be a decimal number'),
  // zod runs every check: the regex failing does not stop this one, so it must not throw on non-digits.
  z.refine((id) => !/^\d+$/.test(id) || BigInt(id) <= MAX_CONTENT_ID, 'content id out of range'),
);

export const spaceKeySchema = z.string().check(z.regex(/^[^\s/?#]{1,255}$/, 'not a space key'));

export const pageContextSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('content'),
    host: siteKeySchema,
    contentId: contentIdSchema,
    contentType: z.enum(CONTENT_TYPES),
    view: z.enum(['view', 'edit']),
    spaceKey: z.nullable(spaceKeySchema),
  }),
  z.strictObject({
    kind: z.literal('confluence-other'),
    host: siteKeySchema,
    spaceKey: z.nullable(spaceKeySchema),
    contentIdUnresolved: z.boolean(),
  }),
]);

// The schema and the hand-written type (which the zod-free content script uses) must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof pageContextSchema>, PageContext> = true;
void schemaMatchesType;
