import type { Policy, PolicyKey } from './policy';
import { POLICY_KEYS } from './policy';
import { TOKEN_KIND_NAMES } from '../tokens/token-kind';

/*
 * The policy as pages show it: which keys the organisation set and one line about each. Plain
 * data and sentences, no zod, so the popup can import it.
 */

export interface PolicyView {
  policy: Policy;
  /** One sentence per ignored policy value (read-policy.ts). */
  warnings: string[];
}

export const NO_POLICY: PolicyView = { policy: {}, warnings: [] };

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

/** The organisation's help as one sentence for a toast or a notification (undefined: it named none). */
export function organisationHelpSentence(policy: Policy): string | undefined {
  const help = organisationHelp(policy);
  return help && `Help from your organisation: ${[help.url, help.contact].filter(Boolean).join(' · ')}`;
}

/** Where to get help, when the organisation says (shown next to every failure's fix). */
export function organisationHelp(policy: Policy): { url?: string; contact?: string } | undefined {
  if (!policy.helpUrl && !policy.supportContact) return undefined;
  return { ...(policy.helpUrl ? { url: policy.helpUrl } : {}), ...(policy.supportContact ? { contact: policy.supportContact } : {}) };
}
