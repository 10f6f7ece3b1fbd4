import * as z from 'zod/mini';
import { siteHostSchema } from '../page-context-schema';
import { CLOUD_ID_BODY_MAX_CHARS, CLOUD_ID_REASON_MAX_CHARS, type CloudIdResultMessage } from '../../../messages/content-script-protocol';
import type { Same } from '../../../messages/schemas/same-type';

export const cloudIdResultMessageSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    type: z.literal('cloud-id-result'),
    host: siteHostSchema,
    ok: z.literal(true),
    // The raw body: the background, not the page's side, decides whether it holds a cloudId.
    bodyText: z.string().check(z.maxLength(CLOUD_ID_BODY_MAX_CHARS)),
  }),
  z.strictObject({
    type: z.literal('cloud-id-result'),
    host: siteHostSchema,
    ok: z.literal(false),
    reason: z.string().check(z.minLength(1), z.maxLength(CLOUD_ID_REASON_MAX_CHARS)),
  }),
]);

const matches: Same<z.infer<typeof cloudIdResultMessageSchema>, CloudIdResultMessage> = true;
void matches;
