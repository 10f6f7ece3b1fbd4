import * as z from 'zod/mini';
import { ACTION_FAILURE_CLASSES, type ActionFailure } from './failure-view';
import type { Same } from '../messages/schemas/same-type';

/** Why an action or check did not happen (lib/actions/action-failure.ts). */
export const actionFailureSchema = z.strictObject({
  class: z.enum(ACTION_FAILURE_CLASSES),
  message: z.string(),
  fix: z.string(),
  scopes: z.optional(z.array(z.string())),
});

const matches: Same<z.infer<typeof actionFailureSchema>, ActionFailure> = true;
void matches;
