import * as z from 'zod/mini';
import { pageContextSchema, siteHostSchema } from '../page-context-schema';
import type { PageSeenMessage } from '../../../messages/content-script-protocol';
import type { Same } from '../../../messages/schemas/same-type';

export const pageSeenMessageSchema = z
  .strictObject({
    type: z.literal('page-seen'),
    host: siteHostSchema,
    context: pageContextSchema,
  })
  .check(z.refine((m) => m.context.host === m.host, { message: 'context.host differs from host', path: ['context', 'host'] }));

const matches: Same<z.infer<typeof pageSeenMessageSchema>, PageSeenMessage> = true;
void matches;
