import { describe, expect, it } from 'vitest';
import { isAtlassianCloudHost, normaliseDcBaseUrl, resolveEndpoints, siteWebUrl, type EndpointInput, type ResolvedEndpoints } from './endpoints';

const CLOUD_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const SITE = 'acme.atlassian.net';
const DC = 'https://confluence.dc.test/confluence';

function ok(input: EndpointInput): ResolvedEndpoints {
  const r = resolveEndpoints(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}

function errorCode(input: EndpointInput): string {
  const r = resolveEndpoints(input);
  if (r.ok) throw new Error('expected an error');
  return r.error.code;
}

describe('resolveEndpoints', () => {
  it('classic tokens go to the site with Basic auth', () => {
    expect(ok({ kind: 'classic', siteHost: SITE, cloudId: CLOUD_ID })).toEqual({
      v1: 'https://acme.atlassian.net/wiki/rest/api/',
      v2: 'https://acme.atlassian.net/wiki/api/v2/',
      jira: 'https://acme.atlassian.net/rest/api/3/',
      'dc-servlet': null,
      authScheme: 'basic',
      baseKind: 'site',
    });
  });

  it('scoped tokens go through the gateway with the cloudId, Basic auth', () => {
    expect(ok({ kind: 'scoped', siteHost: SITE, cloudId: CLOUD_ID })).toEqual({
      v1: `https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/rest/api/`,
      v2: `https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/api/v2/`,
      jira: `https://api.atlassian.com/ex/jira/${CLOUD_ID}/rest/api/3/`,
      'dc-servlet': null,
      authScheme: 'basic',
      baseKind: 'gateway',
    });
  });

  it('Data Center PATs go to the base URL with Bearer auth and have no v2', () => {
    expect(ok({ kind: 'dc-pat', dcBaseUrl: DC })).toEqual({
      v1: 'https://confluence.dc.test/confluence/rest/api/',
      v2: null,
      jira: null,
      // The servlet paths lie below the base URL itself, outside /rest/api/.
      'dc-servlet': 'https://confluence.dc.test/confluence',
      authScheme: 'bearer',
      baseKind: 'dc',
    });
    expect(ok({ kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/' }).v1).toBe('https://confluence.dc.test/rest/api/');
    expect(ok({ kind: 'dc-pat', dcBaseUrl: `${DC}//` }).v1).toBe(`${DC}/rest/api/`);
  });

  it('builds exactly the four documented URLs for /space and /spaces', () => {
    const site = ok({ kind: 'classic', siteHost: SITE });
    const gateway = ok({ kind: 'scoped', siteHost: SITE, cloudId: CLOUD_ID });
    expect(new URL(`${site.v1}space`).pathname).toBe('/wiki/rest/api/space');
    expect(new URL(`${gateway.v1}space`).pathname).toBe(`/ex/confluence/${CLOUD_ID}/wiki/rest/api/space`);
    expect(new URL(`${site.v2}spaces`).pathname).toBe('/wiki/api/v2/spaces');
    expect(new URL(`${gateway.v2}spaces`).pathname).toBe(`/ex/confluence/${CLOUD_ID}/wiki/api/v2/spaces`);
    expect(new URL(`${site.v1}space`).host).toBe(SITE);
    expect(new URL(`${gateway.v2}spaces`).host).toBe('api.atlassian.com');
  });

  it('normalises the site host case', () => {
    expect(ok({ kind: 'classic', siteHost: ' Acme.Atlassian.NET ' }).v1).toBe('https://acme.atlassian.net/wiki/rest/api/');
  });

  it('lets a health check send a Cloud token to the other base (via)', () => {
    expect(ok({ kind: 'scoped', siteHost: SITE, via: 'site' }).baseKind).toBe('site');
    expect(ok({ kind: 'classic', siteHost: SITE, cloudId: CLOUD_ID, via: 'gateway' }).baseKind).toBe('gateway');
    expect(errorCode({ kind: 'classic', siteHost: SITE, via: 'gateway' })).toBe('missing-cloud-id');
    expect(errorCode({ kind: 'dc-pat', dcBaseUrl: DC, via: 'site' })).toBe('route-not-allowed');
  });

  it.each<[string, EndpointInput, string]>([
    ['scoped without cloudId', { kind: 'scoped', siteHost: SITE }, 'missing-cloud-id'],
    ['scoped with blank cloudId', { kind: 'scoped', siteHost: SITE, cloudId: '  ' }, 'missing-cloud-id'],
    ['scoped with a cloudId that is a path', { kind: 'scoped', siteHost: SITE, cloudId: '../../evil' }, 'invalid-cloud-id'],
    ['classic without site', { kind: 'classic' }, 'missing-site'],
    ['scoped without site', { kind: 'scoped', cloudId: CLOUD_ID }, 'missing-site'],
    ['site that is not atlassian.net', { kind: 'classic', siteHost: 'acme.example.com' }, 'invalid-site'],
    ['site that only ends like atlassian.net', { kind: 'classic', siteHost: 'evilatlassian.net' }, 'invalid-site'],
    ['site with a sub-subdomain', { kind: 'classic', siteHost: 'a.b.atlassian.net' }, 'invalid-site'],
    ['site given as URL', { kind: 'classic', siteHost: 'https://acme.atlassian.net' }, 'invalid-site'],
    ['site with port', { kind: 'classic', siteHost: 'acme.atlassian.net:8443' }, 'invalid-site'],
    ['site with path', { kind: 'classic', siteHost: 'acme.atlassian.net/wiki' }, 'invalid-site'],
    ['DC without base URL', { kind: 'dc-pat' }, 'missing-dc-base-url'],
    ['DC with http base URL', { kind: 'dc-pat', dcBaseUrl: 'http://confluence.dc.test/confluence' }, 'dc-base-url-not-https'],
    ['DC with garbage base URL', { kind: 'dc-pat', dcBaseUrl: 'not a url' }, 'invalid-dc-base-url'],
    ['DC with credentials in URL', { kind: 'dc-pat', dcBaseUrl: 'https://u:p@confluence.dc.test' }, 'invalid-dc-base-url'],
    ['DC with query', { kind: 'dc-pat', dcBaseUrl: 'https://confluence.dc.test/?x=1' }, 'invalid-dc-base-url'],
    ['DC on a Cloud site', { kind: 'dc-pat', dcBaseUrl: 'https://acme.atlassian.net/wiki' }, 'dc-base-url-on-cloud-host'],
    ['DC on the gateway', { kind: 'dc-pat', dcBaseUrl: 'https://api.atlassian.com/ex/confluence/x' }, 'dc-base-url-on-cloud-host'],
  ])('%s → typed error, no throw', (_name, input, code) => {
    expect(errorCode(input)).toBe(code);
    const r = resolveEndpoints(input);
    expect(r.ok ? '' : r.error.message).toMatch(/\w/);
  });
});

describe('Data Center base URLs on Atlassian Cloud hosts', () => {
  it('are refused with a sentence: a PAT sent there as Bearer only gets 403 (site) or 404 (gateway)', () => {
    for (const url of ['https://acme.atlassian.net', 'https://ACME.Atlassian.NET/wiki/', 'https://acme.atlassian.net./', 'https://api.atlassian.com']) {
      const r = normaliseDcBaseUrl(url);
      expect(r, url).toMatchObject({ ok: false, error: { code: 'dc-base-url-on-cloud-host' } });
      if (!r.ok) expect(r.error.message).toMatch(/cannot be an Atlassian Cloud address/);
    }
  });

  it('leave other hosts alone, including look-alikes', () => {
    for (const host of ['confluence.example.com', 'atlassian.net.example.com', 'evilatlassian.net', 'atlassian-net.example']) {
      expect(isAtlassianCloudHost(host), host).toBe(false);
      expect(normaliseDcBaseUrl(`https://${host}/confluence`).ok, host).toBe(true);
    }
    expect(['acme.atlassian.net', 'api.atlassian.com', 'atlassian.net', 'Acme.Atlassian.Net.'].every(isAtlassianCloudHost)).toBe(true);
  });
});

describe('siteWebUrl', () => {
  const url = (site: Parameters<typeof siteWebUrl>[0], link: string) => {
    const r = siteWebUrl(site, link);
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('resolves _links.webui (relative to /wiki) on the site', () => {
    expect(url({ host: SITE }, '/spaces/ENG/pages/123/Title')).toBe('https://acme.atlassian.net/wiki/spaces/ENG/pages/123/Title');
  });

  it('keeps links that already start with /wiki', () => {
    expect(url({ host: SITE }, '/wiki/spaces/ENG/pages/123?focused=1#c')).toBe(
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/123?focused=1#c',
    );
  });

  it('never produces a gateway link, even from a gateway URL', () => {
    expect(url({ host: SITE }, `https://api.atlassian.com/ex/confluence/${CLOUD_ID}/wiki/spaces/ENG/pages/1`)).toBe(
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/1',
    );
  });

  it('uses the DC base URL and its context path once', () => {
    expect(url({ dcBaseUrl: DC }, '/display/ENG/Title')).toBe('https://confluence.dc.test/confluence/display/ENG/Title');
    expect(url({ dcBaseUrl: DC }, '/confluence/pages/viewpage.action?pageId=5')).toBe(
      'https://confluence.dc.test/confluence/pages/viewpage.action?pageId=5',
    );
  });

  it('returns a typed error for a bad site', () => {
    expect(siteWebUrl({ host: 'acme.example.com' }, '/x')).toMatchObject({ ok: false, error: { code: 'invalid-site' } });
    expect(siteWebUrl({}, '/x')).toMatchObject({ ok: false, error: { code: 'missing-site' } });
  });
});
