// The Data Center server as issue 10 needs it: pages at every DC URL shape, attachments and the
// download servlet, export reads, Tomcat's HTML 401, and the spurious 401 after rate limiting.
import { describe, expect, it } from 'vitest';
import { attachmentBytes } from './content-store';
import {
  DC_BASIC_AUTH_FAILURE_MESSAGE,
  DC_LOGIN_REQUIRED_MESSAGE,
  DC_RATE_LIMIT_FILL_RATE,
  DC_RATE_LIMIT_INTERVAL_SECONDS,
  DC_UNAUTHORIZED_MESSAGE,
  DC_VERSION_NUMBER,
} from './guesses';
import { SIM_DC, SIM_DC_ATTACHMENTS, SIM_PAGES, SIM_SITES, SIM_TOKENS, authorizationFor, basicAuthorization, bearerAuthorization, tinyCodeForId } from './index';
import { useSimulator } from './use-simulator';

const dc = SIM_DC.baseUrl;
const auth = (name: keyof typeof SIM_TOKENS): Record<string, string> => ({ Authorization: authorizationFor(SIM_TOKENS[name]) });
const carol = auth('carolPat');
const { diagram, notes } = SIM_DC_ATTACHMENTS;
const diagramDownload = `/download/attachments/4000001/dc-diagram.png?version=1&modificationDate=1712000000000&api=v2`;

