/**
 * Attachment downloads answer 302 to a signed URL on another host (a media service). The
 * credential must never reach that host: the signature in the URL is the authorisation there.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Remembers, per client, whether this runtime lets us read redirects (Node yes, browsers no). */
export interface RedirectCapability {
  manualReadable?: boolean;
}

export type RedirectOutcome = { kind: 'response'; response: Response } | { kind: 'unsafe-redirect' };

/**
 * Fetches `url` with `init` (which carries the Authorization header) and follows a redirect
 * without it.
 *
 * - Where a manual redirect is readable (Node/undici), we read `Location` and fetch it ourselves
 *   with no credentials and no headers of ours, so nothing depends on the runtime's redirect code.
 * - Browsers hand back an opaque redirect (no status, no Location) for `redirect: 'manual'`; there
 *   we fall back to `redirect: 'follow'`, relying on the Fetch standard's rule that drops
 *   `Authorization` on a cross-origin redirect (current Chrome and Firefox implement it; the e2e
 *   suite checks it against a real second host). The fallback is remembered so later downloads
 *   don't pay for the probe.
 */
export async function fetchFollowingRedirectWithoutCredentials(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  capability: RedirectCapability,
): Promise<RedirectOutcome> {
  if (capability.manualReadable !== false) {
    const first = await fetchFn(url, { ...init, redirect: 'manual' });
    const opaque = first.type === 'opaqueredirect' || first.status === 0;
    if (!opaque) {
      const location = first.headers.get('location');
      if (first.status < 300 || first.status >= 400 || location === null) return { kind: 'response', response: first };
      capability.manualReadable = true;
      await first.body?.cancel().catch(() => undefined);
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        return { kind: 'unsafe-redirect' };
      }
      if (target.protocol !== 'https:') return { kind: 'unsafe-redirect' };
      const second = await fetchFn(target.href, {
        method: 'GET',
        redirect: 'follow',
        credentials: 'omit',
        ...(init.signal ? { signal: init.signal } : {}),
      });
      return { kind: 'response', response: second };
    }
    capability.manualReadable = false;
  }
  return { kind: 'response', response: await fetchFn(url, { ...init, redirect: 'follow' }) };
}
