import { SIM_PAGES, SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import type { Simulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';

// globex lets anonymous visitors in: it answers a wrong or revoked Basic token as the anonymous
// user, with 200. A page action's answer is shown as the person's only once the token's identity
// there is confirmed; an anonymous token gets the anonymous failure, and no write is sent.
const globex = SIM_SITES.globex;
const welcome = SIM_PAGES.pubWelcome;
const welcomeUrl = `https://${welcome.site}${cloudContentPath(welcome)}`;
const WRONG_SECRET = 'fake-wrong-secret-0123456789abcdefghij-ZZZZ';
const ANONYMOUS_SENTENCE = 'Confluence answered as the anonymous user: it ignored the credentials.';

const onGlobex = (sim: Simulator, pathPart: string) => sim.log.filter((e) => e.host === globex.host && e.path.includes(pathPart));

test('a wrong token on a site with anonymous access: the watch status is the anonymous failure, and no watch is sent', async ({ context, extensionId, sim, openPopup }) => {
  expect(globex.anonymousAccess).toBe(true);
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Globex wrong', kind: 'classic', secret: WRONG_SECRET, site: globex.host });
  // Its check says so too: not healthy.
  await expect(tokenRow(options, 'Globex wrong').getByTestId('token-check-result').first()).toHaveAttribute('data-ok', 'false');

  const page = await context.newPage();
  await page.goto(welcomeUrl);
  sim.clearLog();
  const popup = await openPopup(welcomeUrl);
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Globex wrong');
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'anonymous-fallback');
  await expect(result).toContainText(ANONYMOUS_SENTENCE);
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).not.toHaveAttribute('data-watching', 'true');

  // Watching is refused before the write: its "done" would have been the anonymous user's.
  await toggle.click();
  await expect(popup.getByTestId('action-result')).toHaveAttribute('data-failure', 'anonymous-fallback');
  await expect(popup.getByTestId('action-result')).toContainText(ANONYMOUS_SENTENCE);
  await expect(toggle).not.toHaveAttribute('data-watching', 'true');

  // Each action asked who the token is (the site said: the anonymous user); none reached the page's watch state.
  const asked = onGlobex(sim, '/wiki/rest/api/user/current');
  expect(asked.length).toBeGreaterThanOrEqual(2);
  expect(asked.every((e) => e.status === 200 && e.authKind === 'basic')).toBe(true);
  expect(onGlobex(sim, '/user/watch/')).toEqual([]);
});

test('a token revoked after a good check: checked again, it is anonymous, and the watch status says so', async ({ context, extensionId, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Globex alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: globex.host });
  const row = tokenRow(options, 'Globex alice');
  await expect(row.getByTestId('token-check-result').first()).toHaveAttribute('data-ok', 'true');

  sim.control.revokeToken('aliceClassic');
  await row.getByTestId('token-check').click();
  await expect(row.getByTestId('token-check-result').first()).toHaveAttribute('data-ok', 'false');

  const page = await context.newPage();
  await page.goto(welcomeUrl);
  sim.clearLog();
  const popup = await openPopup(welcomeUrl);
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'anonymous-fallback');
  await expect(result).toContainText(ANONYMOUS_SENTENCE);
  await expect(popup.getByTestId('watch-toggle')).not.toHaveAttribute('data-watching', 'true');
  expect(onGlobex(sim, '/wiki/rest/api/user/current').length).toBeGreaterThanOrEqual(1);
  expect(onGlobex(sim, '/user/watch/')).toEqual([]);
});

test('the right token on that site: confirmed by its check, the watch state is read and shown as the account’s', async ({ context, extensionId, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Globex alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: globex.host });
  await expect(tokenRow(options, 'Globex alice').getByTestId('token-check-result').first()).toHaveAttribute('data-ok', 'true');

  const page = await context.newPage();
  await page.goto(welcomeUrl);
  sim.clearLog();
  const popup = await openPopup(welcomeUrl);
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).not.toHaveAttribute('data-watching', 'unknown');
  await expect(popup.getByTestId('action-result')).toContainText(/^The account of “Globex alice” (watches|does not watch) this page\.$/);
  expect(onGlobex(sim, `/user/watch/content/${welcome.id}`).map((e) => [e.method, e.status])).toEqual([['GET', 200]]);
  // The check already confirmed who the token is there: no second user/current for the action.
  expect(onGlobex(sim, '/wiki/rest/api/user/current')).toEqual([]);
});
