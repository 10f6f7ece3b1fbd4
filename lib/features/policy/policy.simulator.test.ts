// The organisation's policy over the background as the service worker builds it, against the
// simulator: what it refuses is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../../../tests/simulator/index';
import { useSimulator } from '../../../tests/simulator/use-simulator';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';
import type { TokenFormInput } from '../tokens/token-form-input';

const sim = useSimulator();
const { acme } = SIM_SITES;
const PAGE = SIM_PAGES.releaseNotes;
const PAGE_URL = `https://${acme.host}/wiki/spaces/ENG/pages/${PAGE.id}/Release+Notes`;
type Reply = { ok: boolean; data?: any };

async function setUp(managedPolicy: unknown, patch: Partial<TokenFormInput> = {}) {
  const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init), managedPolicy });
  const send = async (message: unknown, sender = OPTIONS_PAGE) => (await bg.route(message, sender)) as Reply;
  const added = await send({
    type: 'tokens-add',
    input: { label: 'Work', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [acme.host], ...patch },
  });
  const context = { kind: 'content', host: acme.host, contentId: PAGE.id, contentType: 'page', view: 'view', spaceKey: 'ENG' };
  await bg.route({ type: 'page-seen', host: acme.host, context }, bg.openTab(5, PAGE_URL));
  const run = async (action: string) => (await send({ type: 'action-run', action, tabId: 5 }, POPUP)).data;
  return { bg, send, run, added };
}

