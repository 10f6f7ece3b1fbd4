import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';

// A token goes only to the sites the person chose. Anyone can create an *.atlassian.net site, so
// opening the popup on a site the token is not for sends nothing; the popup asks first.
const acme = SIM_SITES.acme;
const globex = SIM_SITES.globex;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;
const secret = SIM_TOKENS.aliceClassic.secret;

test('the popup on a site no token is for sends nothing, and asks once before using one there', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  // A token for globex only (unticking the known sites the form pre-ticks).
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-label').fill('Globex classic');
  await form.getByTestId('field-kind-classic').check();
  await form.getByTestId('field-email').fill(SIM_USERS.alice.email);
  await form.getByTestId('quick-pick-90').click();
  for (const box of await form.locator('input[type="checkbox"][data-testid^="field-site-"]').all()) await box.uncheck();
  await form.getByTestId('field-other-sites').fill(globex.host);
  await form.getByTestId('field-secret').fill(secret);
  await form.getByTestId('save-token').click();
  await expect(options.locator('[data-testid="token-row"][data-label="Globex classic"]').getByTestId('token-sites')).toHaveText(globex.host);

  const page = await context.newPage();
  await page.goto(architectureUrl);
  sim.clearLog();
  const popup = await openPopup(architectureUrl);
  const offer = popup.locator('[data-testid="allow-token-site"][data-label="Globex classic"]');
  await expect(offer).toHaveText(`Use “Globex classic” on ${acme.host}`);
  await expect(popup.getByTestId('no-token-for-site')).toContainText('nothing has been sent there');
  await expect(popup.getByTestId('watch-toggle')).toHaveCount(0);
  await saveScreenshot(popup, 'popup-allow-site');
  expect(sim.log.filter((e) => e.authKind !== 'none'), 'no credential reached any host').toEqual([]);

  // The person's answer: from now on the token is for acme too, and the popup reads the watch state.
  await offer.click();
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Globex classic');
  await expect(popup.getByTestId('watch-toggle')).not.toHaveAttribute('data-watching', 'unknown');
  expect(sim.log.some((e) => e.host === acme.host && e.path.endsWith(`/user/watch/content/${architecture.id}`))).toBe(true);
  await options.reload();
  await expect(options.locator('[data-testid="token-row"][data-label="Globex classic"]').getByTestId('token-sites')).toHaveText(`${globex.host}, ${acme.host}`);
});
