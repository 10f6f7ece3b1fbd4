import type { TokenSummary } from '../tokens/token-summary';

/*
 * What was sent and what was snoozed is keyed by token and expiry date: renewing a token with a
 * new expiry starts its reminders afresh, without anyone clearing the old entries.
 */

type TokenExpiry = Pick<TokenSummary, 'id'> & { expiresOn: string };

export function expiryKey(token: TokenExpiry): string {
  return `${token.id}@${token.expiresOn}`;
}

export function sentKey(token: TokenExpiry, threshold: number): string {
  return `${expiryKey(token)}#${threshold}`;
}

const NOTIFICATION_PREFIX = 'ctc-reminder:';

/** A notification's id names its token, so a click or a button knows which one it is about. */
export function reminderNotificationId(token: TokenExpiry): string {
  return `${NOTIFICATION_PREFIX}${expiryKey(token)}`;
}

export function parseReminderNotificationId(id: string): { tokenId: string; expiresOn: string } | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const match = /^([A-Za-z0-9_-]{1,64})@(\d{4}-\d{2}-\d{2})$/.exec(id.slice(NOTIFICATION_PREFIX.length));
  return match ? { tokenId: match[1]!, expiresOn: match[2]! } : undefined;
}
