import * as z from 'zod/mini';
import { defineMessages } from '../../core/messaging/define-message';
import { TOKEN_KINDS } from '../tokens/token-kind';
import type { PolicySource } from './policy-source';

/* The managed policy as pages show it ("set by your organisation"). docs/messages.md describes it. */

export interface PolicyDeps {
  policy: PolicySource;
}

const message = defineMessages<PolicyDeps>();

const policySchema = z.strictObject({
  forceReadOnly: z.optional(z.boolean()),
  allowedSites: z.optional(z.array(z.string())),
  allowedTokenKinds: z.optional(z.array(z.enum(TOKEN_KINDS))),
  reminderThresholdsDays: z.optional(z.array(z.number())),
  minimumReminderDays: z.optional(z.number()),
  disableExport: z.optional(z.boolean()),
  disableActivityExport: z.optional(z.boolean()),
  helpUrl: z.optional(z.string()),
  supportContact: z.optional(z.string()),
});

export const policyGet = message({
  type: 'policy-get',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('policy-get') }),
  /** `warnings`: one sentence per policy value that was ignored as malformed. */
  output: z.strictObject({ policy: policySchema, warnings: z.array(z.string()) }),
  handle: (_message, _sender, deps) => deps.policy.get(),
});

export const policyMessages = [policyGet] as const;
