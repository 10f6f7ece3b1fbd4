import { initialDraft } from './token-draft';
import type { TokenFormViewProps } from './TokenFormView';

/** TokenFormView's props for view tests: an empty form with no message and no conflict; `patch` sets the rest. */
export function tokenFormViewProps(patch: Partial<TokenFormViewProps> = {}): TokenFormViewProps {
  const noop = () => {};
  return {
    knownCloudSites: ['acme.atlassian.net'],
    today: '2026-11-22',
    locked: false,
    draft: initialDraft(undefined),
    errors: {},
    formError: null,
    saving: false,
    conflict: null,
    reloading: false,
    onReload: noop,
    onField: noop,
    onLeave: noop,
    onSubmit: noop,
    onCancel: noop,
    ...patch,
  };
}
