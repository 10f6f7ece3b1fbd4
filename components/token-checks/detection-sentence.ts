import type { SiteDetection } from '../../lib/features/tokens/token-record';

/**
 * What the last check on a site showed, as a sentence for the token list. The full sentence with
 * the cloudId comes with each check's result; the list has only the site.
 */
export function detectionSentence(detection: SiteDetection): string {
  const who = detection.identity?.displayName ? `, signed in as ${detection.identity.displayName}` : '';
  const route =
    detection.kind === 'scoped'
      ? `a scoped token: calls go through api.atlassian.com/ex/confluence/<cloudId of ${detection.site}>`
      : `a classic token: calls go to https://${detection.site}/wiki/rest/api/`;
  return `On ${detection.site}, ${route}${who}.`;
}
