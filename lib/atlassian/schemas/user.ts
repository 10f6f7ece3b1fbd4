/** `GET /user/current` (v1 Cloud and Data Center). Cloud identifies users by accountId, DC by username/userKey. */
import * as z from 'zod';

export const userSchema = z.object({
  // Not an enum: an unexpected type must reach the anonymous check, not fail validation.
  type: z.string(),
  accountId: z.string().optional(),
  accountType: z.string().optional(),
  email: z.string().nullish(),
  publicName: z.string().optional(),
  displayName: z.string().nullish(),
  timeZone: z.string().nullish(),
  username: z.string().optional(),
  userKey: z.string().optional(),
  profilePicture: z
    .object({ path: z.string(), width: z.number().optional(), height: z.number().optional(), isDefault: z.boolean().optional() })
    .partial()
    .optional(),
});
export type User = z.output<typeof userSchema>;
