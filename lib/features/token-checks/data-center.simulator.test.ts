// A Data Center PAT's check, identity confirmation and health report, against the simulator's
// Data Center server (`https://confluence.dc.test/confluence`, PAT Bearer, v1 only, DC users).
import { describe, expect, it } from 'vitest';
import { SIM_DC, SIM_PAGES, SIM_TOKENS, SIM_USERS } from '../../../tests/simulator/index';
import { useSimulator } from '../../../tests/simulator/use-simulator';
import type { ActivityEntry } from '../../atlassian/activity-log';
import { createAtlassianClient } from '../../atlassian/client';
import type { FetchLike } from '../../atlassian/download-redirect';
import { jsonResponse, scriptedFetch } from '../../atlassian/testing/scripted-fetch';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';
import type { TokenFormInput } from '../tokens/token-form-input';
import { createTokenVault } from '../tokens/token-vault';
import { createTokenChecker } from './check-token';
import { createHealthStore } from './health/health-store';
import type { HealthReport } from './health/health-report';
import { createHealthChecker } from './health/run-health';
import { createIdentityConfirmations } from './identity-confirmations';
import { sendRoute } from './send-route';

const sim = useSimulator();
const KEY = SIM_DC.baseUrl; // a Data Center site's key is its base URL
const ORIGIN = `https://${SIM_DC.host}`;
const PAT = SIM_TOKENS.carolPat.secret;
const HOME = SIM_PAGES.dcHome;
const TODAY = '2025-03-10';

async function setUp(patch: Partial<TokenFormInput> = {}, options: { granted?: boolean; fetch?: FetchLike; today?: string } = {}) {
  const logged: ActivityEntry[] = [];
  const client = createAtlassianClient({
    fetch: options.fetch ?? ((url, init) => sim.fetch(url, init)),
    now: () => Date.now(),
    sleep: async () => {},
    random: () => 0.5,
    onActivity: (e) => logged.push(e),
  });
  const local = createMemoryStorageArea();
  const vault = createTokenVault({ local, session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10) });
  const added = await vault.add({ label: 'Server', kind: 'dc-pat', secret: PAT, dcBaseUrl: `${KEY}/`, ...patch });
  if (!added.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
  const token = added.token;
  const confirmations = createIdentityConfirmations({ client });
  const cloudIds = { get: async () => ({ ok: false as const, failure: { class: 'no-cloud-id' as const, message: 'none', fix: 'none' } }) };
  const checker = createTokenChecker({ vault, client, cloudIds, hasHostPermission: async (origin) => options.granted !== false && origin === ORIGIN, confirmations, today: () => options.today ?? TODAY });
  const refused: string[] = [];
  const health = createHealthChecker({
    vault,
    client,
    checker,
    route: (t, secret, host, revision) => sendRoute({ vault, client, cloudIds, confirmations }, t, secret, host, revision),
    confirmations,
    activityLog: async () => logged,
    store: createHealthStore(local),
    now: () => Date.now(),
    today: () => options.today ?? TODAY,
    onInvalidToken: (_t, site, sentence) => refused.push(`${site}: ${sentence}`),
  });
  const revision = async () => {
    const secret = await vault.getSecret(token.id);
    if (!secret.ok) throw new Error('no secret');
    return secret.secretRevision;
  };
  const report = async (options: Parameters<typeof health.run>[1] = { site: KEY }) => {
    const outcome = await health.run(token.id, options);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.reports).toHaveLength(1);
    return outcome.reports[0]!;
  };
  return { token, vault, client, confirmations, checker, health, report, revision, logged, refused };
}

const rowStates = (report: HealthReport) => Object.fromEntries(report.rows.map((r) => [r.capability, r.state]));
const dcCalls = () => sim.log.filter((e) => e.host === SIM_DC.host).map((e) => `${e.method} ${e.path} ${e.status}`);

