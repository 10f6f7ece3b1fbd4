import type { TokenKind } from '../tokens/token-kind';

/*
 * What an organisation can set through managed storage (issue 12): Chrome's
 * `storage.managed_schema`, Firefox's `3rdparty` section of policies.json. Every key is optional:
 * an unset key leaves the person's own choice. This folder reads and merges the policy; wiring it
 * into the background, the pages and the manifest is the rest of issue 12.
 */
export interface Policy {
  /** Every token is read-only: writes are refused before the network. */
  forceReadOnly?: boolean;
  /** Cloud hosts (`acme.atlassian.net`, `*.acme.atlassian.net`) and Data Center base URLs; nothing else gets a token or an action. */
  allowedSites?: string[];
  /** The kinds a person may add (for example `scoped` and `dc-pat`). */
  allowedTokenKinds?: TokenKind[];
  /** The reminder thresholds people start from. */
  reminderThresholdsDays?: number[];
  /** The earliest reminder cannot be set to fewer days before expiry than this. */
  minimumReminderDays?: number;
  disableExport?: boolean;
  disableActivityExport?: boolean;
  /** Shown next to every failure's fix. */
  helpUrl?: string;
  supportContact?: string;
}

export const POLICY_KEYS = [
  'forceReadOnly',
  'allowedSites',
  'allowedTokenKinds',
  'reminderThresholdsDays',
  'minimumReminderDays',
  'disableExport',
  'disableActivityExport',
  'helpUrl',
  'supportContact',
] as const satisfies readonly (keyof Policy)[];
export type PolicyKey = (typeof POLICY_KEYS)[number];
