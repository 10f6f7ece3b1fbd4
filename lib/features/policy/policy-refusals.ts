import { policyRefusedFailure, type Failure } from '../../atlassian/failure';
import { toActionFailure, type ActionFailure } from '../../atlassian/failure-view';
import type { Site } from '../../sites/site';
import { siteKeyOf } from '../../sites/site-key';
import type { ActionName } from '../page-actions/action-names';
import { sentKindAllowed, siteAllowed } from './merge-policy';
import { TOKEN_KIND_NAMES, type TokenKind } from '../tokens/token-kind';
import { policySentences } from './policy-sentences';
import type { Policy } from './policy';
import type { PolicySource } from './policy-source';

/*
 * What the organisation's policy refuses, as failures with the sentence naming the policy key.
 * The request client asks `siteGuard` before every credentialed call, so no token reaches a site
 * the policy leaves out, whichever feature asked; the dispatcher and the export port ask first,
 * so a person reads the policy's sentence rather than a token's.
 */

/** The actions `disableExport` turns off: the Export page for a page or its tree, and Copy as Markdown. */
export const EXPORT_ACTIONS: readonly ActionName[] = ['export-page', 'export-tree', 'copy-page-markdown'];

export function siteRefusedFailure(siteText: string): Failure {
  return policyRefusedFailure('allowedSites', policySentences.siteNotAllowed(siteText), policySentences.fix);
}

export function exportRefusedFailure(): Failure {
  return policyRefusedFailure('disableExport', policySentences.exportOff, policySentences.fix);
}

export function kindRefusedFailure(kind: Exclude<TokenKind, 'auto'>, allowed: readonly TokenKind[]): Failure {
  return policyRefusedFailure('allowedTokenKinds', policySentences.kindNotSent(TOKEN_KIND_NAMES[kind], allowed.map((k) => TOKEN_KIND_NAMES[k])), policySentences.fix);
}

/**
 * The client's guard: undefined when the policy lets a token go to `site` sent as `kind`. The
 * kind is the one the call uses, so an auto-detected token is held to the kinds allowed too
 * (a classic probe is not sent where only scoped tokens are allowed).
 */
export function policyGuard(source: PolicySource): (site: Site, kind: Exclude<TokenKind, 'auto'>) => Promise<Failure | undefined> {
  return async (site, kind) => {
    const { policy } = await source.get();
    const key = siteKeyOf(site);
    if (!siteAllowed(key, policy)) return siteRefusedFailure(key);
    return sentKindAllowed(kind, policy) ? undefined : kindRefusedFailure(kind, policy.allowedTokenKinds ?? []);
  };
}

export function siteRefusal(siteKey: string, policy: Policy): ActionFailure | undefined {
  return siteAllowed(siteKey, policy) ? undefined : toActionFailure(siteRefusedFailure(siteKey));
}

/** The actions the policy turns off, which menus and shortcuts do not offer. */
export function hiddenActions(policy: Policy): readonly ActionName[] {
  return policy.disableExport ? EXPORT_ACTIONS : [];
}

export function actionRefusal(action: ActionName, policy: Policy): ActionFailure | undefined {
  return policy.disableExport && EXPORT_ACTIONS.includes(action) ? toActionFailure(exportRefusedFailure()) : undefined;
}
