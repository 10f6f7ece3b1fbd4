/**
 * Questions about scopes, answered from the generated table so that what the extension asks a
 * person to grant is what Atlassian's spec says each operation checks.
 */
import { FEATURES, isConfluenceOperation, isDataCenterOnlyOperation, isJiraOperation, OPERATIONS, type Feature, type OperationId } from '../operations';
import { JIRA_SCOPES } from './jira-scopes';
import { SCOPE_TABLE, type GeneratedOperationScopes } from './scope-table.generated';

/** Data Center-only operations: a PAT carries no scopes, so there is nothing to ask for. */
const NO_SCOPES: GeneratedOperationScopes = { specOperationId: '', classic: [], granular: [] };

/**
 * Scopes that the scoped-API-token creation screen does not offer, so operations needing them
 * cannot work with a scoped token whatever the person picks. Empty today: scoped tokens *can* be
 * given `read:hierarchical-content:confluence` (API-FACTS 2026-12-01: seen; the earlier belief
 * was wrong). Kept because such a gap existed once (`read:folder:confluence`); this list is the
 * one place to correct if Atlassian opens one again.
 */
export const SCOPES_SCOPED_TOKENS_CANNOT_HOLD: readonly string[] = [];

export interface OperationScopes {
  operation: OperationId;
  /** Classic scopes that cover the operation; empty for v2 (granular only). */
  classic: readonly string[];
  /** Granular scopes that cover the operation. */
  granular: readonly string[];
  /** True when a scoped token cannot call this operation at all (it needs an ungrantable scope). */
  unavailableToScoped: boolean;
  /** Which of `granular` a scoped token cannot be given. */
  ungrantableToScoped: readonly string[];
}

/** `cannotHold` is injectable so the mechanism can be tested while the list is empty. */
export function scopesForOperation(id: OperationId, cannotHold: readonly string[] = SCOPES_SCOPED_TOKENS_CANNOT_HOLD): OperationScopes {
  const row = isConfluenceOperation(id) ? SCOPE_TABLE[id] : isJiraOperation(id) ? JIRA_SCOPES[id] : NO_SCOPES;
  const ungrantable = row.granular.filter((s) => cannotHold.includes(s));
  return {
    operation: id,
    classic: row.classic,
    granular: row.granular,
    // A classic-scope set is an alternative only on v1, so an ungrantable granular scope on a
    // v1 operation that also lists classic scopes still leaves a way in.
    unavailableToScoped: ungrantable.length > 0 && row.classic.length === 0,
    ungrantableToScoped: ungrantable,
  };
}

export interface FeatureScopes {
  feature: Feature;
  operations: OperationId[];
  /** Granular scopes to grant a scoped token: union over the operations it can use, sorted. */
  granular: string[];
  /** Classic scopes: union over the operations that accept them, sorted. */
  classic: string[];
  /** Operations of this feature that accept granular scopes only (v2): classic scopes won't do. */
  granularOnly: OperationId[];
  /** Operations of this feature no scoped token can call (flagged, and left out of `granular`). */
  unavailableToScoped: OperationId[];
}

export function scopesForFeature(feature: Feature, cannotHold: readonly string[] = SCOPES_SCOPED_TOKENS_CANNOT_HOLD): FeatureScopes {
  // What a Cloud token must be given: Data Center-only operations take PATs, which have no scopes.
  const ids = (Object.keys(OPERATIONS) as OperationId[]).filter((id) => OPERATIONS[id].feature === feature && !isDataCenterOnlyOperation(id));
  const granular = new Set<string>();
  const classic = new Set<string>();
  const granularOnly: OperationId[] = [];
  const unavailableToScoped: OperationId[] = [];
  for (const id of ids) {
    const s = scopesForOperation(id, cannotHold);
    if (s.unavailableToScoped) unavailableToScoped.push(id);
    else s.granular.forEach((x) => granular.add(x));
    s.classic.forEach((x) => classic.add(x));
    if (s.classic.length === 0) granularOnly.push(id);
  }
  return {
    feature,
    operations: ids,
    granular: [...granular].sort(),
    classic: [...classic].sort(),
    granularOnly,
    unavailableToScoped,
  };
}

export function allFeatureScopes(): FeatureScopes[] {
  return FEATURES.map((feature) => scopesForFeature(feature));
}
