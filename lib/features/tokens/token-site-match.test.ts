import { describe, expect, it } from 'vitest';
import { effectiveKind, tokenCoversSite, tokensToOfferFor } from './token-site-match';
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
  });
});
