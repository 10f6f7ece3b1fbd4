import { describe, expect, it } from 'vitest';
import { FEATURES, OPERATION_IDS } from '../operations';
import { SCOPE_TABLE } from './scope-table.generated';
import { SCOPES_SCOPED_TOKENS_CANNOT_HOLD, allFeatureScopes, scopesForFeature, scopesForOperation } from './scopes';

describe('scopesForOperation', () => {
  it('has a row for every operation, each with granular scopes', () => {
    expect(Object.keys(SCOPE_TABLE).sort()).toEqual([...OPERATION_IDS].sort());
    for (const id of OPERATION_IDS) expect(scopesForOperation(id).granular.length, id).toBeGreaterThan(0);
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

  it('flags operations needing a scope scoped tokens cannot hold', () => {
    expect(SCOPES_SCOPED_TOKENS_CANNOT_HOLD).toContain('read:hierarchical-content:confluence');
    expect(scopesForOperation('getPageDescendantsV2')).toMatchObject({
      unavailableToScoped: true,
      ungrantableToScoped: ['read:hierarchical-content:confluence'],
    });
    // The v1 tree walk is the way for scoped tokens.
    expect(scopesForOperation('getDescendants')).toMatchObject({
      granular: ['read:content-details:confluence'],
      unavailableToScoped: false,
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

  it('leaves unavailable operations out of the granular list and names them', () => {
    const copy = scopesForFeature('copy');
    expect(copy.unavailableToScoped).toEqual(['getPageDescendantsV2']);
    expect(copy.granular).not.toContain('read:hierarchical-content:confluence');
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
