import { featureScopeRows } from './feature-scope-rows';
import { ScopeGuide } from './ScopeGuide';

/**
 * The popup's token guidance, in a module of its own: the popup loads it (with the scope table)
 * only when there is no token yet, which keeps the everyday popup small.
 */
export function PopupGuide() {
  return <ScopeGuide rows={featureScopeRows()} compact />;
}