const sim = useSimulator();

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: string; bytes: Buffer }> {
  const res = await sim.fetch(url, { headers, redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: bytes.toString('utf8'), bytes };
}

function metas(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  return out;
}

const mainContent = (html: string): string | undefined => /<div id="main-content" class="wiki-content">([\s\S]*?)<\/div>\s*<div id="ctc-labels"/.exec(html)?.[1];

describe('Data Center page URLs', () => {
  const home = (path: string): [string, string] => [path, '4000001'];
  const cases: Array<[string, string]> = [
    home('/pages/viewpage.action?pageId=4000001'),
    home('/display/DEV/DC+Home'),
    home(`/x/${tinyCodeForId('4000001')}`),
    home('/spaces/DEV/pages/4000001/DC+Home'),
    home('/spaces/DEV/pages/4000001'),
    home('/spaces/DEV/pages/4000001/'),
    ['/spaces/DEV/pages/4000002/DC+Child', '4000002'],
    ['/display/DEV/DC+Child', '4000002'],
  ];

  it.each(cases)('%s carries every ajs-* meta tag the content script reads', async (path, id) => {
    const r = await get(`${dc}${path}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(metas(r.body)).toMatchObject({
      'ajs-version-number': DC_VERSION_NUMBER,
      'ajs-context-path': SIM_DC.contextPath,
      'ajs-base-url': SIM_DC.baseUrl,
      'ajs-page-id': id,
      'ajs-space-key': 'DEV',
      'ajs-content-type': 'page',
    });
    expect(metas(r.body)).not.toHaveProperty('ajs-cloud-id');
  });

  it('the newer /spaces/KEY/pages/ID URL renders the same page as viewpage.action', async () => {
    const classic = await get(`${dc}/pages/viewpage.action?pageId=4000001`);
    const newer = await get(`${dc}/spaces/DEV/pages/4000001/DC+Home`);
    expect(mainContent(newer.body)).toBeDefined();
    expect(mainContent(newer.body)).toBe(mainContent(classic.body));
    expect(metas(newer.body)).toEqual(metas(classic.body));
    expect((await get(`${dc}/spaces/DEV/pages/4999999/Nothing`)).status).toBe(404);
    // Only under the context path.
    expect((await get(`https://${SIM_DC.host}/spaces/DEV/pages/4000001`)).status).toBe(404);
  });

  it('pages set a session cookie (a logged-in browser); the login page exists', async () => {
    const r = await get(`${dc}/display/DEV/DC+Home`);
    expect(r.headers.get('set-cookie')).toMatch(/^JSESSIONID=[^;]+; Path=\/confluence; Secure; HttpOnly$/);
    const login = await get(`${dc}/login.action?os_destination=%2Fdisplay%2FDEV`);
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="os_destination" value="/display/DEV"');
    expect(metas(login.body)).not.toHaveProperty('ajs-page-id');
  });
});

describe('Data Center attachments', () => {
  it('"DC Home" shows the PNG and links the text file in its storage body, and export_view points at the servlet', async () => {
    const r = await get(`${dc}/rest/api/content/4000001?expand=body.storage,body.export_view`, carol);
    expect(r.status).toBe(200);
    const body = (JSON.parse(r.body) as { body: { storage: { value: string }; export_view: { value: string } } }).body;
    expect(body.storage.value).toContain('<ac:image><ri:attachment ri:filename="dc-diagram.png"/></ac:image>');
    expect(body.storage.value).toContain('<ri:attachment ri:filename="dc-notes.txt"/>');
    expect(body.export_view.value).toContain('src="/confluence/download/attachments/4000001/dc-diagram.png?version=1');
    expect(body.export_view.value).not.toContain('/wiki/');
  });

  it('v1 child/attachment lists both, with _links.download relative to _links.base (context path included)', async () => {
    const r = await get(`${dc}/rest/api/content/4000001/child/attachment`, carol);
    expect(r.status).toBe(200);
    const list = JSON.parse(r.body) as { results: Array<Record<string, any>>; size: number; _links: Record<string, string> };
    expect(list.size).toBe(2);
    expect(list._links).toMatchObject({ base: SIM_DC.baseUrl, context: SIM_DC.contextPath });
    expect(list.results.map((a) => [a.id, a.type, a.title, a.extensions.mediaType])).toEqual([
      [diagram.id, 'attachment', 'dc-diagram.png', 'image/png'],
      [notes.id, 'attachment', 'dc-notes.txt', 'text/plain'],
    ]);
    expect(list.results[0]!._links.download).toBe(diagramDownload);
    expect(list.results[0]!.extensions.fileSize).toBe(attachmentBytes(diagram).length);
    // No media service on Data Center.
    expect(list.results[0]!.extensions).not.toHaveProperty('fileId');
    // The URL a client builds from the listing reaches the servlet and the bytes.
    const bytes = await get(`${list._links.base}${list.results[0]!._links.download as string}`, carol);
    expect([bytes.status, bytes.bytes.equals(attachmentBytes(diagram))]).toEqual([200, true]);
  });

  it('content/{attachmentId} answers the attachment itself, with its container on request', async () => {
    for (const id of [diagram.id, diagram.id.replace(/^att/, '')]) {
      const r = await get(`${dc}/rest/api/content/${id}?expand=container`, carol);
      expect(r.status, id).toBe(200);
      const att = JSON.parse(r.body) as Record<string, any>;
      expect(att).toMatchObject({ id: diagram.id, type: 'attachment', title: 'dc-diagram.png', container: { id: '4000001', type: 'page', title: 'DC Home' } });
      expect(att._links).toMatchObject({ download: diagramDownload, base: SIM_DC.baseUrl, context: SIM_DC.contextPath });
    }
    const plain = JSON.parse((await get(`${dc}/rest/api/content/${notes.id}`, carol)).body) as Record<string, any>;
    expect(plain).not.toHaveProperty('container');
    expect(plain._expandable.container).toBe('/rest/api/content/4000001');
    expect((await get(`${dc}/rest/api/content/att4999999`, carol)).status).toBe(404);
    expect((await get(`${dc}/rest/api/content/${diagram.id}`)).status).toBe(401);
  });

  it('has no REST download (the v1 flavour has attachmentDownload: false)', async () => {
    expect((await get(`${dc}/rest/api/content/4000001/child/attachment/${diagram.id}/download`, carol)).status).toBe(404);
  });

  it('the export read (every DC body and fact, and the attachments) works with carolPat', async () => {
    const expand = 'body.storage,body.export_view,version,space,history,metadata.labels,ancestors,children.attachment';
    const r = await get(`${dc}/rest/api/content/4000002?expand=${expand}`, carol);
    expect(r.status).toBe(200);
    const page = JSON.parse(r.body) as Record<string, any>;
    expect(page).toMatchObject({
      id: '4000002',
      title: 'DC Child',
      space: { key: 'DEV' },
      version: { number: 1, by: { username: 'carol' } },
      history: { createdBy: { username: 'carol' } },
      ancestors: [{ id: '4000001', title: 'DC Home' }],
      metadata: { labels: { results: [] } },
      _links: { base: SIM_DC.baseUrl, context: SIM_DC.contextPath, webui: '/display/DEV/DC+Child' },
    });
    expect(page.body.storage.value).toContain('DC Child');
    expect(page.body.export_view.value).toMatch(/^<div class="wiki-content">/);
    expect(page.body).not.toHaveProperty('atlas_doc_format');
    const home = JSON.parse((await get(`${dc}/rest/api/content/4000001?expand=children.attachment`, carol)).body) as Record<string, any>;
    expect(home.children.attachment.results.map((a: { title: string }) => a.title)).toEqual(['dc-diagram.png', 'dc-notes.txt']);
    // Nine expansions are one too many, on DC as on Cloud.
    expect((await get(`${dc}/rest/api/content/4000002?expand=${expand},body.view`, carol)).status).toBe(400);
  });
});

describe('Data Center download servlet', () => {
  const servlet = `${dc}${diagramDownload}`;

  it('answers the bytes and Content-Type for a valid PAT; the query is ignored', async () => {
    const r = await get(servlet, carol);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(r.bytes.equals(attachmentBytes(diagram))).toBe(true);
    const text = await get(`${dc}/download/attachments/4000001/dc-notes.txt`, carol);
    expect([text.status, text.headers.get('content-type'), text.body]).toEqual([200, 'text/plain', notes.text]);
    expect((await get(`${dc}/download/attachments/4000001/dc-notes.txt?version=7&whatever=1`, carol)).body).toBe(notes.text);
  });

  it('without credentials redirects to the login page, with the way back', async () => {
    const r = await get(servlet);
    expect(r.status).toBe(302);
    const location = r.headers.get('location') ?? '';
    expect(location.startsWith(`${SIM_DC.contextPath}/login.action?os_destination=`)).toBe(true);
    expect(new URL(location, dc).searchParams.get('os_destination')).toBe(diagramDownload);
    const followed = await sim.fetch(servlet);
    expect([followed.status, new URL(followed.url).pathname]).toEqual([200, '/confluence/login.action']);
  });

  it('a browser session (the cookie DC pages set) gets the bytes without Authorization', async () => {
    const cookie = ((await get(`${dc}/display/DEV/DC+Home`)).headers.get('set-cookie') ?? '').split(';')[0]!;
    const r = await get(servlet, { Cookie: cookie });
    expect([r.status, r.bytes.equals(attachmentBytes(diagram))]).toEqual([200, true]);
    expect((await get(servlet, { Cookie: 'JSESSIONID=forged' })).status).toBe(302);
  });

  it('a wrong, expired or revoked PAT gets the DC 401; Basic gets Tomcat’s', async () => {
    for (const headers of [auth('carolPatRevoked'), auth('carolExpiredPat'), { Authorization: bearerAuthorization('SIMpat-nobody-0000') }]) {
      const r = await get(servlet, headers);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: 401, message: DC_UNAUTHORIZED_MESSAGE });
    }
    const basic = await get(servlet, { Authorization: basicAuthorization('carol@example.com', SIM_TOKENS.carolPat.secret) });
    expect([basic.status, basic.headers.get('content-type')]).toEqual([401, 'text/html;charset=utf-8']);
    expect(basic.body).toContain(DC_BASIC_AUTH_FAILURE_MESSAGE);
  });

  it('404 for a file or page that does not exist; failContent fails the download', async () => {
    expect((await get(`${dc}/download/attachments/4000001/missing.png`, carol)).status).toBe(404);
    expect((await get(`${dc}/download/attachments/4000002/dc-diagram.png`, carol)).status).toBe(404);
    expect((await get(`${dc}/download/attachments/4999999/dc-diagram.png`, carol)).status).toBe(404);
    sim.control.failContent(diagram.id, { status: 500 });
    expect((await get(servlet, carol)).status).toBe(500);
    expect((await get(`${dc}/download/attachments/4000001/dc-notes.txt`, carol)).status).toBe(200);
  });

  it('is logged like every request, credentials masked, and uses the token’s budget', async () => {
    await get(servlet, { ...carol, Cookie: 'JSESSIONID=x' });
    await get(servlet);
    const [withPat, anonymous] = sim.log;
    expect(withPat).toMatchObject({ host: SIM_DC.host, method: 'GET', path: `/confluence${diagramDownload}`, status: 200, authKind: 'bearer', tokenLabel: 'carolPat' });
    expect(withPat!.headers).toMatchObject({ authorization: 'Bearer ***', cookie: '***' });
    expect(withPat!.credentialHeaders).toEqual(['authorization', 'cookie']);
    expect(anonymous).toMatchObject({ status: 302, authKind: 'none', credentialHeaders: [] });
    expect(JSON.stringify(sim.log)).not.toContain(SIM_TOKENS.carolPat.secret);
  });
});

