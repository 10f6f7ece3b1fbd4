// Health reports against the Confluence simulator's real HTTP answers: the background as the
// service worker builds it, with the simulator as its network.
import { describe, expect, it } from 'vitest';
import { SIM_PAGES, SIM_SCOPES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../../../../tests/simulator/index';
import { useSimulator } from '../../../../tests/simulator/use-simulator';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../../testing/background';
import type { TokenFormInput } from '../../tokens/token-form-input';
import type { HealthReport } from './health-report';

const sim = useSimulator();
const { acme, globex } = SIM_SITES;
const PAGE = SIM_PAGES.architecture; // on acme, with three small attachments
const PAGE_URL = `https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Architecture`;

type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };

async function setUp(input: Partial<TokenFormInput>) {
  const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init) });
  const send = async (message: unknown, sender = OPTIONS_PAGE) => (await bg.route(message, sender)) as Reply;
  const added = await send({
    type: 'tokens-add',
    input: { label: 'Work', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [acme.host], ...input },
  });
  if (!added.ok || !added.data.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
  const id = added.data.token.id as string;
  const run = async (fields: Record<string, unknown> = {}) => {
    const reply = await send({ type: 'health-run', id, ...fields }, POPUP);
    if (!reply.ok) throw new Error(`health-run failed: ${JSON.stringify(reply.error)}`);
    return reply.data.reports as HealthReport[];
  };
  return { bg, send, run, id };
}

const rowStates = (report: HealthReport) => Object.fromEntries(report.rows.map((r) => [r.capability, r.state]));
const apiCalls = () => sim.log.filter((e) => !e.path.startsWith('/_edge/'));

