import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { e2eSettings } from '../support/e2e-settings';
import { expect, test } from './fixtures';
import { addToken, localDateInDays, openOptions, setTokenExpiry, tokenIdOf, tokenRow } from './options-helpers';

// "Replace token", the renew flow of issue 7: a reminder's "Renew" opens options.html#renew=<id>,
// where a renewed token's new secret and expiry replace the old ones and everything else stays.

const acme = SIM_SITES.acme;
const OLD = SIM_TOKENS.aliceRevokedClassic;
const NEW = SIM_TOKENS.aliceClassic;

/** A read-only classic token for acme whose secret Alice revoked, expiring in 3 days. */
async function expiringToken(options: Page): Promise<{ id: string; expiresOn: string }> {
  await addToken(options, { label: 'Work', kind: 'classic', secret: OLD.secret, site: acme.host, readOnly: true }, 20_000);
  await expect(tokenRow(options, 'Work').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'false');
  const expiresOn = localDateInDays(3);
  await setTokenExpiry(options, 'Work', expiresOn);
  return { id: await tokenIdOf(options, 'Work'), expiresOn };
}

/** The options page as the notification's "Renew" button opens it. */
async function openRenew(options: Page, extensionId: string, id: string): Promise<Page> {
  const page = await options.context().newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#renew=${id}`);
  await expect(page.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  return page;
}

test('Renew: the new secret and expiry replace the old, everything else stays, and the token is checked again at once', async ({ context, extensionId, sim, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  const { id, expiresOn } = await expiringToken(options);
  const row = tokenRow(options, 'Work');
  await expect(row.getByTestId('token-expiry')).toContainText(expiresOn);

  const renew = await openRenew(options, extensionId, id);
  const form = renew.getByTestId('replace-form');
  await expect(form).toBeVisible();
  await expect(renew.getByTestId('token-form')).toHaveCount(0); // not the ordinary edit form
  expect(new URL(renew.url()).hash).toBe(''); // a reload does not open it again
  await expect(form.getByTestId('replace-secret')).toBeFocused();
  await expect(form.getByTestId('replace-kept-label')).toHaveText('Work');
  await expect(form.getByTestId('replace-kept-kind')).toHaveText('classic token');
  await expect(form.getByTestId('replace-kept-email')).toHaveText(SIM_USERS.alice.email);
  await expect(form.getByTestId('replace-kept-sites')).toHaveText(acme.host);
  await expect(form.getByTestId('replace-kept-read-only')).toContainText('yes');
  await expect(form.getByTestId('replace-kept-secret')).toContainText(expiresOn);
  await expect(form.getByTestId('replace-tokens-page')).toHaveAttribute('href', 'https://id.atlassian.com/manage-profile/security/api-tokens');

  // Nothing typed: both fields say what they need, and nothing is sent.
  await form.getByTestId('replace-save').click();
  await expect(form.getByTestId('replace-error-secret')).toHaveText('Paste the new token.');
  await expect(form.getByTestId('replace-error-expiresOn')).toContainText('Enter the expiry date');
  await expect(form.getByTestId('replace-secret')).toBeFocused();

  const newExpiry = localDateInDays(90);
  await form.getByTestId('replace-secret').fill(NEW.secret);
  await form.getByTestId('replace-quick-pick-90').click();
  await expect(form.getByTestId('replace-expiry')).toHaveValue(newExpiry);
  await expect(form.getByTestId('replace-error-secret')).toHaveCount(0);
  // The whole page, and the form alone at full size, in light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await renew.emulateMedia({ colorScheme: scheme });
    const name = scheme === 'light' ? 'renew-replace-form' : 'renew-replace-form-dark';
    await saveScreenshot(renew, name);
    await form.screenshot({ path: join(e2eSettings.artifactsDir, `${name}-detail.png`) });
  }
  await renew.emulateMedia({ colorScheme: 'light' });

  // Slow enough to see the sentence while the check runs.
  sim.clearLog();
  sim.control.setLatency(800);
  await form.getByTestId('replace-save').click();
  await expect(form).toHaveCount(0);
  const renewed = tokenRow(renew, 'Work');
  await expect(renewed.getByTestId('token-replaced')).toHaveText('Token replaced; checking it now…');
  await expect(renewed.getByTestId('token-check')).toHaveText('Checking…');
  await expect(renewed.getByTestId('token-replaced')).toHaveText('Token replaced.', { timeout: 15_000 });
  sim.control.setLatency(0);

  // Kept: label, kind, sites, read-only. New: the secret and the expiry. Working as Alice.
  await expect(renewed.getByTestId('token-kind')).toHaveAttribute('data-kind', 'classic');
  await expect(renewed.getByTestId('token-sites')).toHaveText(acme.host);
  await expect(renewed.getByTestId('token-read-only')).toBeVisible();
  await expect(renewed.getByTestId('token-secret-hint')).toHaveText(`…${NEW.secret.slice(-4)}`);
  await expect(renewed.getByTestId('token-expiry')).toContainText(newExpiry);
  const result = renewed.getByTestId('token-check-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText(SIM_USERS.alice.displayName);
  await expect(renewed.getByTestId('token-detected')).toHaveAttribute('data-kind', 'classic');
  await saveScreenshot(renew, 'renew-replaced-row');

  // The check sent the new secret, and only it, to acme.
  const calls = sim.log.filter((e) => e.authKind !== 'none');
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((e) => e.host === acme.host && e.tokenPresented === NEW.name)).toBe(true);
  expect(calls.some((e) => e.path.startsWith('/wiki/rest/api/user/current') && e.status === 200 && e.tokenLabel === NEW.name)).toBe(true);

  // The first page heard of the change too, and no page shows either secret.
  await expect(tokenRow(options, 'Work').getByTestId('token-expiry')).toContainText(newExpiry);
  for (const page of [options, renew]) {
    const html = await page.content();
    expect(html).not.toContain(NEW.secret);
    expect(html).not.toContain(OLD.secret);
  }
});

test('Replace token from the row: a change saved meanwhile in another window is not undone, and nothing typed is lost', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await expiringToken(options);
  await tokenRow(options, 'Work').getByTestId('token-replace').click();
  const form = options.getByTestId('replace-form');
  await form.getByTestId('replace-secret').fill(NEW.secret);
  await form.getByTestId('replace-expiry').fill(localDateInDays(30));

  // Another window renames the token while the form is open.
  const other = await openOptions(context, extensionId);
  await tokenRow(other, 'Work').getByTestId('token-edit').click();
  await other.getByTestId('field-label').fill('Work (CI)');
  await other.getByTestId('save-token').click();
  await expect(tokenRow(other, 'Work (CI)')).toBeVisible();

  await form.getByTestId('replace-save').click();
  await expect(form.getByTestId('replace-stale')).toContainText('changed in another window');
  await expect(form.getByTestId('replace-secret')).toHaveValue(NEW.secret);
  await form.getByTestId('replace-reload').click();
  await expect(form.getByTestId('replace-reloaded')).toBeVisible();
  await expect(form.getByTestId('replace-kept-label')).toHaveText('Work (CI)');
  await expect(form.getByTestId('replace-secret')).toHaveValue(NEW.secret);
  await form.getByTestId('replace-save').click();
  await expect(form).toHaveCount(0);
  const row = tokenRow(options, 'Work (CI)');
  await expect(row.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true', { timeout: 15_000 });
  await expect(row.getByTestId('token-read-only')).toBeVisible();
});

test('Replace token while locked: says to unlock first, keeps what was typed, and replaces once unlocked', async ({ context, extensionId }) => {
  const passphrase = 'correct horse battery staple';
  const options = await openOptions(context, extensionId);
  const { id } = await expiringToken(options);
  await options.getByTestId('passphrase-new').fill(passphrase);
  await options.getByTestId('passphrase-confirm').fill(passphrase);
  await options.getByTestId('passphrase-set').click();
  await options.getByTestId('passphrase-lock').click();
  await expect(options.getByTestId('lock-state')).toHaveAttribute('data-lock', 'locked');

  const renew = await openRenew(options, extensionId, id);
  const form = renew.getByTestId('replace-form');
  await expect(form.getByTestId('replace-locked')).toContainText('unlock them under Passphrase lock first');
  const newExpiry = localDateInDays(30);
  await form.getByTestId('replace-secret').fill(NEW.secret);
  await form.getByTestId('replace-expiry').fill(newExpiry);
  await form.getByTestId('replace-save').click();
  await expect(form.getByTestId('replace-error')).toHaveText(
    'Your tokens are locked. Unlock them with your passphrase to replace this secret: it is encrypted with the same key.',
  );
  await expect(form.getByTestId('replace-secret')).toHaveValue(NEW.secret);
  await expect(form.getByTestId('replace-expiry')).toHaveValue(newExpiry);

  await renew.getByTestId('unlock-passphrase').fill(passphrase);
  await renew.getByTestId('unlock-submit').click();
  await expect(renew.getByTestId('lock-state')).toHaveAttribute('data-lock', 'unlocked');
  await expect(form.getByTestId('replace-locked')).toHaveCount(0);
  await expect(form.getByTestId('replace-secret')).toHaveValue(NEW.secret);
  await form.getByTestId('replace-save').click();
  await expect(form).toHaveCount(0);
  const row = tokenRow(renew, 'Work');
  await expect(row.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true', { timeout: 15_000 });
  await expect(row.getByTestId('token-expiry')).toContainText(newExpiry);
});
