// Export on a Data Center site, through the real request client with a scripted network: the
// attachment list from v1, and each file looked up by id, held to its page and downloaded through
// its servlet path with the PAT on the site's own origin, its bytes over the port.
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../atlassian/activity-log';
import { createAtlassianClient, type Credential } from '../../../atlassian/client';
import { jsonResponse, scriptedFetch, type ScriptStep } from '../../../atlassian/testing/scripted-fetch';
import { dataCenterSite } from '../../../sites/site';
import { readExportAddress, exportPageUrl } from '../page/export-address';
import { listExportAttachments, MAX_PORT_FILE_BYTES, readExportFile } from './export-reads';
import { exportAttachments, exportFile } from './port-requests';

const KEY = 'https://confluence.dc.test/confluence';
const SITE = dataCenterSite(KEY)!;
const SECRET = 'fake-pat-0a1b2c3d4e5f6a7b8c9d';
const pat: Credential = { label: 'DC', kind: 'dc-pat', secret: SECRET, readOnly: true };
const PAGE_ID = '4000001';
const LINK = `/download/attachments/${PAGE_ID}/dc-diagram.png?version=1&modificationDate=1712000000000&api=v2`;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function attachment(fields: Record<string, unknown> = {}) {
  return {
    id: 'att5000001',
    type: 'attachment',
    status: 'current',
    title: 'dc-diagram.png',
    container: { id: PAGE_ID, type: 'page', title: 'DC home' },
    extensions: { mediaType: 'image/png', fileSize: PNG.byteLength },
    _links: { download: LINK },
    ...fields,
  };
}

function setUp(steps: ScriptStep[]) {
  const fake = scriptedFetch(steps);
  const activity: ActivityEntry[] = [];
  const client = createAtlassianClient({ fetch: fake.fetch, now: () => Date.now(), sleep: async () => undefined, random: () => 0.5, onActivity: (e) => activity.push(e) });
  const hosts: string[] = [];
  const deps = {
    client,
    signal: new AbortController().signal,
    routeFor: async (host: string) => {
      hosts.push(host);
      return { ok: true as const, tokenLabel: 'DC', credential: pat, site: SITE };
    },
  };
  return { deps, calls: fake.calls, activity, hosts };
}

