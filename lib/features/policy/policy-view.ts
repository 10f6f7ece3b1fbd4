import type { Policy } from './policy';

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
