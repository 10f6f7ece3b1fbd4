import { describe, expect, it } from 'vitest';
import { effectiveKind, normalisedSiteKey, tokenCoversSite, tokensToOfferFor } from './token-site-match';
import type { SiteDetection } from './token-record';

const detected: SiteDetection[] = [{ site: 'acme.atlassian.net', kind: 'scoped', checkedAt: '2025-03-10T10:00:00.000Z' }];

describe('which token for which site', () => {
  it('covers only the sites the person chose (none when the list is empty), never for a DC PAT', () => {
    expect(tokenCoversSite({ kind: 'auto', detected: [], sites: [] }, 'other.atlassian.net')).toBe(false);
    expect(tokenCoversSite({ kind: 'auto', detected: [{ site: 'other.atlassian.net', kind: 'classic', checkedAt: 'x' }], sites: [] }, 'other.atlassian.net')).toBe(false);
    expect(tokenCoversSite({ kind: 'classic', detected: [], sites: ['acme.atlassian.net'] }, 'Acme.atlassian.net')).toBe(true);
    expect(tokenCoversSite({ kind: 'classic', detected: [], sites: ['acme.atlassian.net'] }, 'other.atlassian.net')).toBe(false);
    expect(tokenCoversSite({ kind: 'dc-pat', detected: [], sites: [] }, 'acme.atlassian.net')).toBe(false);
  });

  it('a Data Center token covers exactly its own server; a Cloud token never covers a Data Center server', () => {
    const dc = { kind: 'dc-pat' as const, detected: [], sites: [], dcBaseUrl: 'https://Confluence.dc.test/confluence/' };
    expect(tokenCoversSite(dc, 'https://confluence.dc.test/confluence')).toBe(true);
    expect(tokenCoversSite(dc, ' https://confluence.dc.test/confluence ')).toBe(true);
    expect(tokenCoversSite(dc, 'https://confluence.dc.test')).toBe(false);
    expect(tokenCoversSite(dc, 'https://confluence.dc.test/wiki')).toBe(false);
    expect(tokenCoversSite(dc, 'https://other.dc.test/confluence')).toBe(false);
    expect(tokenCoversSite(dc, 'confluence.dc.test')).toBe(false);
    // A context path keeps its case: /Confluence is another site.
    expect(tokenCoversSite({ ...dc, dcBaseUrl: 'https://confluence.dc.test/Confluence' }, 'https://confluence.dc.test/confluence')).toBe(false);
    expect(tokenCoversSite({ ...dc, dcBaseUrl: undefined }, 'https://confluence.dc.test/confluence')).toBe(false);
    expect(tokenCoversSite({ ...dc, dcBaseUrl: 'http://confluence.dc.test/confluence' }, 'http://confluence.dc.test/confluence')).toBe(false);
    // Whatever a Cloud token's list holds, a Data Center key is not a Cloud site.
    const cloud = { kind: 'classic' as const, detected: [], sites: ['https://confluence.dc.test/confluence', 'acme.atlassian.net'] };
    expect(tokenCoversSite(cloud, 'https://confluence.dc.test/confluence')).toBe(false);
    expect(tokenCoversSite({ ...cloud, kind: 'auto' }, 'https://confluence.dc.test/confluence')).toBe(false);
    expect(tokenCoversSite(cloud, 'acme.atlassian.net')).toBe(true);
  });

  it('compares site keys normalised: a Cloud host lowercased, a base URL as site-key.ts makes it', () => {
    expect(normalisedSiteKey(' Acme.Atlassian.net ')).toBe('acme.atlassian.net');
    expect(normalisedSiteKey('https://Confluence.DC.test/Confluence/')).toBe('https://confluence.dc.test/Confluence');
  });

  it('resolves auto-detect per site, and keeps an explicit choice', () => {
    expect(effectiveKind({ kind: 'auto', detected, sites: [] }, 'acme.atlassian.net')).toBe('scoped');
    expect(effectiveKind({ kind: 'auto', detected, sites: [] }, 'other.atlassian.net')).toBeUndefined();
    expect(effectiveKind({ kind: 'classic', detected, sites: [] }, 'acme.atlassian.net')).toBe('classic');
    expect(effectiveKind({ kind: 'dc-pat', detected: [], sites: [] }, 'x')).toBe('dc-pat');
  });

  it('offers the Cloud tokens not yet for a site, never a DC PAT', () => {
    const tokens = [
      { id: 'a', kind: 'classic' as const, detected: [], sites: ['acme.atlassian.net'] },
      { id: 'b', kind: 'auto' as const, detected: [], sites: [] },
      { id: 'c', kind: 'dc-pat' as const, detected: [], sites: [] },
    ];
    expect(tokensToOfferFor(tokens, 'acme.atlassian.net').map((t) => t.id)).toEqual(['b']);
    expect(tokensToOfferFor(tokens, 'globex.atlassian.net').map((t) => t.id)).toEqual(['a', 'b']);
    expect(tokensToOfferFor(tokens, 'https://confluence.dc.test/confluence')).toEqual([]);
  });
});
