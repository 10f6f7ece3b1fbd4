import { describe, expect, it } from 'vitest';
import type { MetaReader } from './parse-page-context';
import { normaliseContentId, parsePageContext } from './parse-page-context';

const site = 'https://acme.atlassian.net';
const meta =
  (tags: Record<string, string>): MetaReader =>
  (name) =>
    tags[name] ?? null;

function content(contentId: string, contentType: string, spaceKey: string | null, view = 'view') {
  return { kind: 'content', host: 'acme.atlassian.net', contentId, contentType, view, spaceKey };
}
function other(spaceKey: string | null, contentIdUnresolved = false) {
  return { kind: 'confluence-other', host: 'acme.atlassian.net', spaceKey, contentIdUnresolved };
}

describe('parsePageContext: content URLs', () => {
  it.each([
    ['/wiki/spaces/ENG/pages/123456', content('123456', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/123456/', content('123456', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/123456/Release+Notes', content('123456', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/123456/Caf%C3%A9+%26+%2F+notes/', content('123456', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/6180601871/Big?focusedCommentId=42#comment-42', content('6180601871', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/9223372036854775807', content('9223372036854775807', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/9007199254740993', content('9007199254740993', 'page', 'ENG')],
    ['/wiki/spaces/ENG/pages/edit-v2/6180601871', content('6180601871', 'page', 'ENG', 'edit')],
    ['/wiki/spaces/ENG/pages/edit-v2/6180601871?draftShareId=abc', content('6180601871', 'page', 'ENG', 'edit')],
    ['/wiki/spaces/ENG/blog/2024/03/05/5000000001/Quarterly+update', content('5000000001', 'blogpost', 'ENG')],
    ['/wiki/spaces/ENG/whiteboard/4400000002', content('4400000002', 'whiteboard', 'ENG')],
    ['/wiki/spaces/ENG/database/4400000003/', content('4400000003', 'database', 'ENG')],
    ['/wiki/spaces/ENG/folder/4400000004', content('4400000004', 'folder', 'ENG')],
    ['/wiki/spaces/~5b8f1e2a3c4d/pages/77', content('77', 'page', '~5b8f1e2a3c4d')],
    ['/wiki/spaces/~557058%3Aabc-def/pages/77', content('77', 'page', '~557058:abc-def')],
    ['/wiki/spaces/ENG/pages/000123', content('123', 'page', 'ENG')],
  ])('%s', (path, expected) => {
    expect(parsePageContext(site + path)).toEqual(expected);
  });

  it('reads the page id of viewpage.action, and the space from meta only when it describes that page', () => {
    const url = `${site}/wiki/pages/viewpage.action?pageId=6180601871`;
    expect(parsePageContext(url)).toEqual(content('6180601871', 'page', null));
    expect(parsePageContext(url, meta({ 'ajs-space-key': 'ENG' }))).toEqual(content('6180601871', 'page', 'ENG'));
    expect(
      parsePageContext(url, meta({ 'ajs-page-id': '6180601871', 'ajs-space-key': 'ENG', 'ajs-content-type': 'blogpost' })),
    ).toEqual(content('6180601871', 'blogpost', 'ENG'));
    // Stale meta from the previous page (single-page navigation) is not trusted.
    expect(parsePageContext(url, meta({ 'ajs-page-id': '99', 'ajs-space-key': 'OLD' }))).toEqual(
      content('6180601871', 'page', null),
    );
  });

  it('treats viewpage.action without a usable pageId as unresolved content', () => {
    expect(parsePageContext(`${site}/wiki/pages/viewpage.action?title=Home&spaceKey=ENG`)).toEqual(other(null, true));
    expect(parsePageContext(`${site}/wiki/pages/viewpage.action?pageId=12ab`)).toEqual(other(null, true));
  });

  it('decodes tiny links', () => {
    expect(parsePageContext(`${site}/wiki/x/LIQHD`)).toEqual(content('201819180', 'page', null));
    expect(parsePageContext(`${site}/wiki/x/D4BkcAE/`)).toEqual(content('6180601871', 'page', null));
    expect(parsePageContext(`${site}/wiki/x/D4BkcAE?src=contextnavpagetreemode`)).toEqual(content('6180601871', 'page', null));
    expect(parsePageContext(`${site}/wiki/x/LIQHD`, meta({ 'ajs-page-id': '201819180', 'ajs-space-key': 'ENG' }))).toEqual(
      content('201819180', 'page', 'ENG'),
    );
    expect(parsePageContext(`${site}/wiki/x/not.a.code`)).toEqual(other(null, true));
  });

  it('falls back to meta tags for /wiki/display/KEY/Title', () => {
    const url = `${site}/wiki/display/ENG/Release+Notes`;
    expect(parsePageContext(url)).toEqual(other('ENG', true));
    expect(parsePageContext(url, meta({ 'ajs-page-id': '6180601871', 'ajs-space-key': 'ENG', 'ajs-content-type': 'page' }))).toEqual(
      content('6180601871', 'page', 'ENG'),
    );
    expect(parsePageContext(url, meta({ 'ajs-page-id': '6180601871', 'ajs-space-key': 'eng', 'ajs-content-type': 'blogpost' }))).toEqual(
      content('6180601871', 'blogpost', 'ENG'),
    );
    expect(parsePageContext(url, meta({ 'ajs-page-id': '6180601871' }))).toEqual(content('6180601871', 'page', 'ENG'));
    // Meta from another space belongs to another page.
    expect(parsePageContext(url, meta({ 'ajs-page-id': '6180601871', 'ajs-space-key': 'OPS' }))).toEqual(other('ENG', true));
    // Malformed meta ids are ignored.
    expect(parsePageContext(url, meta({ 'ajs-page-id': '12e3' }))).toEqual(other('ENG', true));
    expect(parsePageContext(url, meta({ 'ajs-page-id': '0' }))).toEqual(other('ENG', true));
    // Unknown meta content types fall back to a page.
    expect(parsePageContext(url, meta({ 'ajs-page-id': '5', 'ajs-content-type': 'comment' }))).toEqual(content('5', 'page', 'ENG'));
  });

  it('does not use meta tags when the URL has the id', () => {
    expect(
      parsePageContext(`${site}/wiki/spaces/ENG/pages/123`, meta({ 'ajs-page-id': '999', 'ajs-space-key': 'OPS', 'ajs-content-type': 'blogpost' })),
    ).toEqual(content('123', 'page', 'ENG'));
  });
});

describe('parsePageContext: Confluence pages without a single piece of content', () => {
  it.each([
    ['/wiki', other(null)],
    ['/wiki/', other(null)],
    ['/wiki/home', other(null)],
    ['/wiki/search?text=release', other(null)],
    ['/wiki/spaces', other(null)],
    ['/wiki/spaces/ENG', other('ENG')],
    ['/wiki/spaces/ENG/', other('ENG')],
    ['/wiki/spaces/ENG/overview', other('ENG')],
    ['/wiki/spaces/ENG/pages', other('ENG')],
    ['/wiki/spaces/ENG/pages/edit-v2/', other('ENG')],
    ['/wiki/spaces/ENG/pages/99999999999999999999', other('ENG')],
    ['/wiki/display/ENG', other('ENG')],
    ['/wiki/display/ENG/', other('ENG')],
    ['/wiki/spaces/ENG/blog/2024/03/05', other('ENG')],
  ])('%s', (path, expected) => {
    expect(parsePageContext(site + path)).toEqual(expected);
  });
});

describe('parsePageContext: not Confluence', () => {
  it.each([
    `${site}/`,
    `${site}/jira/software/projects/ENG/boards/1`,
    `${site}/browse/ENG-123`,
    `${site}/secure/Dashboard.jspa`,
    `${site}/wikipedia`,
    `${site}/_edge/tenant_info`,
    `${site}/jira/wiki/spaces/ENG/pages/1`,
    'https://example.com/wiki/spaces/ENG/pages/123',
    'https://atlassian.net/wiki/spaces/ENG/pages/123',
    'https://acme.atlassian.net.evil.example/wiki/spaces/ENG/pages/123',
    'http://acme.atlassian.net/wiki/spaces/ENG/pages/123',
    'chrome-extension://abc/popup.html',
    'not a url',
  ])('%s', (url) => {
    expect(parsePageContext(url)).toBeNull();
  });
});

describe('site hosts and ids', () => {
  it('normalises content ids without passing through a number', () => {
    expect(normaliseContentId('9007199254740993')).toBe('9007199254740993');
    expect(normaliseContentId('007')).toBe('7');
    for (const bad of ['', '0', '-1', '1.5', '1e5', ' 1', '9223372036854775808', null, undefined]) {
      expect(normaliseContentId(bad), String(bad)).toBeNull();
    }
  });
});
