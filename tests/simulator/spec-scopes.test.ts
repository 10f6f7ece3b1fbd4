// Matching requests to spec operations, and the scope rules derived from them.
import { describe, expect, it, vi } from 'vitest';
import { OPENAPI_DIR } from './paths';
import { loadSpecIndex, scopesSatisfy, specsAvailable, type SpecOperation } from './spec-scopes';

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
  const op = (sets: string[][], hasScopeInfo = true): SpecOperation => ({
    api: 'v2',
    method: 'GET',
    template: '/x',
    hasScopeInfo,
    granularScopeSets: sets,
    classicScopeSets: [],
    raw: {},
  });
  it('needs every scope of one granular set', () => {
    expect(scopesSatisfy(op([['a', 'b']]), ['a'], true)).toBe(false);
    expect(scopesSatisfy(op([['a', 'b']]), ['b', 'a', 'c'], true)).toBe(true);
    expect(scopesSatisfy(op([['a'], ['c']]), ['c'], true)).toBe(true);
    expect(scopesSatisfy(op([], false), [], true)).toBe(true);
    expect(scopesSatisfy(op([]), ['a'], true)).toBe(false);
  });
  it('never counts read:hierarchical-content:confluence as held', () => {
    expect(scopesSatisfy(op([['read:hierarchical-content:confluence']]), ['read:hierarchical-content:confluence'], true)).toBe(false);
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
});