describe('Tomcat HTML 401', () => {
  const current = `${dc}/rest/api/user/current`;

  it('answers a Basic Authorization header (a Cloud email:token sent to DC)', async () => {
    for (const headers of [auth('aliceClassic'), { Authorization: basicAuthorization('carol@example.com', SIM_TOKENS.carolPat.secret) }]) {
      const r = await get(current, headers);
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toBe('text/html;charset=utf-8');
      expect(r.body).toContain('HTTP Status 401');
      expect(r.body).toContain('Basic Authentication Failure - Reason : AUTHENTICATED_FAILED');
      expect(() => JSON.parse(r.body)).toThrow();
    }
  });

  it('dcHtmlUnauthorized(true) makes every DC 401 that page; Cloud is untouched; reset restores JSON', async () => {
    sim.control.dcHtmlUnauthorized(true);
    for (const headers of [auth('carolPatRevoked'), auth('carolExpiredPat'), {}]) {
      const r = await get(current, headers);
      expect([r.status, r.headers.get('content-type')]).toEqual([401, 'text/html;charset=utf-8']);
      expect(r.body).toContain(DC_BASIC_AUTH_FAILURE_MESSAGE);
    }
    expect((await get(current, carol)).status).toBe(200);
    expect((await get(`https://${SIM_SITES.acme.host}/wiki/rest/api/user/current`, auth('aliceRevokedClassic'))).headers.get('content-type')).toMatch(/^text\/plain/);
    sim.control.dcHtmlUnauthorized(false);
    expect((await get(current, auth('carolPatRevoked'))).headers.get('content-type')).toMatch(/^application\/json/);
    sim.control.dcHtmlUnauthorized(true);
    sim.control.reset();
    const after = await get(current, auth('carolPatRevoked'));
    expect([after.status, JSON.parse(after.body).message]).toEqual([401, DC_UNAUTHORIZED_MESSAGE]);
  });

  it('carolPatRevoked is carol’s, revoked: the DC 401 in JSON by default', async () => {
    expect(SIM_TOKENS.carolPatRevoked).toMatchObject({ kind: 'dc-pat', user: 'carol', revoked: true, sites: [SIM_DC.host] });
    const r = await get(current, auth('carolPatRevoked'));
    expect([r.status, r.headers.get('content-type')]).toEqual([401, 'application/json;charset=UTF-8']);
    expect(sim.log.at(-1)).toMatchObject({ tokenPresented: 'carolPatRevoked', authKind: 'bearer' });
    expect(sim.log.at(-1)!.tokenLabel).toBeUndefined();
  });
});

