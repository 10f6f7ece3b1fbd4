import * as z from 'zod';
import { SITE_KEY_MAX_CHARS } from '../../../sites/site-key';
import { CAPABILITIES, IDENTITY_STATES, ROW_STATES, type HealthReport } from './health-report';

/** The stored and sent shape of a report: strict at every level, bounded strings. */
const text = z.string().max(2000);

export const capabilityRowSchema = z.strictObject({
  capability: z.enum(CAPABILITIES),
  state: z.enum(ROW_STATES),
  sentence: text,
  fix: text.optional(),
  scopes: z.array(z.string().max(200)).max(20).optional(),
  latencyMs: z.number().nonnegative().optional(),
});

export const healthReportSchema = z.strictObject({
  tokenId: z.string().max(100),
  tokenRevision: z.string().max(100),
  site: z.string().max(SITE_KEY_MAX_CHARS),
  checkedAt: z.number(),
  healthy: z.boolean(),
  headline: text,
  kind: z.enum(['classic', 'scoped', 'dc-pat', 'unknown']),
  baseUrl: z.string().max(500).optional(),
  identity: z.strictObject({
    state: z.enum(IDENTITY_STATES),
    sentence: text,
    fix: text.optional(),
    displayName: text.optional(),
    accountId: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    emailMatches: z.boolean().optional(),
    failureClass: z.string().max(100).optional(),
  }),
  warning: text.optional(),
  rows: z.array(capabilityRowSchema).max(CAPABILITIES.length),
  rateLimit: z
    .strictObject({ limit: z.number().optional(), remaining: z.number().optional(), nearLimit: z.boolean().optional() })
    .optional(),
  probePage: z
    .strictObject({
      id: z.string().max(100),
      title: text.optional(),
      source: z.enum(['tab', 'listed', 'previous']),
      attachmentId: z.string().max(100).optional(),
    })
    .optional(),
  expiry: z.strictObject({ expiresOn: z.string().max(10), daysLeft: z.number() }).optional(),
});

// The schema and the interface describe one shape: each must accept the other.
type Parsed = z.infer<typeof healthReportSchema>;
export const schemaMatchesInterface: [Parsed extends HealthReport ? true : never, HealthReport extends Parsed ? true : never] = [true, true];
