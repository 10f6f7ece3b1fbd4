// Attachment downloads through the media host, and the behaviour of sim.fetch itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIM_MEDIA_HOST, SIM_PAGES, SIM_SITES, SIM_TOKENS, authorizationFor, basicAuthorization, bearerAuthorization } from './index';
import { specsAvailable } from './spec-scopes';
import { useSimulator } from './use-simulator';

const acme = `https://${SIM_SITES.acme.host}`;
const alice = { Authorization: authorizationFor(SIM_TOKENS.aliceClassic) };
const acmeGw = `https://api.atlassian.com/ex/confluence/${SIM_SITES.acme.cloudId}`;
const download = (att: string): string => `${acme}/wiki/rest/api/content/1000002/child/attachment/${att}/download`;

const sim = useSimulator();

describe('attachment download', () => {
  it('redirects to a signed URL on the media host (manual redirect shows Location)', async () => {
    const r = await sim.fetch(download('att1000011'), { headers: alice, redirect: 'manual' });
    expect(r.status).toBe(302);
    const location = new URL(r.headers.get('location') ?? '');
    expect(location.host).toBe(SIM_MEDIA_HOST);
    expect(location.pathname).toBe(`/file/${SIM_PAGES.architecture.attachments[1]!.fileId}/binary`);
    expect(location.searchParams.get('token')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('following the redirect drops Authorization, and the media host serves the bytes', async () => {
    const r = await sim.fetch(download('att1000010'), { headers: alice });
    expect(r.status).toBe(200);
    expect(r.redirected).toBe(true);
    expect(new URL(r.url).host).toBe(SIM_MEDIA_HOST);
    expect(r.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.equals(Buffer.from(SIM_PAGES.architecture.attachments[0]!.base64!, 'base64'))).toBe(true);
    const media = sim.log.find((e) => e.host === SIM_MEDIA_HOST);
    expect(media).toMatchObject({ authKind: 'none', status: 200 });
    expect(media!.headers).not.toHaveProperty('authorization');
  });

  it('the media host logs and rejects a request that carries Authorization', async () => {
    const first = await sim.fetch(download('att1000011'), { headers: alice, redirect: 'manual' });
    const leaked = await sim.fetch(first.headers.get('location')!, { headers: alice });
    expect(leaked.status).toBe(401);
    expect(sim.log.at(-1)).toMatchObject({ host: SIM_MEDIA_HOST, authKind: 'basic', tokenPresented: 'aliceClassic', headers: { authorization: 'Basic ***' } });
    // Without it, the same URL works.
    expect(await (await sim.fetch(first.headers.get('location')!)).text()).toBe(SIM_PAGES.architecture.attachments[1]!.text);
  });

  it('refuses a tampered media token', async () => {
    const first = await sim.fetch(download('att1000011'), { headers: alice, redirect: 'manual' });
    const url = new URL(first.headers.get('location')!);
    url.searchParams.set('token', `${url.searchParams.get('token')!.slice(0, -2)}xx`);
    expect((await sim.fetch(url)).status).toBe(401);
  });

  it('legacy download links refuse API tokens with an OAuth challenge (CHANGE-2735)', async () => {
    const legacy = `${acme}/wiki/download/attachments/1000002/notes.txt?version=1&api=v2`;
    for (const headers of [
      alice,
      { Authorization: authorizationFor(SIM_TOKENS.aliceScoped) },
      { Authorization: bearerAuthorization(SIM_TOKENS.aliceClassic.secret) },
    ]) {
      const r = await sim.fetch(legacy, { headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe(`OAuth realm="https://${SIM_SITES.acme.host}/wiki"`);
    }
    // A browser session (no Authorization) still gets the bytes.
    expect((await sim.fetch(legacy)).status).toBe(200);
  });

  it('the legacy download path through the gateway answers the scope-check 401', async () => {
    const legacy = `${acmeGw}/wiki/download/attachments/1000002/notes.txt`;
    const r = await sim.fetch(legacy, { headers: { Authorization: authorizationFor(SIM_TOKENS.aliceScoped) } });
    expect(r.status).toBe(401);
    expect(r.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await r.text()).toBe('{"code":401,"message":"Unauthorized; scope does not match"}');
    // Credentials are checked first (guess): Bearer 404, unknown credentials AUTH_MISMATCH.
    expect((await sim.fetch(legacy, { headers: { Authorization: bearerAuthorization(SIM_TOKENS.aliceScoped.secret) } })).status).toBe(404);
    expect((await sim.fetch(legacy)).headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
  });

  it.skipIf(!specsAvailable())('the v1 REST download still redirects through the gateway, with the granular or the classic scope', async () => {
    const gwDownload = `${acmeGw}/wiki/rest/api/content/1000002/child/attachment/att1000011/download`;
    const granular = await sim.fetch(gwDownload, { headers: { Authorization: authorizationFor(SIM_TOKENS.aliceScoped) }, redirect: 'manual' });
    expect(granular.status).toBe(302);
    expect(new URL(granular.headers.get('location') ?? '').host).toBe(SIM_MEDIA_HOST);
    sim.control.addToken({
      name: 'classicAttachment',
      kind: 'scoped',
      secret: 'SIMscoped-classic-attachment-0001',
      user: 'alice',
      sites: [SIM_SITES.acme.host],
      scopes: ['readonly:content.attachment:confluence'],
    });
    const classic = await sim.fetch(gwDownload, { headers: { Authorization: basicAuthorization('alice@example.com', 'SIMscoped-classic-attachment-0001') }, redirect: 'manual' });
    expect(classic.status).toBe(302);
  });

  it('404 for an attachment of another page or one the caller cannot see', async () => {
    expect((await sim.fetch(`${acme}/wiki/rest/api/content/1000001/child/attachment/att1000011/download`, { headers: alice, redirect: 'manual' })).status).toBe(404);
    expect((await sim.fetch(download('att1000011'), { redirect: 'manual' })).status).toBe(401);
  });
});

describe('sim.fetch', () => {
  it('keeps Authorization on a same-origin redirect', async () => {
    const r = await sim.fetch(`${acme}/`, { headers: alice });
    expect(r.status).toBe(200);
    expect(new URL(r.url).pathname).toBe('/wiki/home');
    expect(sim.log.map((e) => [e.path, e.headers.authorization])).toEqual([
      ['/', 'Basic ***'],
      ['/wiki/home', 'Basic ***'],
    ]);
  });

  it('sends method, headers and body', async () => {
    const r = await sim.fetch(`${acme}/wiki/rest/api/user/watch/content/1000002`, {
      method: 'POST',
      headers: { ...alice, 'X-Atlassian-Token': 'no-check', 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(r.status).toBe(204);
    expect(sim.log[0]).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '2' } });
  });

  it('accepts a Request object', async () => {
    const r = await sim.fetch(new Request(`${acme}/_edge/tenant_info`));
    expect(await r.json()).toEqual({ cloudId: SIM_SITES.acme.cloudId });
  });

  it('honours AbortSignal, before and during a request', async () => {
    await expect(sim.fetch(`${acme}/_edge/tenant_info`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    sim.control.setLatency(2000);
    const t0 = Date.now();
    await expect(sim.fetch(`${acme}/_edge/tenant_info`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(sim.fetch(`${acme}/_edge/tenant_info`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('refuses redirects with redirect: "error", and non-https URLs', async () => {
    await expect(sim.fetch(`${acme}/`, { redirect: 'error' })).rejects.toThrow(TypeError);
    await expect(sim.fetch('http://acme.atlassian.net/')).rejects.toThrow(/https/);
  });

  it('exposes the host resolver rules and site URLs', () => {
    expect(sim.hostResolverRules).toBe(
      `MAP *.atlassian.net 127.0.0.1:${sim.port}, MAP *.atlassian.com 127.0.0.1:${sim.port}, MAP confluence.dc.test 127.0.0.1:${sim.port}, ` +
        `MAP www.example.test 127.0.0.1:${sim.port}, MAP down.example.test ~NOTFOUND`,
    );
    expect(sim.siteUrl('acme.atlassian.net')).toBe('https://acme.atlassian.net');
  });
});
