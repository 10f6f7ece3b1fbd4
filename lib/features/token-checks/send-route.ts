import type { AtlassianClient, Credential, Site } from '../../atlassian/client';
import { dcTokenSiteKey, effectiveKind, normalisedSiteKey } from '../tokens/token-site-match';
import type { TokenSummary } from '../tokens/token-summary';
import type { TokenVault } from '../tokens/token-vault';
import type { ActionFailure } from '../../atlassian/failure-view';
import type { CloudIdSource } from '../pages/cloud-id-source';
import { cloudSite, dataCenterSite } from '../../sites/site';
import { isDcSiteKey } from '../../sites/site-key';
import { credentialFor } from './credential';
import { detectionFailure, detectOnSite, recordDetectionRun } from './detect-on-site';
import { recordConfirmationFromRun, type IdentityConfirmations } from './identity-confirmations';

export type SendRoute = { ok: true; credential: Credential; site: Site } | { ok: false; failure: ActionFailure };

export interface SendRouteDeps {
  vault: Pick<TokenVault, 'recordDetection'>;
  client: Pick<AtlassianClient, 'request'>;
  cloudIds: Pick<CloudIdSource, 'get'>;
  /** Where detection's proof that the token signs in as its account goes (none: not kept). */
  confirmations?: Pick<IdentityConfirmations, 'record'>;
}

/**
 * A Data Center server takes its own PAT only, straight to its base URL: nothing to detect, no
 * cloudId. A Cloud token is never sent there (nor a PAT to a Cloud site: below).
 */
function dataCenterRoute(token: TokenSummary, secret: string, key: string): SendRoute {
  if (token.kind !== 'dc-pat') {
    return {
      ok: false,
      failure: {
        class: 'no-token',
        message: `“${token.label}” is an Atlassian Cloud token: it cannot be used on the Data Center server ${key}.`,
        fix: 'Add a Data Center personal access token for this server in the extension options.',
      },
    };
  }
  const site = dcTokenSiteKey(token) === key ? dataCenterSite(key) : undefined;
  if (!site) {
    return {
      ok: false,
      failure: {
        class: 'no-token',
        message: `“${token.label}” is for ${token.dcBaseUrl ?? 'no server'}, not for ${key}.`,
        fix: 'Add a personal access token for this server in the extension options.',
      },
    };
  }
  return { ok: true, credential: credentialFor(token, secret, 'dc-pat'), site };
}

/**
 * How to send `token` to site `host` (a site key: site-key.ts). On Cloud: its effective kind
 * there (an auto-detect token not yet detected on the site is detected now, and the result
 * recorded) and, for a scoped token, the site's cloudId. On a Data Center server: its PAT.
 * `secretRevision`: what `getSecret` gave with `secret`.
 */
export async function sendRoute(deps: SendRouteDeps, token: TokenSummary, secret: string, host: string, secretRevision: number): Promise<SendRoute> {
  const key = normalisedSiteKey(host);
  if (isDcSiteKey(key)) return dataCenterRoute(token, secret, key);
  let kind = effectiveKind(token, host);
  if (kind === undefined) {
    const run = await detectOnSite(deps, token, secret, host);
    await recordDetectionRun(deps.vault, token.id, host, run, secretRevision);
    recordConfirmationFromRun(deps.confirmations, token.id, host, run, secretRevision);
    const d = run.detection;
    if (d.kind === 'unknown') {
      const cause = detectionFailure(run);
      return {
        ok: false,
        failure: {
          class: 'kind-unknown',
          message: `Whether “${token.label}” is a classic or a scoped token could not be found out on ${host}: ${d.sentence}`,
          fix: cause?.fix ?? 'Check the token in the extension options, or set its kind yourself.',
        },
      };
    }
    kind = d.kind;
  }
  if (kind === 'dc-pat') {
    // tokenCoversSite never offers a Data Center token for a Cloud site; this guards the type.
    return {
      ok: false,
      failure: {
        class: 'no-token',
        message: `“${token.label}” is a Data Center personal access token: it cannot be used on the Atlassian Cloud site ${host}.`,
        fix: 'Add a Cloud token for this site.',
      },
    };
  }
  if (kind === 'classic') return { ok: true, credential: credentialFor(token, secret, 'classic'), site: cloudSite(host) };
  const lookup = await deps.cloudIds.get(host);
  if (!lookup.ok) return lookup;
  return { ok: true, credential: credentialFor(token, secret, 'scoped'), site: cloudSite(host, lookup.cloudId) };
}
