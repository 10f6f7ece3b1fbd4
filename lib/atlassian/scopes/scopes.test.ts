import { describe, expect, it } from 'vitest';
import { FEATURES, isConfluenceOperation, isDataCenterOnlyOperation, isJiraOperation, OPERATION_IDS } from '../operations';
import { JIRA_SCOPES } from './jira-scopes';
import { SCOPE_TABLE } from './scope-table.generated';
import { SCOPES_SCOPED_TOKENS_CANNOT_HOLD, allFeatureScopes, scopesForFeature, scopesForOperation } from './scopes';

describe('scopesForOperation', () => {
  it('has a row for every operation a Cloud token calls, each with granular scopes', () => {
    expect(Object.keys(SCOPE_TABLE).sort()).toEqual(OPERATION_IDS.filter(isConfluenceOperation).sort());
    expect(Object.keys(JIRA_SCOPES).sort()).toEqual(OPERATION_IDS.filter(isJiraOperation).sort());
    for (const id of OPERATION_IDS.filter((id) => !isDataCenterOnlyOperation(id))) expect(scopesForOperation(id).granular.length, id).toBeGreaterThan(0);
  });

  it('Data Center-only operations (in no spec; PATs have no scopes) ask for none and stay out of the feature lists', () => {
    const dcOnly = OPERATION_IDS.filter(isDataCenterOnlyOperation);
    expect(dcOnly).toEqual(['downloadAttachmentDc']);
    expect(scopesForOperation('downloadAttachmentDc')).toMatchObject({ classic: [], granular: [], unavailableToScoped: false });
    expect(scopesForFeature('export').operations).not.toContain('downloadAttachmentDc');
    expect(scopesForFeature('export').granularOnly).not.toContain('downloadAttachmentDc');
  });

  it('the v1 attachment list (Data Center’s) takes the content-details scopes the spec lists', () => {
    expect(scopesForOperation('getContentAttachments')).toMatchObject({ classic: ['read:confluence-content.summary'], granular: ['read:content-details:confluence'] });
  });

  it('gives the identity check the scopes API-FACTS quotes from the v1 spec', () => {
    expect(scopesForOperation('getCurrentUser')).toMatchObject({
      classic: ['read:confluence-user'],
      granular: ['read:content-details:confluence'],
      unavailableToScoped: false,
    });
  });

  it('reading watch status needs read:watcher:confluence, writing needs write:watcher:confluence', () => {
    expect(scopesForOperation('getContentWatchStatus').granular).toEqual(['read:watcher:confluence']);
    expect(scopesForOperation('addContentWatcher').granular).toEqual(['write:watcher:confluence']);
    expect(scopesForOperation('removeSpaceWatcher').granular).toEqual(['write:watcher:confluence']);
  });

  it('v2 operations accept granular scopes only', () => {
    expect(scopesForOperation('getPageById')).toMatchObject({ classic: [], granular: ['read:page:confluence'] });
  });

  it('lets scoped tokens call the v2 tree: read:hierarchical-content:confluence can be given (API-FACTS 2026-12-01)', () => {
    expect(SCOPES_SCOPED_TOKENS_CANNOT_HOLD).toEqual([]);
    expect(scopesForOperation('getPageDescendantsV2')).toMatchObject({
      granular: ['read:hierarchical-content:confluence'],
      unavailableToScoped: false,
      ungrantableToScoped: [],
    });
  });

  it('flags operations needing a scope a scoped token cannot hold, when the list names one', () => {
    const cannotHold = ['read:hierarchical-content:confluence'];
    expect(scopesForOperation('getPageDescendantsV2', cannotHold)).toMatchObject({
      unavailableToScoped: true,
      ungrantableToScoped: ['read:hierarchical-content:confluence'],
    });
    expect(scopesForOperation('getDescendants', cannotHold)).toMatchObject({
      granular: ['read:content-details:confluence'],
      unavailableToScoped: false,
    });
    // A v1 operation with a classic alternative stays reachable even with an ungrantable granular scope.
    expect(scopesForOperation('getCurrentUser', ['read:content-details:confluence'])).toMatchObject({
      unavailableToScoped: false,
      ungrantableToScoped: ['read:content-details:confluence'],
    });
  });
});

describe('scopesForFeature', () => {
  it('unions, sorts and dedupes the scopes of a feature', () => {
    expect(scopesForFeature('watch')).toEqual({
      feature: 'watch',
      operations: [
        'getContentWatchStatus',
        'addContentWatcher',
        'removeContentWatcher',
        'getSpaceWatchStatus',
        'addSpaceWatcher',
        'removeSpaceWatcher',
      ],
      granular: ['read:watcher:confluence', 'write:watcher:confluence'],
      classic: ['read:confluence-content.summary', 'write:confluence-content'],
      granularOnly: [],
      unavailableToScoped: [],
    });
  });

  it('copy asks scoped tokens for the v2 tree scope too', () => {
    const copy = scopesForFeature('copy');
    expect(copy.unavailableToScoped).toEqual([]);
    expect(copy.granular).toEqual(['read:content-details:confluence', 'read:hierarchical-content:confluence']);
  });

  it('leaves unavailable operations out of the granular list and names them (injected list)', () => {
    const copy = scopesForFeature('copy', ['read:hierarchical-content:confluence']);
    expect(copy.unavailableToScoped).toEqual(['getPageDescendantsV2']);
    expect(copy.granular).toEqual(['read:content-details:confluence']);
  });

  it('export needs the v2 page and attachment scopes, which classic scopes cannot replace', () => {
    const exp = scopesForFeature('export');
    expect(exp.granular).toEqual([
      'read:attachment:confluence',
      'read:content-details:confluence',
      'read:page:confluence',
    ]);
    expect(exp.granularOnly).toEqual(['getPageById', 'getPageAttachments']);
  });

  it('covers every feature', () => {
    expect(allFeatureScopes().map((f) => f.feature)).toEqual([...FEATURES]);
    for (const f of allFeatureScopes()) {
      expect(f.granular).toEqual([...f.granular].sort());
      expect(new Set(f.granular).size).toBe(f.granular.length);
    }
  });
});
