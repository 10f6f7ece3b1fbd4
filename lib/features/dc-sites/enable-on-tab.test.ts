import { describe, expect, it } from 'vitest';
import { enableOnTab, type EnableOnTabDeps, type PageTags } from './enable-on-tab';
import type { AddOutcome } from './dc-site-service';

function fakes(options: { granted?: boolean; tags?: PageTags | null; add?: AddOutcome } = {}) {
  const calls: string[] = [];
  const deps: EnableOnTabDeps = {
    requestAccess: (pattern) => (calls.push(`request ${pattern}`), Promise.resolve(options.granted ?? true)),
    readPageTags: async (tabId) => (calls.push(`tags ${tabId}`), options.tags === undefined ? { versionNumber: '8.5.4', contextPath: '/confluence' } : options.tags),
    injectContentScript: async (tabId) => void calls.push(`inject ${tabId}`),
    dcSites: {
      add: async (baseUrl) => (
        calls.push(`add ${baseUrl}`),
        options.add ?? { ok: true, alreadyAdded: false, site: { baseUrl, addedAt: 1, lastSeenAt: null, version: '8.5.4' } }
      ),
      releaseAccess: async (origin) => (calls.push(`release ${origin}`), true),
    },
  };
  return { deps, calls };
}

const TAB = { id: 4, url: 'https://confluence.example.com/confluence/display/DEV/Home' };

describe('"Enable on this site"', () => {
  it('asks for the origin before anything else, then adds the base URL the page names and runs the script there', async () => {
    const { deps, calls } = fakes();
    const pending = enableOnTab(deps, TAB);
    expect(calls).toEqual(['request https://confluence.example.com/*']);
    expect(await pending).toEqual({ ok: true, sentence: expect.stringContaining('Enabled on confluence.example.com (Confluence 8.5.4)') });
    expect(calls).toEqual(['request https://confluence.example.com/*', 'tags 4', 'add https://confluence.example.com/confluence', 'inject 4']);
  });

  it('a page without Confluence tags: nothing added, the access given back', async () => {
    const { deps, calls } = fakes({ tags: { versionNumber: null, contextPath: null } });
    expect(await enableOnTab(deps, TAB)).toEqual({ ok: false, sentence: expect.stringContaining('not a Confluence Data Center page') });
    expect(calls).toEqual(['request https://confluence.example.com/*', 'tags 4', 'release https://confluence.example.com']);
  });

  it('refused access, a refused add, Cloud and plain http are each told', async () => {
    expect(await enableOnTab(fakes({ granted: false }).deps, TAB)).toMatchObject({ ok: false, sentence: expect.stringContaining('did not give the extension access') });
    const notConfluence = fakes({ add: { ok: false, problem: 'not-confluence', sentence: 'not as Confluence' } });
    expect(await enableOnTab(notConfluence.deps, TAB)).toEqual({ ok: false, sentence: 'not as Confluence' });
    expect(notConfluence.calls).not.toContain('inject 4');
    const cloud = fakes();
    expect((await enableOnTab(cloud.deps, { id: 1, url: 'https://acme.atlassian.net/wiki' })).ok).toBe(false);
    expect(cloud.calls).toEqual([]);
    expect((await enableOnTab(fakes().deps, { id: 1, url: 'http://confluence.example.com/' })).sentence).toMatch(/https:\/\//);
    expect((await enableOnTab(fakes().deps, { id: 1 })).sentence).toMatch(/Open the Confluence Data Center page/);
  });
});
