import { daysBetween, isIsoDate, type IsoDate } from '../tokens/iso-date';
import type { TokenSummary } from '../tokens/token-summary';
import { whenText } from './reminder-text';

/** The badge shows a token's days left from this many days before it expires. */
export const BADGE_FROM_DAYS = 7;
export const DEFAULT_ACTION_TITLE = 'Confluence Token Companion';

export const BADGE_COLOURS = { expired: '#B3261E', critical: '#D32F2F', soon: '#E65100', upcoming: '#F9A825' } as const;

export interface BadgeView {
  text: string;
  /** Unused when `text` is empty. */
  colour: string;
  title: string;
}

/** The toolbar badge for the most urgent token: its days left (7 or fewer), "!" once expired. */
export function badgeFor(tokens: readonly TokenSummary[], today: IsoDate): BadgeView {
  let urgent: { token: TokenSummary; expiresOn: IsoDate; daysLeft: number } | undefined;
  for (const token of tokens) {
    if (token.expiresOn === undefined || !isIsoDate(token.expiresOn)) continue;
    const daysLeft = daysBetween(today, token.expiresOn);
    if (!urgent || daysLeft < urgent.daysLeft) urgent = { token, expiresOn: token.expiresOn, daysLeft };
  }
  if (!urgent || urgent.daysLeft > BADGE_FROM_DAYS) return { text: '', colour: BADGE_COLOURS.upcoming, title: DEFAULT_ACTION_TITLE };
  const { token, expiresOn, daysLeft } = urgent;
  if (daysLeft < 0) {
    return { text: '!', colour: BADGE_COLOURS.expired, title: `Token “${token.label}” expired on ${expiresOn}` };
  }
  const colour = daysLeft <= 1 ? BADGE_COLOURS.critical : daysLeft <= 3 ? BADGE_COLOURS.soon : BADGE_COLOURS.upcoming;
  return { text: String(daysLeft), colour, title: `Token “${token.label}” expires ${whenText(daysLeft)}, on ${expiresOn}` };
}
