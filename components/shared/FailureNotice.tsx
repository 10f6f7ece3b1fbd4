import type { ActionFailure } from '../../lib/atlassian/failure-view';
import type { PolicyKey } from '../../lib/features/policy/policy';
import { OrganisationHelp, PolicyMark } from '../policy/OrganisationPolicy';

/** A failure as a person reads it: what happened, what to do, and for a missing scope which. */
export function FailureNotice({ failure, testId }: { failure: ActionFailure; testId?: string }) {
  return (
    <div class="notice notice-error" role="alert" data-testid={testId} data-failure={failure.class}>
      <p>
        {failure.message}
        {failure.policyKey && (
          <>
            {' '}
            <PolicyMark policyKey={failure.policyKey as PolicyKey} />
          </>
        )}
      </p>
      <p>
        <strong>Fix:</strong> {failure.fix}
      </p>
      {failure.scopes && failure.scopes.length > 0 && (
        <p>
          Scopes to grant: <code>{failure.scopes.join(' ')}</code>
        </p>
      )}
      <OrganisationHelp />
    </div>
  );
}
