import type { ActionFailure } from '../../atlassian/failure-view';
import { daysBetween, isIsoDate, localIsoDate, type IsoDate } from './iso-date';
import type { TokenSummary } from './token-summary';

/**
 * The failure for a token past its expiry date, or undefined while it may still work. Checked
 * before the secret is read, so an expired token is never sent. The expiry day itself still
 * counts: Atlassian does not say at what time of that day a token stops working.
 */
export function expiredRefusal(token: Pick<TokenSummary, 'label' | 'expiresOn'>, today: IsoDate = localIsoDate(new Date())): ActionFailure | undefined {
  if (token.expiresOn === undefined || !isIsoDate(token.expiresOn)) return undefined;
  if (daysBetween(today, token.expiresOn) >= 0) return undefined;
  return {
    class: 'expired',
    message: `“${token.label}” expired on ${token.expiresOn}: create a new token and replace this one.`,
    fix: 'Create a new token at id.atlassian.com → Security → API tokens, then edit this one and paste the new secret and expiry date.',
  };
}