describe('401 "Login Required" after a Data Center 429', () => {
  const current = `${dc}/rest/api/user/current`;
  const statuses = async (n: number, headers = carol, url = current): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await get(url, headers)).status);
    return out;
  };

  it('the 429 carries DC’s rate-limit headers; the next request answers 401 Login Required; then normal answers resume', async () => {
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1, retryAfter: '2' });
    const limited = await get(current, carol);
    expect(limited.status).toBe(429);
    expect({
      retryAfter: limited.headers.get('retry-after'),
      limit: limited.headers.get('x-ratelimit-limit'),
      remaining: limited.headers.get('x-ratelimit-remaining'),
      interval: limited.headers.get('x-ratelimit-interval-seconds'),
      fillRate: limited.headers.get('x-ratelimit-fillrate'),
    }).toEqual({ retryAfter: '2', limit: expect.stringMatching(/^\d+$/), remaining: '0', interval: DC_RATE_LIMIT_INTERVAL_SECONDS, fillRate: DC_RATE_LIMIT_FILL_RATE });
    const spurious = await get(current, carol);
    expect(spurious.status).toBe(401);
    expect(JSON.parse(spurious.body)).toMatchObject({ statusCode: 401, message: DC_LOGIN_REQUIRED_MESSAGE });
    expect(spurious.headers.get('x-ratelimit-limit')).toBeNull();
    expect(await statuses(2)).toEqual([200, 200]);
  });

  it('dcLoginRequiredAfterRateLimit(count) sets how many; 0 turns it off; reset restores 1', async () => {
    sim.control.dcLoginRequiredAfterRateLimit(3);
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    expect(await statuses(5)).toEqual([429, 401, 401, 401, 200]);
    sim.control.dcLoginRequiredAfterRateLimit(0);
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    expect(await statuses(2)).toEqual([429, 200]);
    sim.control.reset();
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    expect(await statuses(3)).toEqual([429, 401, 200]);
    expect(() => sim.control.dcLoginRequiredAfterRateLimit(-1)).toThrow();
  });

  it('follows each 429 (queued 429s come after the 401s), also rateLimitEvery’s, on any DC path', async () => {
    sim.control.rateLimit({ tokenName: 'carolPat', count: 2 });
    expect(await statuses(5)).toEqual([429, 401, 429, 401, 200]);
    sim.control.rateLimitEvery(2, 1);
    const servlet = `${dc}${diagramDownload}`;
    expect(await statuses(3, carol, servlet)).toEqual([200, 429, 401]);
  });

  it('only for that token, only on Data Center; reset drops what is owed; HTML with dcHtmlUnauthorized', async () => {
    sim.control.addToken({ name: 'carolSecondPat', kind: 'dc-pat', secret: 'SIMpat-carol-second-0001', user: 'carol', sites: [SIM_DC.host] });
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    expect(await statuses(1)).toEqual([429]);
    expect(await statuses(1, { Authorization: bearerAuthorization('SIMpat-carol-second-0001') })).toEqual([200]);
    sim.control.rateLimit({ tokenName: 'aliceClassic', count: 1 });
    const acme = `https://${SIM_SITES.acme.host}/wiki/rest/api/user/current`;
    expect(await statuses(2, auth('aliceClassic'), acme)).toEqual([429, 200]);
    sim.control.reset();
    expect(await statuses(1)).toEqual([200]);
    sim.control.dcHtmlUnauthorized(true);
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    await get(current, carol);
    const spurious = await get(current, carol);
    expect([spurious.status, spurious.headers.get('content-type')]).toEqual([401, 'text/html;charset=utf-8']);
  });

  it('is logged with the token presented, not accepted', async () => {
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1 });
    await statuses(2);
    expect(sim.log.map((e) => [e.status, e.tokenPresented, e.tokenLabel, e.headers.authorization])).toEqual([
      [429, 'carolPat', undefined, 'Bearer ***'],
      [401, 'carolPat', undefined, 'Bearer ***'],
    ]);
  });
});

describe('fixtures', () => {
  it('"DC Home" holds the two attachments, made from sample-files', () => {
    expect(SIM_PAGES.dcHome.attachments.map((a) => a.title)).toEqual(['dc-diagram.png', 'dc-notes.txt']);
    expect(attachmentBytes(diagram).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
