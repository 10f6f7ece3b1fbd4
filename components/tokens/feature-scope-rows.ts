import { FEATURES } from '../../lib/atlassian/operations';
import { scopesForFeature } from '../../lib/atlassian/scopes/scopes';
import type { FeatureScopeRow } from './ScopeGuide';

/** The guide's rows, from the table generated from Atlassian's specs (never typed by hand). */
export function featureScopeRows(): FeatureScopeRow[] {
  return FEATURES.map((feature) => {
    const scopes = scopesForFeature(feature);
    return { feature, scopes: scopes.granular, unavailable: scopes.unavailableToScoped };
  }).filter((row) => row.scopes.length > 0 || row.unavailable.length > 0);
}
