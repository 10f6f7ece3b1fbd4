import * as z from 'zod/mini';
import { ACTION_FAILURE_CLASSES } from './failure-view';

/** Why an action or check did not happen (failure-view.ts). */
export const actionFailureSchema = z.strictObject({
  class: z.enum(ACTION_FAILURE_CLASSES),
  message: z.string(),
  fix: z.string(),
  scopes: z.optional(z.array(z.string())),
  policyKey: z.optional(z.string().check(z.maxLength(40))),
});
