import type { Failure } from './failure';
import { FAILURE_CLASSES } from './failure-classes';

/*
 * Why an action or a token check did not happen, as an extension page shows it. Zod-free and
 * import-light: the popup imports the class list to validate replies.
 */

/** Reasons found in the background before (or instead of) calling Atlassian. */
export const LOCAL_FAILURE_CLASSES = [
  /** The vault has a passphrase and is locked: no secret can be read. */
  'locked',
  /** A Data Center server whose origin the extension may not reach yet (optional host permission). */
  'permission-needed',
  /** No saved token is meant for the site. */
  'no-token',
  /** The tab does not show a Confluence page the action applies to. */
  'no-page',
  /** An auto-detect token whose kind on this site could not be found out. */
  'kind-unknown',
  /** The site's cloudId (needed for the gateway) could not be found. */
  'no-cloud-id',
  /** The token is past the expiry date the person entered: refused before the network. */
  'expired',
] as const;

export const ACTION_FAILURE_CLASSES = [...FAILURE_CLASSES, ...LOCAL_FAILURE_CLASSES] as const;
export type ActionFailureClass = (typeof ACTION_FAILURE_CLASSES)[number];

export interface ActionFailure {
  class: ActionFailureClass;
  /** What happened, for people. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** For `missing-scope`: the granular scopes to give a scoped token (what the spec lists). */
  scopes?: string[];
  /** For `policy-refused`: the organisation's policy key that refused it. */
  policyKey?: string;
}

/** The client's failure, without status or wait details the pages do not use. */
export function toActionFailure(failure: Failure): ActionFailure {
  return {
    class: failure.class,
    message: failure.message,
    fix: failure.fix,
    ...(failure.class === 'missing-scope' && failure.scopes ? { scopes: [...failure.scopes.granular] } : {}),
    ...(failure.policyKey !== undefined ? { policyKey: failure.policyKey } : {}),
  };
}

export function lockedFailure(): ActionFailure {
  return {
    class: 'locked',
    message: 'Unlock your tokens first: they are locked with your passphrase.',
    fix: 'Open the extension options and enter your passphrase, then try again.',
  };
}