describe('a managed policy', () => {
  it('forceReadOnly: every token reads as read-only and a watch is refused with nothing sent', async () => {
    const { send, run } = await setUp({ forceReadOnly: true });
    const list = await send({ type: 'tokens-list' });
    expect(list.data.tokens.map((t: { readOnly: boolean }) => t.readOnly)).toEqual([true]);
    sim.clearLog();
    expect(await run('watch')).toMatchObject({ ok: false, failure: { class: 'read-only-refused' } });
    expect(sim.log).toEqual([]);
  });

  it('allowedSites: a site not listed gets no token and no call', async () => {
    const { run } = await setUp({ allowedSites: ['globex.atlassian.net'] });
    sim.clearLog();
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { message: expect.stringContaining('not allowed by your organisation') } });
    expect(sim.log).toEqual([]);
  });

  it('allowedTokenKinds: another kind is refused with a sentence naming the policy, nothing saved', async () => {
    const { send, added } = await setUp({ allowedTokenKinds: ['scoped', 'dc-pat'] });
    expect(added.data).toMatchObject({ ok: false, reason: 'invalid', errors: { kind: expect.stringContaining('allowedTokenKinds') } });
    expect((await send({ type: 'tokens-list' })).data.tokens).toEqual([]);
  });

  it('policy-get: what applies, and one warning per malformed value; without a policy, nothing applies', async () => {
    const { send, run } = await setUp({ forceReadOnly: 'yes', disableExport: true });
    expect((await send({ type: 'policy-get' })).data).toEqual({ policy: { disableExport: true }, warnings: [expect.stringContaining('“forceReadOnly” is ignored')] });
    expect(await run('watch-status')).toMatchObject({ ok: true });
    const none = createTestBackground({ fetch: (url, init) => sim.fetch(url, init) });
    expect(((await none.route({ type: 'policy-get' }, OPTIONS_PAGE)) as Reply).data).toEqual({ policy: {}, warnings: [] });
  });

  it('forceReadOnly: the refusal says the organisation did it; an edit keeps the person’s own switch for later', async () => {
    let current: unknown = { forceReadOnly: true };
    const { send, run, added, bg } = await setUp(() => current);
    const token = (await send({ type: 'tokens-list' })).data.tokens[0];
    expect(token).toMatchObject({ readOnly: true, readOnlyBy: 'organisation' });
    expect(await run('watch')).toMatchObject({
      ok: false,
      failure: { class: 'read-only-refused', policyKey: 'forceReadOnly', message: expect.stringContaining('policy “forceReadOnly”'), fix: 'Ask your administrator if you need to make this change.' },
    });
    // The form shows the switch locked on and sends it back so: the stored choice (off) stays.
    const edited = await send({
      type: 'tokens-update',
      id: added.data.token.id,
      revision: token.revision,
      input: { label: 'Renamed', kind: 'classic', email: SIM_USERS.alice.email, expiresOn: '2025-06-08', sites: [acme.host], readOnly: true },
    });
    expect(edited.data, JSON.stringify(edited.data)).toMatchObject({ ok: true });
    current = {};
    await bg.deps.policy.refresh();
    expect((await send({ type: 'tokens-list' })).data.tokens[0]).toMatchObject({ label: 'Renamed', readOnly: false });
    expect((await send({ type: 'tokens-list' })).data.tokens[0].readOnlyBy).toBeUndefined();
  });

  it('allowedSites: a token check, a health report and an export read never reach a site left out', async () => {
    const { send, bg, added } = await setUp({ allowedSites: ['globex.atlassian.net'] });
    // Saved before: the token names acme, which the policy leaves out (a new one could not be saved).
    expect(added.data).toMatchObject({ ok: false, errors: { sites: expect.stringContaining('allowedSites') } });
    const other = await send({
      type: 'tokens-add',
      input: { label: 'Both', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [SIM_SITES.globex.host] },
    });
    expect(other.data, JSON.stringify(other.data)).toMatchObject({ ok: true });
    sim.clearLog();
    const checked = await send({ type: 'tokens-check', id: other.data.token.id });
    expect(checked.data.results).toEqual([expect.objectContaining({ site: SIM_SITES.globex.host, ok: true })]);
    expect(sim.log.length).toBeGreaterThan(0);
    expect(sim.log.filter((entry) => entry.host === acme.host)).toEqual([]);
    // A health report of every site the token is for: globex only, acme never asked.
    sim.clearLog();
    await send({ type: 'health-run', id: other.data.token.id });
    expect(sim.log.filter((entry) => entry.host === acme.host)).toEqual([]);
    void bg;
  });

  it('allowedSites: the request client refuses a credentialed call to a site left out, logged, with nothing sent', async () => {
    const { bg } = await setUp({ allowedSites: ['globex.atlassian.net'] });
    sim.clearLog();
    const result = await bg.deps.actions.routeFor(acme.host);
    expect(result).toMatchObject({ ok: false, failure: { class: 'policy-refused', policyKey: 'allowedSites' } });
    expect(sim.log).toEqual([]);
  });

  it('allowedTokenKinds with auto: an auto token is detected among the kinds allowed, never sent as classic', async () => {
    const { send } = await setUp({ allowedTokenKinds: ['auto', 'scoped'] }, { kind: 'auto' });
    const token = (await send({ type: 'tokens-list' })).data.tokens[0];
    sim.clearLog();
    const checked = await send({ type: 'tokens-check', id: token.id });
    expect(checked.data.results[0]).toMatchObject({ ok: false });
    // The classic probe (Basic auth on the site itself) was refused before the network.
    expect(sim.log.filter((entry) => entry.host === acme.host && entry.authKind !== 'none')).toEqual([]);
  });

  it('disableExport: the export actions and the export port refuse, naming the policy; other actions still run', async () => {
    const { run, bg } = await setUp({ disableExport: true });
    for (const action of ['export-page', 'export-tree', 'copy-page-markdown']) {
      expect(await run(action), action).toMatchObject({ ok: false, failure: { class: 'policy-refused', policyKey: 'disableExport' } });
    }
    expect(await run('watch-status')).toMatchObject({ ok: true });
    void bg;
  });

  it('reminders: the policy’s defaults until the person chooses, and a floor that cannot be unticked', async () => {
    const { send } = await setUp({ reminderThresholdsDays: [60, 7], minimumReminderDays: 21 });
    const first = (await send({ type: 'reminders-settings' })).data;
    expect(first).toEqual({ thresholds: [60, 7], choices: [60, 30, 21, 14, 7, 3, 1, 0], locked: [], defaultsFromOrganisation: true });
    const mine = (await send({ type: 'reminders-set-thresholds', thresholds: [3] })).data;
    // Nothing the person chose reaches 21 days before expiry: the floor comes with it, locked.
    expect(mine).toEqual({ thresholds: [21, 3], choices: [60, 30, 21, 14, 7, 3, 1, 0], locked: [21], defaultsFromOrganisation: false });
    expect((await send({ type: 'reminders-set-thresholds', thresholds: [30, 3] })).data).toMatchObject({ thresholds: [30, 3], locked: [] });
  });

  it('a changed policy is read again and pages are told (the policy topic)', async () => {
    let current: unknown = {};
    const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init), managedPolicy: () => current });
    expect(((await bg.route({ type: 'policy-get' }, OPTIONS_PAGE)) as Reply).data.policy).toEqual({});
    current = { disableExport: true };
    await bg.deps.policy.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bg.notices).toContain('policy');
    expect(((await bg.route({ type: 'policy-get' }, OPTIONS_PAGE)) as Reply).data.policy).toEqual({ disableExport: true });
  });

  it('disableExport: the menus are made without the export items, again when the policy changes, and once per browser session at start', async () => {
    let current: unknown = { disableExport: true };
    const made: string[][] = [];
    const bg = createTestBackground({
      fetch: (url, init) => sim.fetch(url, init),
      managedPolicy: () => current,
      dataCenter: {
        scripting: { registerContentScripts: async () => {}, unregisterContentScripts: async () => {}, getRegisteredContentScripts: async () => [] },
        contentScriptFiles: [],
        removeAccess: async () => true,
        rebuildMenus: async (_sites, hidden) => void made.push([...hidden]),
        requestAccess: async () => true,
        readPageTags: async () => null,
        injectContentScript: async () => {},
      },
    });
    await bg.rebuildMenus({ atStart: true });
    await bg.rebuildMenus({ atStart: true });
    expect(made).toEqual([['export-page', 'export-tree', 'copy-page-markdown']]);
    current = {};
    await bg.deps.policy.refresh();
    await expect.poll(() => made.length).toBe(2);
    expect(made[1]).toEqual([]);
  });

  it('helpUrl and supportContact: a refused token’s notification ends with the organisation’s help', async () => {
    const { run, bg } = await setUp({ helpUrl: 'https://intranet.example.com/tokens', supportContact: 'IT desk, ext. 4242' }, { secret: 'SIMclassic-revoked-0000000000' });
    expect(await run('watch-status')).toMatchObject({ ok: false, failure: { class: 'invalid-token' } });
    await bg.health.settled();
    expect(bg.shown.notifications.map((n) => n.message)).toEqual([expect.stringMatching(/Click to replace it\. Help from your organisation: https:\/\/intranet\.example\.com\/tokens · IT desk, ext\. 4242$/)]);
  });
});