describe('confirming a PAT’s identity on a Data Center site', () => {
  it('a known DC user (username, userKey, no accountId) is the token’s own identity: one user/current, then none', async () => {
    const { token, vault, client, confirmations, revision } = await setUp();
    const route = await sendRoute({ vault, client, cloudIds: { get: async () => ({ ok: true, cloudId: 'x' }) } }, token, PAT, KEY, await revision());
    if (!route.ok) throw new Error(route.failure.message);
    expect(await confirmations.confirm(token, await revision(), route)).toEqual({ ok: true });
    expect(await confirmations.confirm(token, await revision(), route)).toEqual({ ok: true });
    expect(dcCalls()).toEqual(['GET /confluence/rest/api/user/current 200']);
    // Keyed by the site key: the server's base URL, not its host.
    expect(confirmations.isConfirmed(token.id, KEY, 'dc-pat', await revision())).toBe(true);
    expect(confirmations.isConfirmed(token.id, SIM_DC.host, 'dc-pat', await revision())).toBe(false);
    expect(confirmations.isConfirmed(token.id, 'https://confluence.dc.test/other', 'dc-pat', await revision())).toBe(false);
  });

  it('an anonymous answer is not a confirmation, and is asked again next time', async () => {
    const anonymous = () => jsonResponse({ type: 'anonymous', displayName: 'Anonymous', _links: { base: KEY, context: SIM_DC.contextPath } });
    const fake = scriptedFetch([anonymous(), anonymous()]);
    const { token, confirmations, revision } = await setUp({}, { fetch: fake.fetch });
    const route = { credential: { label: 'Server', kind: 'dc-pat' as const, secret: PAT, readOnly: false }, site: { kind: 'dc' as const, baseUrl: KEY, origin: ORIGIN } };
    expect(await confirmations.confirm(token, await revision(), route)).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(await confirmations.confirm(token, await revision(), route)).toMatchObject({ ok: false, failure: { class: 'anonymous-fallback' } });
    expect(fake.calls.map((c) => c.url)).toEqual([`${KEY}/rest/api/user/current`, `${KEY}/rest/api/user/current`]);
    expect(confirmations.isConfirmed(token.id, KEY, 'dc-pat', await revision())).toBe(false);
  });

  it('a token check that found the DC user confirms it for page actions', async () => {
    const { token, checker, confirmations, revision } = await setUp();
    const outcome = await checker.check(token.id);
    expect(outcome).toMatchObject({ ok: true, report: { results: [{ site: KEY, kind: 'dc-pat', ok: true, identity: { displayName: SIM_USERS.carol.displayName } }] } });
    expect(confirmations.isConfirmed(token.id, KEY, 'dc-pat', await revision())).toBe(true);
    expect(await checker.check(token.id, 'https://other.dc.test/confluence')).toMatchObject({ ok: false, message: expect.stringContaining('not meant for') });
  });
});