describe('export attachments on Data Center', () => {
  it('lists the page’s current files through v1, with their type and size', async () => {
    const { deps, calls, hosts } = setUp([
      jsonResponse({
        results: [attachment(), attachment({ id: 'att5000002', title: 'old.txt', status: 'historical' }), attachment({ id: 'att5000003', title: 'notes.txt', extensions: { mediaType: 'text/plain', fileSize: 12 } })],
        size: 3,
      }),
    ]);
    const listed = await listExportAttachments(deps, KEY, PAGE_ID);
    expect(hosts).toEqual([KEY]);
    expect(calls[0]?.url).toBe(`${KEY}/rest/api/content/${PAGE_ID}/child/attachment?limit=100`);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(listed).toEqual({
      ok: true,
      attachments: [
        { id: 'att5000001', title: 'dc-diagram.png', mediaType: 'image/png', fileSize: PNG.byteLength },
        { id: 'att5000003', title: 'notes.txt', mediaType: 'text/plain', fileSize: 12 },
      ],
      stats: { calls: 1, rateLimited: 0 },
    });
  });

  it('a file: looked up by id, held to its page, fetched through its servlet path, its bytes over the port', async () => {
    const { deps, calls, activity } = setUp([jsonResponse(attachment()), new Response(PNG, { status: 200, headers: { 'Content-Type': 'image/png' } })]);
    const file = await readExportFile(deps, KEY, PAGE_ID, 'att5000001');
    expect(calls.map((c) => c.url)).toEqual([`${KEY}/rest/api/content/att5000001?expand=container`, `${KEY}${LINK}`]);
    for (const call of calls) expect(call.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(file).toEqual({ ok: true, file: { kind: 'bytes', base64: Buffer.from(PNG).toString('base64'), mediaType: 'image/png' }, stats: { calls: 2, rateLimited: 0 } });
    // A quiet job: no entry for calls that worked.
    expect(activity).toEqual([]);
  });

  it('takes a link that already carries the context path', async () => {
    const { deps, calls } = setUp([jsonResponse(attachment({ _links: { download: `/confluence${LINK}` } })), new Response(PNG)]);
    expect((await readExportFile(deps, KEY, PAGE_ID, 'att5000001')).ok).toBe(true);
    expect(calls[1]?.url).toBe(`${KEY}${LINK}`);
  });

  it('refuses a file of another page, and content that is not a file, without downloading', async () => {
    for (const other of [attachment({ container: { id: '4000002', type: 'page' } }), attachment({ type: 'page' }), attachment({ container: undefined })]) {
      const { deps, calls } = setUp([jsonResponse(other)]);
      const file = await readExportFile(deps, KEY, PAGE_ID, 'att5000001');
      expect(file).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' }, stats: { calls: 1 } });
      expect(calls).toHaveLength(1);
    }
  });

  it('never sends the PAT where a hostile download link points', async () => {
    const { deps, calls, activity } = setUp([jsonResponse(attachment({ _links: { download: 'https://evil.example/download/attachments/4000001/a.png' } }))]);
    const file = await readExportFile(deps, KEY, PAGE_ID, 'att5000001');
    expect(file).toMatchObject({ ok: false, failure: { class: 'request-rejected' } });
    expect(calls).toHaveLength(1);
    expect(activity.at(-1)).toMatchObject({ operation: 'downloadAttachmentDc', status: null });
  });

  it('a file above the port’s limit gets the clear failure, before its bytes are read', async () => {
    const { deps, calls } = setUp([jsonResponse(attachment({ extensions: { mediaType: 'video/mp4', fileSize: MAX_PORT_FILE_BYTES + 1 } }))]);
    const file = await readExportFile(deps, KEY, PAGE_ID, 'att5000001');
    expect(file).toMatchObject({ ok: false, failure: { class: 'malformed-response', message: expect.stringMatching(/too large/) } });
    expect(calls).toHaveLength(1);
  });

  it('a file that turns out larger than its listed size is refused after the download', async () => {
    const big = new Uint8Array(MAX_PORT_FILE_BYTES + 1);
    const { deps } = setUp([jsonResponse(attachment({ extensions: { fileSize: 10 } })), new Response(big)]);
    expect(await readExportFile(deps, KEY, PAGE_ID, 'att5000001')).toMatchObject({ ok: false, failure: { message: expect.stringMatching(/too large/) }, stats: { calls: 2 } });
  });

  it('a refused download is a failure naming the class, after both calls', async () => {
    const { deps } = setUp([jsonResponse(attachment()), jsonResponse({ message: 'Not Found' }, { status: 404 })]);
    expect(await readExportFile(deps, KEY, PAGE_ID, 'att5000001')).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' }, stats: { calls: 2 } });
  });
});

describe('the Export page names a Data Center site by its key', () => {
  it('its address carries the key and reads it back unchanged (the path is case-sensitive)', () => {
    const key = 'https://confluence.dc.test/Wiki';
    const url = exportPageUrl('chrome-extension://ext-id/', { host: key, contentId: PAGE_ID, scope: 'tree' });
    expect(readExportAddress(new URL(url).search)).toEqual({ ok: true, address: { host: key, contentId: PAGE_ID, scope: 'tree' } });
    expect(readExportAddress('?site=ACME.atlassian.net&page=1')).toMatchObject({ ok: true, address: { host: 'acme.atlassian.net' } });
    for (const bad of ['http://confluence.dc.test/wiki', 'https://acme.atlassian.net/wiki', 'https://confluence.dc.test/wiki?x=1', 'javascript:alert(1)']) {
      expect(readExportAddress(`?${new URLSearchParams({ site: bad, page: '1' })}`).ok, bad).toBe(false);
    }
  });

  it('the port takes a site key as `host`, and still only ids', () => {
    expect(exportFile.input['~standard'].validate({ type: 'export-file', host: KEY, contentId: PAGE_ID, attachmentId: 'att5000001' })).not.toHaveProperty('issues');
    expect(exportAttachments.input['~standard'].validate({ type: 'export-attachments', host: KEY, contentId: PAGE_ID })).not.toHaveProperty('issues');
    expect(exportFile.input['~standard'].validate({ type: 'export-file', host: 'not a site', contentId: PAGE_ID, attachmentId: 'att5000001' })).toHaveProperty('issues');
    expect(exportFile.input['~standard'].validate({ type: 'export-file', host: KEY, contentId: PAGE_ID, attachmentId: 'att5000001', downloadLink: LINK })).toHaveProperty('issues');
  });
});