describe('a health report', () => {
  it('a healthy classic token: identity with its email, the site as base, every read row works, Jira too', async () => {
    const { bg, run } = await setUp({});
    bg.openTab(5, PAGE_URL);
    await bg.route({ type: 'page-seen', host: acme.host, context: { kind: 'content', host: acme.host, contentId: PAGE.id, contentType: 'page', view: 'view', spaceKey: 'ENG' } }, bg.openTab(5, PAGE_URL));
    const [report] = await run({ tabId: 5 });
    expect(report).toMatchObject({
      site: acme.host,
      healthy: true,
      kind: 'classic',
      baseUrl: `https://${acme.host}/wiki/rest/api/`,
      identity: { state: 'confirmed', displayName: SIM_USERS.alice.displayName, accountId: SIM_USERS.alice.accountId, email: SIM_USERS.alice.email, emailMatches: true },
      probePage: { id: PAGE.id, source: 'tab', attachmentId: expect.any(String) },
    });
    expect(rowStates(report!)).toEqual({
      'read-page': 'works',
      'watch-status': 'works',
      'watch-change': 'not-yet-used',
      'export-body': 'works',
      'attachments-list': 'works',
      'attachments-download': 'works',
      'page-tree': 'works',
      jira: 'works',
    });
    expect(report!.rows.filter((r) => r.state === 'works').every((r) => typeof r.latencyMs === 'number')).toBe(true);
    expect(report!.rateLimit).toMatchObject({ limit: expect.any(Number), remaining: expect.any(Number) });
    expect(report!.headline).toBe(`“Work” works on ${acme.host} as ${SIM_USERS.alice.displayName}.`);
    // The Jira probe went to Jira on the site itself.
    expect(sim.log.some((e) => e.host === acme.host && e.path === '/rest/api/3/myself' && e.status === 200)).toBe(true);
  });

  it('without a tab page, tries the first page the site lists; the stored report is what health-reports gives, with its age', async () => {
    const { bg, run, send, id } = await setUp({});
    const [report] = await run();
    expect(report!.probePage).toMatchObject({ source: 'listed' });
    expect(report!.healthy).toBe(true);
    bg.advance(60_000);
    const stored = await send({ type: 'health-reports', site: acme.host }, POPUP);
    expect(stored.data.reports).toEqual([report]);
    expect(stored.data.now - stored.data.reports[0].checkedAt).toBe(60_000);
    expect((await send({ type: 'health-reports', tokenId: id })).data.reports).toHaveLength(1);
  });

  it('a refresh of a healthy report reuses its page (no listing) and finds the same', async () => {
    const { run } = await setUp({});
    const [first] = await run();
    sim.clearLog();
    const [again] = await run();
    expect(again!.probePage).toMatchObject({ id: first!.probePage!.id, source: 'previous' });
    expect(apiCalls().some((e) => e.path.startsWith('/wiki/api/v2/pages?'))).toBe(false);
    expect(rowStates(again!)).toEqual(rowStates(first!));
  });

  it('a scoped token without read:watcher:confluence: exactly that scope on the watch-status row, every other read row works', async () => {
    sim.control.addToken({
      name: 'aliceScopedNoWatcher',
      kind: 'scoped',
      secret: 'SIMscoped-alice-nowatch-Qe7rT2yU5i',
      user: 'alice',
      sites: [acme.host],
      scopes: SIM_SCOPES.companion.filter((s) => s !== 'read:watcher:confluence'),
    });
    const { bg, run } = await setUp({ kind: 'scoped', secret: 'SIMscoped-alice-nowatch-Qe7rT2yU5i' });
    await bg.deps.sites.cloudIdRead(acme.host, acme.cloudId, Date.now());
    const [report] = await run();
    expect(report!.baseUrl).toBe(`https://api.atlassian.com/ex/confluence/${acme.cloudId}/wiki/rest/api/`);
    const missing = report!.rows.filter((r) => r.state === 'missing-scope');
    expect(missing).toEqual([expect.objectContaining({ capability: 'watch-status', scopes: ['read:watcher:confluence'] })]);
    expect(missing[0]!.fix).toContain('read:watcher:confluence');
    expect(rowStates(report!)).toMatchObject({ 'read-page': 'works', 'export-body': 'works', 'attachments-list': 'works', 'page-tree': 'works', jira: 'works' });
    expect(sim.log.some((e) => e.host === 'api.atlassian.com' && e.path === `/ex/jira/${acme.cloudId}/rest/api/3/myself`)).toBe(true);
  });

  it('a wrong token on a site with anonymous access: "not authenticated", never healthy, no probe sent', async () => {
    const { run } = await setUp({ sites: [globex.host], secret: 'SIMclassic-nobody-wrong-0000000000' });
    sim.clearLog();
    const [report] = await run();
    expect(report).toMatchObject({ healthy: false, identity: { state: 'anonymous', sentence: 'Not authenticated: the site answered as the anonymous user.' } });
    expect(report!.rows.every((r) => r.state === 'not-checked')).toBe(true);
    expect(apiCalls().every((e) => e.path.includes('/user/current'))).toBe(true);
  });

  it('a revoked token: refused, one notification however often it is checked, and the badge says "!"', async () => {
    const { bg, run } = await setUp({ secret: SIM_TOKENS.aliceRevokedClassic.secret });
    const [report] = await run();
    await run();
    await bg.health.settled();
    expect(report).toMatchObject({ healthy: false, identity: { state: 'refused', failureClass: 'invalid-token' } });
    expect(bg.shown.notifications.filter((n) => n.id.startsWith('ctc-invalid:'))).toHaveLength(1);
    expect(bg.shown.badges.at(-1)).toMatchObject({ text: '!', title: expect.stringContaining('Token “Work” failed its last check on acme.atlassian.net') });
  });

  it('revoked after a healthy report: the refresh (every probe at once) is not healthy, and no row counts', async () => {
    const { run } = await setUp({ sites: [globex.host] });
    expect((await run())[0]!.healthy).toBe(true);
    sim.control.revokeToken('aliceClassic');
    // globex lets anonymous visitors in: the probes are answered, as the anonymous user.
    const [report] = await run();
    expect(report).toMatchObject({ healthy: false, identity: { state: 'anonymous' } });
    expect(report!.rows.every((r) => r.state === 'not-checked')).toBe(true);
    // The next run is careful again: identity first, nothing else sent.
    sim.clearLog();
    await run();
    expect(apiCalls().every((e) => e.path.includes('/user/current'))).toBe(true);
  });

  it('an expired token: a report that says so, and nothing sent', async () => {
    const { bg, run } = await setUp({ expiresOn: '2025-04-01' });
    bg.advance(100 * 24 * 3600_000); // the person's calendar is now past 2025-04-01
    sim.clearLog();
    const [report] = await run();
    expect(report).toMatchObject({ healthy: false, identity: { failureClass: 'expired' }, expiry: { expiresOn: '2025-04-01' } });
    expect(report!.headline).toMatch(/expired on 2025-04-01/);
    expect(sim.log).toEqual([]);
  });

  it('watch / unwatch is learned from real use: after a watch, "works"', async () => {
    const { bg, run, send } = await setUp({});
    bg.openTab(5, PAGE_URL);
    await bg.route({ type: 'page-seen', host: acme.host, context: { kind: 'content', host: acme.host, contentId: PAGE.id, contentType: 'page', view: 'view', spaceKey: 'ENG' } }, bg.openTab(5, PAGE_URL));
    expect((await send({ type: 'action-run', action: 'watch', tabId: 5 }, POPUP)).data).toMatchObject({ ok: true });
    await bg.deps.activity.flush();
    const [report] = await run({ tabId: 5 });
    expect(report!.rows.find((r) => r.capability === 'watch-change')).toMatchObject({ state: 'works' });
  });
});
