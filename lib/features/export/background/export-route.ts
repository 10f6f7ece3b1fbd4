import type { ActionFailure } from '../../../atlassian/failure-view';
import type { Credential, Site } from '../../../atlassian/client';

/**
 * The token an export uses on a site, ready to send (the page-actions dispatcher's `routeFor`,
 * passed in by the composition root: the same choice, expiry check and identity confirmation).
 */
export type ExportRoute = { ok: true; tokenLabel: string; credential: Credential; site: Site } | { ok: false; failure: ActionFailure };
