import { describe, expect, it } from 'vitest';
import { cloudSiteHostFromInput, cloudSiteHostOf, isCloudSiteHost, normaliseCloudSiteHost } from './site-host';
import { normaliseSiteHost } from '../atlassian/endpoints';

describe('the one Cloud site host rule', () => {
  it.each([
    ['acme.atlassian.net', true],
    ['acme-eu.atlassian.net', true],
    ['a.atlassian.net', true],
    ['acme.atlassian.net:8443', false],
    ['team.acme.atlassian.net', false],
    ['atlassian.net', false],
    ['acme.atlassian.net.example.com', false],
    ['acmeatlassian.net', false],
    ['ACME.atlassian.net', false],
    ['-acme.atlassian.net', false],
  ])('%s → %s', (host, expected) => {
    expect(isCloudSiteHost(host)).toBe(expected);
  });

  it('normalises case and spaces, nothing else', () => {
    expect(normaliseCloudSiteHost(' Acme.Atlassian.NET ')).toBe('acme.atlassian.net');
    expect(normaliseCloudSiteHost('acme.atlassian.net:443')).toBeUndefined();
    expect(normaliseCloudSiteHost(undefined)).toBeUndefined();
  });

  it('reads the host of https URLs only', () => {
    expect(cloudSiteHostOf('https://acme.atlassian.net/wiki/spaces/X')).toBe('acme.atlassian.net');
    expect(cloudSiteHostOf('https://acme.atlassian.net:443/wiki')).toBe('acme.atlassian.net');
    expect(cloudSiteHostOf('https://acme.atlassian.net:8443/wiki')).toBeNull();
    expect(cloudSiteHostOf('http://acme.atlassian.net/wiki')).toBeNull();
    expect(cloudSiteHostOf('https://team.acme.atlassian.net/wiki')).toBeNull();
    expect(cloudSiteHostOf('not a url')).toBeNull();
  });

  it('takes a pasted URL or host from the token form', () => {
    expect(cloudSiteHostFromInput('https://Acme.atlassian.net/wiki/spaces/X/pages/1')).toBe('acme.atlassian.net');
    expect(cloudSiteHostFromInput('acme.atlassian.net')).toBe('acme.atlassian.net');
    expect(cloudSiteHostFromInput('acme.atlassian.net:8443')).toBeUndefined();
    expect(cloudSiteHostFromInput('acme atlassian.net')).toBeUndefined();
  });

  it('is the rule the request client applies', () => {
    for (const host of ['acme.atlassian.net', 'team.acme.atlassian.net', 'acme.atlassian.net:8443', 'ACME.atlassian.net']) {
      expect(normaliseSiteHost(host).ok).toBe(normaliseCloudSiteHost(host) !== undefined);
    }
  });
});
