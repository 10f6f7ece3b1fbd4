import type { TokenSummary } from '../tokens/token-summary';

/** The sentences a reminder notification shows. */

export function whenText(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

export function reminderTitle(token: Pick<TokenSummary, 'label'>, daysLeft: number): string {
  return `Token “${token.label}” expires ${whenText(daysLeft)}`;
}

export function reminderMessage(token: Pick<TokenSummary, 'sites' | 'dcBaseUrl' | 'kind'>, expiresOn: string): string {
  const sites = token.kind === 'dc-pat' ? [token.dcBaseUrl ?? 'your Data Center server'] : token.sites;
  const where = sites.length > 0 ? `Used on ${sites.join(', ')}.` : 'Not used on any site yet.';
  return `${where} It expires on ${expiresOn}: create a new token and replace this one.`;
}
