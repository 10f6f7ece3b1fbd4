import type { PolicyView } from '../../lib/features/policy/policy-view';
import { policyLine, setPolicyKeys } from '../../lib/features/policy/policy-lines';
import { PolicyMark, shownPolicyView } from './OrganisationPolicy';

/*
 * The options page's account of the organisation's policy: each key it set, what that means
 * here, and each value it gave that was ignored as malformed. Nothing shows without a policy.
 * data-testids: policy-section, policy-setting (data-policy-key), policy-warning.
 */
export function PolicySection({ view = shownPolicyView() }: { view?: PolicyView }) {
  const keys = setPolicyKeys(view.policy);
  if (keys.length === 0 && view.warnings.length === 0) return null;
  return (
    <section aria-labelledby="policy-heading" data-testid="policy-section">
      <h2 id="policy-heading">Set by your organisation</h2>
      <p class="help">Your organisation manages some of this extension’s settings. They win over your own, and change only when your administrator changes them.</p>
      {keys.length > 0 && (
        <ul class="policy-settings">
          {keys.map((key) => (
            <li key={key} data-testid="policy-setting" data-policy-key={key}>
              {policyLine(key, view.policy)} <PolicyMark policyKey={key} />
            </li>
          ))}
        </ul>
      )}
      {view.warnings.map((warning) => (
        <p key={warning} class="notice notice-warning" role="status" data-testid="policy-warning">
          {warning}
        </p>
      ))}
    </section>
  );
}
