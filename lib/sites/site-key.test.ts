import { describe, expect, it } from 'vitest';
import { dcSiteKey, isDcSiteKey, isSiteKey, isUnderDcSite, siteKeyOf, siteOfKey } from './site-key';

describe('site keys', () => {
  it('names a Cloud site by its host and a Data Center site by its base URL', () => {
    expect(siteOfKey('acme.atlassian.net')).toEqual({ kind: 'cloud', host: 'acme.atlassian.net' });
    expect(siteOfKey('https://confluence.example.com/confluence')).toEqual({
      kind: 'dc',
      baseUrl: 'https://confluence.example.com/confluence',
      origin: 'https://confluence.example.com',
    });
    expect(siteKeyOf({ kind: 'dc', baseUrl: 'https://wiki.example.org', origin: 'https://wiki.example.org' })).toBe('https://wiki.example.org');
    expect(siteKeyOf({ kind: 'cloud', host: 'acme.atlassian.net', cloudId: 'x' })).toBe('acme.atlassian.net');
  });

  it('normalises a base URL once, and refuses what is not one', () => {
    expect(dcSiteKey(' https://Confluence.Example.com/confluence/ ')).toBe('https://confluence.example.com/confluence');
    expect(dcSiteKey('https://wiki.example.org:8443/')).toBe('https://wiki.example.org:8443');
    expect(dcSiteKey('http://confluence.example.com')).toBeUndefined();
    expect(dcSiteKey('https://acme.atlassian.net/wiki')).toBeUndefined();
    expect(dcSiteKey('https://api.atlassian.com')).toBeUndefined();
    expect(dcSiteKey('https://confluence.example.com/c?x=1')).toBeUndefined();
    expect(dcSiteKey('not a url')).toBeUndefined();
  });

  it.each([
    ['acme.atlassian.net', true],
    ['https://confluence.example.com/confluence', true],
    ['https://confluence.example.com/confluence/', false],
    ['https://Confluence.example.com', false],
    ['https://user:pw@confluence.example.com', false],
    ['https://confluence.example.com/a b', false],
    ['javascript:alert(1)', false],
    ['confluence.example.com', false],
  ])('%s is a site key: %s', (key, expected) => {
    expect(isSiteKey(key)).toBe(expected);
    if (key.startsWith('https://')) expect(isDcSiteKey(key)).toBe(expected);
  });

  it('tells whether a URL is under a Data Center site', () => {
    const key = 'https://confluence.example.com/confluence';
    expect(isUnderDcSite('https://confluence.example.com/confluence/display/DEV/Home', key)).toBe(true);
    expect(isUnderDcSite('https://confluence.example.com/confluence', key)).toBe(true);
    expect(isUnderDcSite('https://confluence.example.com/confluencex/display', key)).toBe(false);
    expect(isUnderDcSite('https://confluence.example.com/jira/browse/X', key)).toBe(false);
    expect(isUnderDcSite('https://evil.example.com/confluence/display/X', key)).toBe(false);
    expect(isUnderDcSite('https://wiki.example.org/anything', 'https://wiki.example.org')).toBe(true);
  });
});
