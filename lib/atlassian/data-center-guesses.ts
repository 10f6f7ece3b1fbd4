/**
 * What the client assumes about Confluence Data Center beyond what API-FACTS.md marks **doc**,
 * in one place so that a wrong guess is one edit. Each line says what it rests on.
 */

/**
 * How long a 429 from a Data Center origin makes a following 401 suspect. API-FACTS (seen):
 * over-limit DC requests have surfaced as spurious 401 "Login Required"; how long after the 429
 * that can happen is unknown. **guess**: a minute, the longest `Retry-After` the client sleeps.
 */
export const DC_SPURIOUS_401_WINDOW_MS = 60_000;

/**
 * The wait a Data Center 429 without `Retry-After` asks for: DC rate limiting is a token bucket that
 * gains `X-RateLimit-FillRate` requests every `X-RateLimit-Interval-Seconds` (the header names are
 * **doc**), so one more request is allowed after `IntervalSeconds / FillRate` seconds. That reading
 * of the two headers is a **guess** (Atlassian's DC rate-limiting admin guide, not API-FACTS).
 */
export function dcRefillSeconds(fillRate: number, intervalSeconds: number): number {
  return Math.ceil((1 / fillRate) * intervalSeconds);
}

/**
 * Data Center's attachment servlet (`_links.download`) answers the file itself on its own origin:
 * no signed URL on another host as on Cloud. **guess** (API-FACTS says only that DC uses the servlet
 * path with the PAT). So its redirect is refused like any other call's: a redirect there is most
 * likely the login page, and following it would save that page as the file. Set this to true to
 * follow it without credentials instead, as Cloud downloads are.
 */
export const DC_DOWNLOAD_FOLLOWS_REDIRECTS = false;