describe('a health report on a Data Center site', () => {
  it('asked for the server, as the popup on its page does: signs in as the DC user, read rows on the tab’s page, no Jira, no expiry', async () => {
    const { report, token } = await setUp();
    const r = await report({ site: KEY, page: { host: KEY, contentId: HOME.id } });
    expect(r).toMatchObject({
      tokenId: token.id,
      site: KEY,
      healthy: true,
      kind: 'dc-pat',
      baseUrl: `${KEY}/rest/api/`,
      identity: { state: 'confirmed', displayName: SIM_USERS.carol.displayName, sentence: `Signs in as ${SIM_USERS.carol.displayName}.` },
      probePage: { id: HOME.id, source: 'tab' },
      headline: `“Server” works on ${KEY} as ${SIM_USERS.carol.displayName}.`,
    });
    expect(r.identity).not.toHaveProperty('accountId');
    expect(r).not.toHaveProperty('expiry');
    expect(rowStates(r)).toEqual({
      'read-page': 'works',
      'watch-status': 'works',
      'watch-change': 'not-yet-used',
      'export-body': 'works',
      'attachments-list': 'not-checked',
      'attachments-download': 'not-checked',
      'page-tree': 'works',
      jira: 'not-checked',
    });
    // v1 only, with the PAT as Bearer; nothing asked of Cloud or of v2.
    expect(sim.log.every((e) => e.host === SIM_DC.host && e.authKind === 'bearer')).toBe(true);
    expect(sim.log.some((e) => e.path.includes('/api/v2/'))).toBe(false);
  });

  it('without a page in the tab: signs in, and says to open a page (DC cannot list pages without v2)', async () => {
    const { report } = await setUp();
    const r = await report();
    expect(r.healthy).toBe(true);
    expect(r.rows.find((row) => row.capability === 'read-page')).toMatchObject({ state: 'not-checked', sentence: expect.stringContaining('open a page of this server') });
  });

  it('a read-only PAT with an expiry: the write row says read-only, the expiry is shown', async () => {
    const { report } = await setUp({ readOnly: true, expiresOn: '2025-03-20' });
    const r = await report({ site: KEY, page: { host: KEY, contentId: HOME.id } });
    expect(r.expiry).toEqual({ expiresOn: '2025-03-20', daysLeft: 10 });
    expect(r.rows.find((row) => row.capability === 'watch-change')).toMatchObject({ state: 'not-permitted', sentence: expect.stringContaining('read-only') });
  });

  it('the server not yet allowed: says so, and nothing is sent to it', async () => {
    const { report } = await setUp({}, { granted: false });
    const r = await report();
    expect(r).toMatchObject({ site: KEY, healthy: false, kind: 'dc-pat', identity: { state: 'refused', sentence: `Allow access to ${ORIGIN} first.` } });
    expect(sim.log).toEqual([]);
  });

  it('a revoked PAT is refused, and the refusal is reported for the server', async () => {
    const { report, refused } = await setUp({ secret: SIM_TOKENS.carolExpiredPat.secret });
    const r = await report();
    expect(r).toMatchObject({ site: KEY, healthy: false, identity: { state: 'refused', failureClass: 'invalid-token' } });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.startsWith(`${KEY}: `)).toBe(true);
  });

  it('past its expiry date: refused before the network, on the server', async () => {
    const { report } = await setUp({ expiresOn: '2025-03-12' }, { today: '2025-03-13' });
    const r = await report();
    expect(r).toMatchObject({ site: KEY, healthy: false, identity: { failureClass: 'expired' } });
    expect(sim.log).toEqual([]);
  });

  it('asked for another site: refused with a sentence, nothing sent', async () => {
    const { health, token } = await setUp();
    for (const site of ['https://other.dc.test/confluence', SIM_DC.host, 'acme.atlassian.net']) {
      expect(await health.run(token.id, { site })).toMatchObject({ ok: false, message: expect.stringContaining('not meant for') });
    }
    expect(sim.log).toEqual([]);
  });
});

describe('the health messages with a Data Center site key', () => {
  it('health-run and health-reports take the server’s base URL as the site', async () => {
    const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init), grantedOrigins: [ORIGIN] });
    const added = (await bg.route({ type: 'tokens-add', input: { label: 'Server', kind: 'dc-pat', secret: PAT, dcBaseUrl: KEY } }, OPTIONS_PAGE)) as { ok: boolean; data: any };
    expect(added).toMatchObject({ ok: true, data: { ok: true } });
    const id = added.data.token.id as string;
    const run = (await bg.route({ type: 'health-run', id, site: KEY }, POPUP)) as { ok: boolean; data: any };
    expect(run).toMatchObject({ ok: true, data: { reports: [{ site: KEY, healthy: true, kind: 'dc-pat' }] } });
    const stored = (await bg.route({ type: 'health-reports', site: KEY }, POPUP)) as { ok: boolean; data: any };
    expect(stored.data.reports).toEqual(run.data.reports);
  });
});
