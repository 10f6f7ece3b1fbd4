// Matching requests to spec operations, and the scope rules derived from them.
import { describe, expect, it, vi } from 'vitest';
import { OPENAPI_DIR } from './paths';
import {
  NEVER_GRANTED_TO_SCOPED_TOKENS,
  acceptedScopeSets,
  loadSpecIndex,
  scopesSatisfy,
  specsAvailable,
  type SpecApi,
  type SpecOperation,
} from './spec-scopes';

describe('loadSpecIndex without specs', () => {
  it('warns, matches nothing, and so checks no scopes', () => {
    const warn = vi.fn();
    const index = loadSpecIndex({ v1: '/nonexistent/v1.json', v2: '/nonexistent/v2.json' }, warn);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]![0]).toMatch(/scope checks for v1 are skipped/);
    expect(index.match('v2', 'GET', '/pages/1')).toBeUndefined();
  });
});

describe('scopesSatisfy', () => {
  const op = (sets: string[][], hasScopeInfo = true, classic: string[][] = [], api: SpecApi = 'v2'): SpecOperation => ({
    api,
    method: 'GET',
    template: '/x',
    hasScopeInfo,
    granularScopeSets: sets,
    classicScopeSets: classic,
    raw: {},
  });
  it('needs every scope of one granular set', () => {
    expect(scopesSatisfy(op([['a', 'b']]), ['a'], true)).toBe(false);
    expect(scopesSatisfy(op([['a', 'b']]), ['b', 'a', 'c'], true)).toBe(true);
    expect(scopesSatisfy(op([['a'], ['c']]), ['c'], true)).toBe(true);
    expect(scopesSatisfy(op([], false), [], true)).toBe(true);
    expect(scopesSatisfy(op([]), ['a'], true)).toBe(false);
  });
  it('v1 accepts the classic or the granular sets; v2 only the granular ones', () => {
    const v1 = op([['read:content-details:confluence']], true, [['read:confluence-user']], 'v1');
    expect(acceptedScopeSets(v1)).toEqual([['read:content-details:confluence'], ['read:confluence-user']]);
    expect(scopesSatisfy(v1, ['read:confluence-user'], true)).toBe(true);
    expect(scopesSatisfy(v1, ['read:content-details:confluence'], true)).toBe(true);
    expect(scopesSatisfy(v1, ['read:confluence-content.all'], true)).toBe(false);
    // A v1 operation listing only a classic set is reachable with it.
    expect(scopesSatisfy(op([], true, [['write:confluence-content']], 'v1'), ['write:confluence-content'], true)).toBe(true);
    const v2 = op([['read:page:confluence']], true, [['read:confluence-content.all']], 'v2');
    expect(acceptedScopeSets(v2)).toEqual([['read:page:confluence']]);
    expect(scopesSatisfy(v2, ['read:confluence-content.all'], true)).toBe(false);
  });
  it('strips only the scopes the token page does not offer; read:hierarchical-content:confluence is grantable', () => {
    expect(NEVER_GRANTED_TO_SCOPED_TOKENS).toEqual([]);
    expect(scopesSatisfy(op([['read:hierarchical-content:confluence']]), ['read:hierarchical-content:confluence'], true)).toBe(true);
    expect(scopesSatisfy(op([['read:folder:confluence']]), ['read:folder:confluence'], true, ['read:folder:confluence'])).toBe(false);
  });
});

describe.skipIf(!specsAvailable())(`spec operations${specsAvailable() ? '' : ` (SKIPPED: no specs in ${OPENAPI_DIR})`}`, () => {
  const index = loadSpecIndex();

  it('prefers literal segments over path parameters', () => {
    expect(index.match('v1', 'GET', '/wiki/rest/api/content/1/child/attachment')?.template).toBe('/wiki/rest/api/content/{id}/child/attachment');
    expect(index.match('v1', 'GET', '/wiki/rest/api/content/1/child/page')?.template).toBe('/wiki/rest/api/content/{id}/child/{type}');
    expect(index.match('v1', 'GET', '/wiki/rest/api/content/1/descendant/page?limit=5')?.template).toBe('/wiki/rest/api/content/{id}/descendant/{type}');
    expect(index.match('v1', 'POST', '/wiki/rest/api/user/watch/content/1')?.operationId).toBeDefined();
    expect(index.match('v2', 'GET', '/pages/1/descendants')?.template).toBe('/pages/{id}/descendants');
    expect(index.match('v2', 'PATCH', '/pages/1')).toBeUndefined();
  });

  it('takes v1 granular scopes from the Beta entries and v2 scopes as they are', () => {
    const current = index.match('v1', 'GET', '/wiki/rest/api/user/current')!;
    expect(current.granularScopeSets).toEqual([['read:content-details:confluence']]);
    expect(current.classicScopeSets).toEqual([['read:confluence-user']]);
    expect(index.match('v1', 'GET', '/wiki/rest/api/user/watch/content/1')!.granularScopeSets).toEqual([['read:watcher:confluence']]);
    expect(index.match('v1', 'DELETE', '/wiki/rest/api/user/watch/space/ENG')!.granularScopeSets).toEqual([['write:watcher:confluence']]);
    expect(index.match('v2', 'GET', '/pages/1')!.granularScopeSets).toEqual([['read:page:confluence']]);
    expect(index.match('v2', 'GET', '/pages/1/descendants')!.granularScopeSets).toEqual([['read:hierarchical-content:confluence']]);
  });

  it('lets the spec classic scope through on v1 only', () => {
    expect(scopesSatisfy(index.match('v1', 'GET', '/wiki/rest/api/user/current')!, ['read:confluence-user'], true)).toBe(true);
    const download = index.match('v1', 'GET', '/wiki/rest/api/content/1/child/attachment/att2/download')!;
    expect(scopesSatisfy(download, ['readonly:content.attachment:confluence'], true)).toBe(true);
    expect(scopesSatisfy(download, ['read:attachment:confluence'], true)).toBe(true);
    expect(scopesSatisfy(index.match('v2', 'GET', '/pages/1')!, ['read:confluence-content.summary', 'read:confluence-content.all'], true)).toBe(false);
  });
});
