import type { AtlassianClient, Credential, Site } from '../../atlassian/client';
import { toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import { siteKeyOf } from '../../sites/site-key';
import { normalisedSiteKey } from '../tokens/token-site-match';
import type { TokenSummary } from '../tokens/token-summary';
import type { DetectionRun } from './detect-on-site';

/*
 * Whether a token's credentials were accepted on a site, as its own account, in this service
 * worker's life. A site with anonymous access answers wrong, expired or revoked Basic
 * credentials as the anonymous user, with 200: a page action's answer (the watch state, a watch
 * "done") is then the anonymous user's, not the person's. Page actions therefore run only once
 * the token's identity there is confirmed: by a check (`tokens-check`, detection) that found a
 * real identity, or by one `GET user/current` through the same route.
 *
 * Kept in memory only: a stored detection may be from before the token was revoked. Tied to the
 * token's `secretRevision` (a new secret or email is confirmed again) and to the kind it is sent
 * as (the site or the gateway).
 */

export type IdentityConfirmation = { ok: true } | { ok: false; failure: ActionFailure };

/** How an action sends a token: what `sendRoute` gave. */
export interface ConfirmRoute {
  credential: Credential;
  site: Site;
}

export interface IdentityConfirmations {
  /** The credentials of token `tokenId`, sent as `kind`, were accepted on `site` (a site key) as a real account. */
  record(tokenId: string, site: string, kind: Credential['kind'], secretRevision: number): void;
  /** What was confirmed for `tokenId` on `site` no longer holds (a check is running again there). */
  forget(tokenId: string, site: string): void;
  isConfirmed(tokenId: string, site: string, kind: Credential['kind'], secretRevision: number): boolean;
  /**
   * Confirms that `route` signs in as a real account, with one `GET user/current` through it
   * unless that was already confirmed for this secret; an anonymous answer (or any other
   * failure) is the result instead.
   */
  confirm(token: TokenSummary, secretRevision: number, route: ConfirmRoute): Promise<IdentityConfirmation>;
}

export interface IdentityConfirmationDeps {
  client: Pick<AtlassianClient, 'request'>;
}

// `site` is a site key (site-key.ts): a Cloud host, or a Data Center base URL, whose context path
// tells two servers on one host apart.
const siteKey = (tokenId: string, site: string) => `${tokenId}\n${normalisedSiteKey(site)}\n`;
const keyOf = (tokenId: string, site: string, kind: Credential['kind']) => `${siteKey(tokenId, site)}${kind}`;

export function createIdentityConfirmations(deps: IdentityConfirmationDeps): IdentityConfirmations {
  /** Key → the secretRevision confirmed. */
  const confirmed = new Map<string, number>();
  /** Confirmations under way, so two actions at once make one call. */
  const pending = new Map<string, Promise<IdentityConfirmation>>();

  const confirmations: IdentityConfirmations = {
    record(tokenId, site, kind, secretRevision) {
      confirmed.set(keyOf(tokenId, site, kind), secretRevision);
    },
    forget(tokenId, site) {
      const prefix = siteKey(tokenId, site);
      for (const key of [...confirmed.keys()]) if (key.startsWith(prefix)) confirmed.delete(key);
    },
    isConfirmed(tokenId, site, kind, secretRevision) {
      return confirmed.get(keyOf(tokenId, site, kind)) === secretRevision;
    },
    async confirm(token, secretRevision, route) {
      const site = siteKeyOf(route.site);
      const kind = route.credential.kind;
      if (confirmations.isConfirmed(token.id, site, kind, secretRevision)) return { ok: true };
      const key = `${keyOf(token.id, site, kind)}\n${secretRevision}`;
      const running = pending.get(key);
      if (running) return running;
      const call = (async (): Promise<IdentityConfirmation> => {
        const answer = await deps.client.request({ credential: route.credential, site: route.site, operation: 'getCurrentUser' });
        // The client answers a 200 from anyone but a real user as `anonymous-fallback` (isRealIdentity).
        // The gateway checks scopes only after accepting the credentials: a scoped token without
        // the scope to read the current user was still accepted as its own account.
        if (answer.ok || (kind === 'scoped' && answer.failure.class === 'missing-scope')) {
          confirmations.record(token.id, site, kind, secretRevision);
          return { ok: true };
        }
        return { ok: false, failure: toActionFailure(answer.failure) };
      })();
      pending.set(key, call);
      try {
        return await call;
      } finally {
        pending.delete(key);
      }
    },
  };
  return confirmations;
}

/**
 * Records what a detection run proved: a kind the site or the gateway accepted (classic always
 * with a real identity; scoped, with one or with the scope check passed after the credentials).
 */
export function recordConfirmationFromRun(
  confirmations: Pick<IdentityConfirmations, 'record'> | undefined,
  tokenId: string,
  site: string,
  run: DetectionRun,
  secretRevision: number,
): void {
  const d = run.detection;
  if (confirmations && (d.kind === 'classic' || d.kind === 'scoped')) confirmations.record(tokenId, site, d.kind, secretRevision);
}
