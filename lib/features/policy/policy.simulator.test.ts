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
});
