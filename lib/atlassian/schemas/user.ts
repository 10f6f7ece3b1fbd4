/**
 * `GET /user/current` (v1 Cloud and Data Center). Cloud identifies users by accountId, DC by
 * username/userKey. The identity is kept on the token and shown: every string is bounded.
 */
import * as z from 'zod';
import { link, text } from './common';

export const userSchema = z.object({
  // Not an enum: an unexpected type must reach the anonymous check, not fail validation.
  type: text(),
  accountId: text().optional(),
  accountType: text().optional(),
  email: text().nullish(),
  publicName: text().optional(),
  displayName: text().nullish(),
  timeZone: text().nullish(),
  username: text().optional(),
  userKey: text().optional(),
  profilePicture: z
    .object({ path: link(), width: z.number().optional(), height: z.number().optional(), isDefault: z.boolean().optional() })
    .partial()
    .optional(),
});
export type User = z.output<typeof userSchema>;
