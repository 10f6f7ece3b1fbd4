import { describe, expect, it } from 'vitest';
import { findNextLink, nextFromLinkHeader, rebaseNextLink } from './next-link';

const CLOUD_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const GW_V2 = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/api/v2/`;
const GW_V1 = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/rest/api/`;
const SITE_V2 = 'https://acme.atlassian.net/wiki/api/v2/';
const DC_V1 = 'https://confluence.dc.test/confluence/rest/api/';

describe('rebaseNextLink', () => {
  it('keeps the gateway prefix for a site-relative v2 link', () => {
    expect(rebaseNextLink('/wiki/api/v2/spaces?cursor=X', GW_V2, 'v2')).toBe(`${GW_V2}spaces?cursor=X`);
  });

  it('handles v1 links, which are relative to /wiki', () => {
    expect(rebaseNextLink('/rest/api/content/1/descendant/page?start=25&limit=25', GW_V1, 'v1')).toBe(
      `${GW_V1}content/1/descendant/page?start=25&limit=25`,
    );
    expect(rebaseNextLink('/wiki/rest/api/content/1/child/page?start=25', GW_V1, 'v1')).toBe(
      `${GW_V1}content/1/child/page?start=25`,
    );
    expect(rebaseNextLink('/confluence/rest/api/content/1/child/page?start=25', DC_V1, 'v1')).toBe(
      `${DC_V1}content/1/child/page?start=25`,
    );
  });

  it('takes only path and query from absolute links, never their host', () => {
    expect(rebaseNextLink('https://evil.example.com/wiki/api/v2/spaces?cursor=Y', SITE_V2, 'v2')).toBe(`${SITE_V2}spaces?cursor=Y`);
    expect(rebaseNextLink('https://acme.atlassian.net/wiki/api/v2/pages/1/attachments?cursor=Z#frag', GW_V2, 'v2')).toBe(
      `${GW_V2}pages/1/attachments?cursor=Z`,
    );
  });

  it('cannot climb to another cloudId', () => {
    const other = '/ex/confluence/11111111-2222-3333-4444-555555555555/wiki/api/v2/spaces?cursor=Q';
    expect(rebaseNextLink(other, GW_V2, 'v2')).toBe(`${GW_V2}spaces?cursor=Q`);
    expect(rebaseNextLink('/wiki/api/v2/%2e%2e/%2e%2e/x', GW_V2, 'v2')).toBeUndefined();
  });

  it('refuses links that do not point into the API', () => {
    expect(rebaseNextLink('/wiki/spaces/ENG', SITE_V2, 'v2')).toBeUndefined();
    expect(rebaseNextLink('/wiki/rest/api/space?start=1', SITE_V2, 'v2')).toBeUndefined();
  });
});

describe('next link sources', () => {
  it('parses the Link header rel="next" among others', () => {
    expect(
      nextFromLinkHeader('</wiki/api/v2/pages/1/attachments?cursor=abc>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"'),
    ).toBe('/wiki/api/v2/pages/1/attachments?cursor=abc');
    expect(nextFromLinkHeader('<https://acme.atlassian.net/wiki>; rel="base", </x?c=1>; rel=next')).toBe('/x?c=1');
    expect(nextFromLinkHeader('<https://acme.atlassian.net/wiki>; rel="base"')).toBeUndefined();
    expect(nextFromLinkHeader(null)).toBeUndefined();
  });

  it('prefers the body _links.next', () => {
    expect(findNextLink({ _links: { next: '/a' } }, '</b>; rel="next"')).toBe('/a');
    expect(findNextLink({ _links: {} }, '</b>; rel="next"')).toBe('/b');
    expect(findNextLink({ results: [] }, null)).toBeUndefined();
    expect(findNextLink(true, null)).toBeUndefined();
  });
});
