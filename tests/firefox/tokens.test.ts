import { SIM_PAGES, SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { attributeOf, click, expect, expectAttribute, expectCount, expectText, test, textOf, tid } from './harness';
import { addToken, row } from './token-steps';

// Tokens in real Firefox: adding and checking them in the options page, and the popup's view
// of the tab's page (as tests/e2e/tokens.spec.ts does in Chromium).
const acme = SIM_SITES.acme;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;

test('adds a classic and a scoped token through the options page and checks them', async ({ ff, sim }) => {
  const options = await ff.openOptions();

  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const classic = row('Acme classic');
  await expectText(options, tid('token-secret-hint', classic), `…${SIM_TOKENS.aliceClassic.secret.slice(-4)}`);
  await expectAttribute(options, tid('token-check-result', classic), 'data-ok', 'true');
  await expectText(options, tid('token-kind-sentence', classic), /classic token/);
  const siteCalls = sim.log.filter((e) => e.host === acme.host && e.path.includes('/user/current'));
  expect(siteCalls.length).toBeGreaterThan(0);
  expect(siteCalls.every((e) => e.authKind === 'basic' && e.status === 200)).toBe(true);

  await addToken(options, { label: 'Acme scoped', kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret, site: acme.host });
  const scoped = row('Acme scoped');
  await expectAttribute(options, tid('token-check-result', scoped), 'data-ok', 'true');
  await expectText(options, tid('token-kind-sentence', scoped), new RegExp(`api\\.atlassian\\.com/ex/confluence/${acme.cloudId}`));
  // The scoped token's check went through the gateway, never with Bearer.
  const gatewayCalls = sim.log.filter((e) => e.host === 'api.atlassian.com' && e.path.includes('/user/current'));
  expect(gatewayCalls.length).toBeGreaterThan(0);
  expect(gatewayCalls.every((e) => e.authKind === 'basic')).toBe(true);

  // Checking again on demand gives the same answer.
  sim.clearLog();
  await click(options, tid('token-check', classic));
  await expect.poll(() => sim.log.filter((e) => e.host === acme.host && e.path.includes('/user/current')).length).toBe(1);
  await expectAttribute(options, tid('token-check-result', classic), 'data-ok', 'true');
  await expectCount(options, tid('token-row'), 2);
  await ff.saveScreenshot(options, 'options-with-tokens');
});

test("the popup shows the tab's page and token, checks it, and the watch toggle goes there and back", async ({ ff, sim }) => {
  const options = await ff.openOptions();
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const page = await ff.newTab(architectureUrl);
  const popup = await ff.openPopup(page);
  await expectText(popup, tid('tab-site'), acme.host);
  await expectText(popup, tid('page-id'), architecture.id);
  await expectAttribute(popup, tid('popup-token'), 'data-label', 'Acme classic');
  expect(await textOf(popup, tid('popup-token'))).toContain(`…${SIM_TOKENS.aliceClassic.secret.slice(-4)}`);

  await click(popup, tid('popup-check-token'));
  await expectAttribute(popup, tid('popup-check-result'), 'data-ok', 'true');
  await expectText(popup, tid('token-kind-sentence', tid('popup-check-result')), new RegExp(`classic token: calls go to https://${acme.host.replace(/\./g, '\\.')}/wiki/rest/api/`));

  // The watch state is read on opening; the button flips it through the background, and back.
  const toggle = tid('watch-toggle');
  await expect.poll(() => attributeOf(popup, toggle, 'data-watching'), { timeout: 10_000 }).toMatch(/^(true|false)$/);
  const before = (await attributeOf(popup, toggle, 'data-watching')) === 'true';
  const watchWrites = () =>
    sim.log.filter((e) => e.path.endsWith(`/user/watch/content/${architecture.id}`) && e.method !== 'GET').map((e) => `${e.method} ${e.status}`);
  sim.clearLog();
  await click(popup, toggle);
  await expectAttribute(popup, toggle, 'data-watching', String(!before));
  await expectText(popup, tid('action-result'), before ? /no longer|stopped|unwatch/i : /watch/i);
  await expect.poll(watchWrites).toEqual([before ? 'DELETE 204' : 'POST 204']);
  await ff.saveScreenshot(popup, 'popup-with-token');

  await click(popup, toggle);
  // The toggle shows the new state at once (and would roll back on a failure): the call follows.
  await expectAttribute(popup, toggle, 'data-watching', String(before));
  await expect.poll(watchWrites, { message: 'one write each way' }).toEqual(before ? ['DELETE 204', 'POST 204'] : ['POST 204', 'DELETE 204']);
  // Every call carried the classic token's Basic credentials to the site itself.
  expect(sim.log.filter((e) => e.path.includes('/user/watch/')).every((e) => e.host === acme.host && e.authKind === 'basic')).toBe(true);
});
