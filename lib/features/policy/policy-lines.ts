import type { Policy, PolicyKey } from './policy';
import { POLICY_KEYS } from './policy';
import { TOKEN_KIND_NAMES } from '../tokens/token-kind';

/* The options page's account of a policy: which keys it set and one sentence about each (not in the popup's bundle). */

export function setPolicyKeys(policy: Policy): PolicyKey[] {
  return POLICY_KEYS.filter((key) => policy[key] !== undefined);
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** What a set key means for the person, in a sentence. */
export function policyLine(key: PolicyKey, policy: Policy): string {
  switch (key) {
    case 'forceReadOnly':
      return policy.forceReadOnly ? 'Every token is read-only: nothing that changes Confluence is sent.' : 'Each token’s read-only switch is yours to set.';
    case 'allowedSites':
      return `Tokens and actions only for: ${(policy.allowedSites ?? []).join(', ')}.`;
    case 'allowedTokenKinds':
      return `Only these kinds of token can be saved: ${(policy.allowedTokenKinds ?? []).map((k) => TOKEN_KIND_NAMES[k]).join(', ')}.`;
    case 'reminderThresholdsDays':
      return `Reminders start at: ${(policy.reminderThresholdsDays ?? []).map((d) => (d === 0 ? 'the expiry day' : `${days(d)} before`)).join(', ')} (you may choose your own).`;
    case 'minimumReminderDays':
      return `There is always a reminder at least ${days(policy.minimumReminderDays ?? 0)} before a token expires.`;
    case 'disableExport':
      return policy.disableExport ? 'Exporting pages (the Export page and Copy page as Markdown) is turned off.' : 'Exporting pages is allowed.';
    case 'disableActivityExport':
      return policy.disableActivityExport ? 'Exporting the activity log is turned off.' : 'Exporting the activity log is allowed.';
    case 'helpUrl':
      return `Help: ${policy.helpUrl ?? ''}`;
    case 'supportContact':
      return `Support: ${policy.supportContact ?? ''}`;
  }
}

