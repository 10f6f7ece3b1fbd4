import type { ComponentChildren } from 'preact';
import type { PolicyKey } from '../../lib/features/policy/policy';
import { NO_POLICY, organisationHelp, type PolicyView } from '../../lib/features/policy/policy-view';

/*
 * The organisation's policy as every view reads it, so a mark or the organisation's help can sit
 * anywhere without threading props through each view. A module value set by the page's root
 * rather than a Preact context: views stay hook-free, so the tests expand them without a renderer.
 * data-testids: policy-mark (data-policy-key), org-help.
 */

let shown: PolicyView = NO_POLICY;

/** Wraps a page's root: the views rendered inside read `value`. */
export function PolicyScope({ value, children }: { value: PolicyView; children: ComponentChildren }) {
  shown = value;
  return <>{children}</>;
}

/** The policy the page shows now (no policy until the page has read it). */
export const shownPolicy = () => shown.policy;
/** With the warnings about ignored values. */
export const shownPolicyView = (): PolicyView => shown;

/** "Set by your organisation", next to a value the policy set. */
export function PolicyMark({ policyKey }: { policyKey: PolicyKey }) {
  return (
    <span class="policy-mark" data-testid="policy-mark" data-policy-key={policyKey} title={`Your organisation’s policy “${policyKey}” sets this.`}>
      Set by your organisation
    </span>
  );
}

/** The organisation's help page and contact, when it named them; nothing otherwise. */
export function OrganisationHelp() {
  const help = organisationHelp(shownPolicy());
  if (!help) return null;
  return (
    <p class="org-help" data-testid="org-help">
      Help from your organisation:{' '}
      {help.url && (
        <a href={help.url} target="_blank" rel="noopener noreferrer">
          {help.url}
        </a>
      )}
      {help.url && help.contact ? ' · ' : ''}
      {help.contact && <span>{help.contact}</span>}
    </p>
  );
}
