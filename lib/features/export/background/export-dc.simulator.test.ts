// Export reads and the chokepoint's Data Center rules against the simulator's Data Center server
// (`https://confluence.dc.test/confluence`): attachments listed through v1 and downloaded through
// the servlet path with the PAT; a spurious 401 "Login Required" after a 429 retried once;
// Tomcat's HTML 401 read as the token refused.
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_DC_ATTACHMENTS, SIM_TOKENS } from '../../../../tests/simulator/index';
import { useSimulator } from '../../../../tests/simulator/use-simulator';
import type { ActivityEntry } from '../../../atlassian/activity-log';
import { createAtlassianClient, type Credential } from '../../../atlassian/client';
import { abortableSleep } from '../../../atlassian/retry';
import { dataCenterSite } from '../../../sites/site';
import { listExportAttachments, readExportFile } from './export-reads';

const sim = useSimulator();
const SITE = dataCenterSite(SIM_DC.baseUrl)!;
const PAGE_ID = '4000001';
const carol: Credential = { label: 'DC', kind: 'dc-pat', secret: SIM_TOKENS.carolPat.secret, readOnly: true };

function setUp(credential: Credential = carol) {
  const activity: ActivityEntry[] = [];
  const client = createAtlassianClient({ fetch: (url, init) => sim.fetch(url, init), now: () => Date.now(), sleep: abortableSleep, random: () => 0.5, onActivity: (e) => activity.push(e) });
  const deps = { client, signal: new AbortController().signal, routeFor: async () => ({ ok: true as const, tokenLabel: 'DC', credential, site: SITE }) };
  return { client, deps, activity };
}

describe('export on the simulator’s Data Center server', () => {
  it('lists DC Home’s files and downloads each through its servlet path, with the PAT on the server’s origin only', async () => {
    const { deps } = setUp();
    sim.clearLog();
    const listed = await listExportAttachments(deps, SIM_DC.baseUrl, PAGE_ID);
    expect(listed.ok && listed.attachments.map((a) => a.title)).toEqual([SIM_DC_ATTACHMENTS.diagram.title, SIM_DC_ATTACHMENTS.notes.title]);
    if (!listed.ok) return;
    const notes = listed.attachments.find((a) => a.title === SIM_DC_ATTACHMENTS.notes.title)!;
    const file = await readExportFile(deps, SIM_DC.baseUrl, PAGE_ID, notes.id);
    expect(file.ok && file.file.kind).toBe('bytes');
    if (file.ok && file.file.kind === 'bytes') expect(Buffer.from(file.file.base64, 'base64').toString('utf8')).toBe(SIM_DC_ATTACHMENTS.notes.text);
    const diagram = await readExportFile(deps, SIM_DC.baseUrl, PAGE_ID, listed.attachments[0]!.id);
    if (diagram.ok && diagram.file.kind === 'bytes') expect(diagram.file.base64).toBe(SIM_DC_ATTACHMENTS.diagram.base64);
    else throw new Error(`diagram: ${JSON.stringify(diagram)}`);
    expect(sim.log.some((e) => e.path.startsWith(`${SIM_DC.contextPath}/download/attachments/${PAGE_ID}/`))).toBe(true);
    for (const entry of sim.log) expect(entry.host).toBe(SIM_DC.host);
  });

  it('refuses an attachment id of another page', async () => {
    const { deps } = setUp();
    const file = await readExportFile(deps, SIM_DC.baseUrl, '4000002', SIM_DC_ATTACHMENTS.diagram.id);
    expect(file).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' } });
  });

  it('a spurious 401 "Login Required" after a 429 is retried once and the call succeeds, with a note', async () => {
    const { client, activity } = setUp();
    sim.control.rateLimit({ tokenName: 'carolPat', count: 1, retryAfter: '1' });
    sim.control.dcLoginRequiredAfterRateLimit(1);
    const r = await client.request({ credential: carol, site: SITE, operation: 'getCurrentUser' });
    expect(r).toMatchObject({ ok: true, meta: { retries: 2, rateLimited: 1 } });
    expect(activity.at(-1)?.note).toMatch(/retried once: the retry succeeded/);
  }, 15_000);

  it('Tomcat’s HTML 401 is the personal access token refused', async () => {
    const wrong: Credential = { ...carol, secret: 'SIMpat-not-a-real-one-000000' };
    const { client } = setUp(wrong);
    sim.control.dcHtmlUnauthorized(true);
    try {
      const r = await client.request({ credential: wrong, site: SITE, operation: 'getCurrentUser' });
      expect(r).toMatchObject({ ok: false, failure: { class: 'invalid-token', status: 401 } });
      if (!r.ok) expect(r.failure.message).toMatch(/refused the personal access token/);
    } finally {
      sim.control.dcHtmlUnauthorized(false);
    }
  });
});
