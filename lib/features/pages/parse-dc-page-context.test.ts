import { describe, expect, it } from 'vitest';
import { dcBaseUrlOfPage, parseDcPageContext } from './parse-dc-page-context';
import { encodeTinyLink } from './tiny-link';
import type { MetaReader } from './parse-page-context';

const BASE = 'https://confluence.example.com/confluence';
const meta =
  (tags: Record<string, string>): MetaReader =>
  (name) =>
    tags[name];

describe('Data Center page URLs', () => {
  it.each([
    [`${BASE}/spaces/DEV/pages/4000001/DC+Home`, '4000001', 'DEV', 'view'],
    [`${BASE}/spaces/DEV/pages/4000001`, '4000001', 'DEV', 'view'],
    [`${BASE}/pages/viewpage.action?pageId=4000002`, '4000002', null, 'view'],
    [`${BASE}/pages/editpage.action?pageId=4000002`, '4000002', null, 'edit'],
    [`${BASE}/x/${encodeTinyLink('4000001')}`, '4000001', null, 'view'],
  ])('%s → content %s', (href, id, space, view) => {
    expect(parseDcPageContext(href, BASE)).toEqual({ kind: 'content', host: BASE, contentId: id, contentType: 'page', view, spaceKey: space });
  });

  it('takes the id of a /display/ page from its meta tags, only when they are of the same space', () => {
    const tags = { 'ajs-page-id': '4000001', 'ajs-space-key': 'DEV', 'ajs-content-type': 'page' };
    expect(parseDcPageContext(`${BASE}/display/DEV/DC+Home`, BASE, meta(tags))).toMatchObject({ kind: 'content', contentId: '4000001', spaceKey: 'DEV' });
    expect(parseDcPageContext(`${BASE}/display/OPS/Other`, BASE, meta(tags))).toEqual({ kind: 'confluence-other', host: BASE, spaceKey: 'OPS', contentIdUnresolved: true });
    expect(parseDcPageContext(`${BASE}/display/DEV/DC+Home`, BASE)).toMatchObject({ kind: 'confluence-other', contentIdUnresolved: true });
    expect(parseDcPageContext(`${BASE}/display/DEV`, BASE)).toEqual({ kind: 'confluence-other', host: BASE, spaceKey: 'DEV', contentIdUnresolved: false });
  });

  it('meta tags of another page (after navigation) do not fill in the space or type', () => {
    const stale = meta({ 'ajs-page-id': '999', 'ajs-space-key': 'OLD', 'ajs-content-type': 'blogpost' });
    expect(parseDcPageContext(`${BASE}/pages/viewpage.action?pageId=4000002`, BASE, stale)).toMatchObject({ contentId: '4000002', contentType: 'page', spaceKey: null });
    const same = meta({ 'ajs-page-id': '4000002', 'ajs-space-key': 'DEV', 'ajs-content-type': 'blogpost' });
    expect(parseDcPageContext(`${BASE}/pages/viewpage.action?pageId=4000002`, BASE, same)).toMatchObject({ contentType: 'blogpost', spaceKey: 'DEV' });
  });

  it('is only about pages of that site, under its context path', () => {
    expect(parseDcPageContext('https://confluence.example.com/jira/browse/X-1', BASE)).toBeNull();
    expect(parseDcPageContext('https://other.example.com/confluence/pages/viewpage.action?pageId=1', BASE)).toBeNull();
    expect(parseDcPageContext(`${BASE}/dashboard.action`, BASE)).toEqual({ kind: 'confluence-other', host: BASE, spaceKey: null, contentIdUnresolved: false });
    expect(parseDcPageContext(`${BASE}/pages/viewpage.action?pageId=abc`, BASE)).toMatchObject({ kind: 'confluence-other', contentIdUnresolved: true });
  });

  it('works for a server without a context path', () => {
    expect(parseDcPageContext('https://wiki.example.org/spaces/OPS/pages/12/Runbook', 'https://wiki.example.org')).toMatchObject({ contentId: '12', spaceKey: 'OPS', host: 'https://wiki.example.org' });
  });
});

describe("a page's own Data Center base URL", () => {
  it('is its origin and ajs-context-path, on Confluence pages only', () => {
    const dc = meta({ 'ajs-version-number': '8.5.4', 'ajs-context-path': '/confluence' });
    expect(dcBaseUrlOfPage('https://confluence.example.com/confluence/display/DEV', dc)).toBe(BASE);
    expect(dcBaseUrlOfPage('https://wiki.example.org/display/X', meta({ 'ajs-version-number': '9.2.0', 'ajs-context-path': '' }))).toBe('https://wiki.example.org');
    expect(dcBaseUrlOfPage('https://intranet.example.com/', meta({ 'ajs-context-path': '/confluence' }))).toBeUndefined();
    expect(dcBaseUrlOfPage('http://confluence.example.com/confluence/', dc)).toBeUndefined();
    expect(dcBaseUrlOfPage('https://confluence.example.com/x', meta({ 'ajs-version-number': '8', 'ajs-context-path': 'javascript:x' }))).toBeUndefined();
  });
});
