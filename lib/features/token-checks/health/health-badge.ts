import type { HealthReport } from './health-report';

/** The badge as the reminders feature computes it (structurally: text, colour, tooltip). */
export interface BadgeLike {
  text: string;
  colour: string;
  title: string;
}

export const FAILED_CHECK_COLOUR = '#B3261E';

/**
 * "!" when a token failed its last check (it did not sign in somewhere), whatever the expiry
 * badge says; the tooltip names each such token and why, then what the expiry badge said.
 * An expired token is the expiry badge's to show.
 */
export function withFailedChecks(expiryBadge: BadgeLike, reports: readonly HealthReport[], labelOf: (tokenId: string) => string | undefined): BadgeLike {
  const failed = reports.filter((r) => !r.healthy && r.identity.failureClass !== 'expired' && labelOf(r.tokenId) !== undefined);
  if (failed.length === 0) return expiryBadge;
  const lines = failed.map((r) => `Token “${labelOf(r.tokenId)}” failed its last check on ${r.site}: ${r.identity.sentence}`);
  if (expiryBadge.text !== '') lines.push(expiryBadge.title);
  return { text: '!', colour: FAILED_CHECK_COLOUR, title: lines.join('\n') };
}
