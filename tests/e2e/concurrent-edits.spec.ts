import type { Page } from '@playwright/test';
import { SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';

// Two options tabs editing one token: a form filled before the other tab saved must not undo
// that save (tokens-update carries the revision the form was filled from), and a form whose
// token was removed elsewhere keeps what was typed.
const acme = SIM_SITES.acme;
const STALE = 'This token was changed in another window: reload to see the change, then edit it again.';
const REMOVED = 'This token was removed in another window; what you typed is kept: save it as a new token or cancel.';

interface StoredToken {
  id: string;
  label: string;
  readOnly: boolean;
  expiresOn?: string;
  revision: string;
}

/** The saved tokens as the background lists them (tokens-list, asked from an options page). */
async function savedTokens(page: Page): Promise<StoredToken[]> {
  return page.evaluate(async () => {
    const reply = (await (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'tokens-list' })) as { data: { tokens: StoredToken[] } };
    return reply.data.tokens;
  });
}

test('a stale edit form is refused instead of undoing the other tab’s change, and Reload keeps what was typed', async ({ context, extensionId, saveScreenshot }) => {
  const tabA = await openOptions(context, extensionId);
  await addToken(tabA, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const [original] = await savedTokens(tabA);
  expect(original).toMatchObject({ label: 'Acme classic', readOnly: false });
  const tabB = await openOptions(context, extensionId);

  // Tab A opens the edit form and changes only the expiry.
  await tokenRow(tabA, 'Acme classic').getByTestId('token-edit').click();
  const formA = tabA.getByTestId('token-form');
  await formA.getByTestId('quick-pick-30').click();
  const expiryTypedInA = await formA.getByTestId('field-expiry').inputValue();
  expect(expiryTypedInA).not.toBe(original!.expiresOn);

  // Tab B turns read-only on, renames the token and saves.
  await tokenRow(tabB, 'Acme classic').getByTestId('token-edit').click();
  const formB = tabB.getByTestId('token-form');
  await formB.getByTestId('field-label').fill('Acme read-only');
  await formB.getByTestId('field-read-only').check();
  await formB.getByTestId('save-token').click();
  await expect(formB).toHaveCount(0);
  await expect(tokenRow(tabB, 'Acme read-only').getByTestId('token-read-only')).toBeVisible();

  // Tab A saves its stale form: refused, everything typed kept, B's values stored.
  await formA.getByTestId('save-token').click();
  await expect(formA.getByTestId('form-stale')).toContainText(STALE);
  await expect(formA.getByTestId('field-label')).toHaveValue('Acme classic');
  await expect(formA.getByTestId('field-read-only')).not.toBeChecked();
  await expect(formA.getByTestId('field-expiry')).toHaveValue(expiryTypedInA);
  await saveScreenshot(tabA, 'options-edit-stale');
  const afterStale = await savedTokens(tabA);
  expect(afterStale).toHaveLength(1);
  expect(afterStale[0]).toMatchObject({ id: original!.id, label: 'Acme read-only', readOnly: true, expiresOn: original!.expiresOn });
  expect(afterStale[0]!.revision).not.toBe(original!.revision);

  // Reload: B's label and read-only switch (fields A had not touched), A's expiry (typed).
  await formA.getByTestId('reload-token').click();
  await expect(formA.getByTestId('form-reloaded')).toBeVisible();
  await expect(formA.getByTestId('form-stale')).toHaveCount(0);
  await expect(formA.getByTestId('field-label')).toHaveValue('Acme read-only');
  await expect(formA.getByTestId('field-read-only')).toBeChecked();
  await expect(formA.getByTestId('field-expiry')).toHaveValue(expiryTypedInA);
  await formA.getByTestId('save-token').click();
  await expect(formA).toHaveCount(0);
  await expect(tokenRow(tabA, 'Acme read-only').getByTestId('token-read-only')).toBeVisible();
  expect(await savedTokens(tabB)).toEqual([expect.objectContaining({ id: original!.id, label: 'Acme read-only', readOnly: true, expiresOn: expiryTypedInA })]);
});

test('a form whose token was removed in another tab keeps what was typed and saves it as a new token', async ({ context, extensionId, saveScreenshot }) => {
  const tabA = await openOptions(context, extensionId);
  await addToken(tabA, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const [original] = await savedTokens(tabA);
  const tabB = await openOptions(context, extensionId);
  tabB.on('dialog', (dialog) => void dialog.accept()); // "Remove the token …?"

  await tokenRow(tabA, 'Acme classic').getByTestId('token-edit').click();
  const formA = tabA.getByTestId('token-form');
  await formA.getByTestId('field-label').fill('Typed in A');
  await formA.getByTestId('field-read-only').check();

  await tokenRow(tabB, 'Acme classic').getByTestId('token-remove').click();
  await expect(tokenRow(tabB, 'Acme classic')).toHaveCount(0);

  // The tokens notice reloads tab A's list: the token is gone, the form and what was typed stay.
  await expect(formA.getByTestId('form-removed')).toHaveText(REMOVED);
  await expect(formA.getByTestId('field-label')).toHaveValue('Typed in A');
  await expect(formA.getByTestId('field-read-only')).toBeChecked();
  await expect(formA.getByTestId('save-token')).toHaveText('Save as a new token');
  await saveScreenshot(tabA, 'options-edit-removed');

  // Saved as new: the secret is needed again (the old one went with the token).
  await formA.getByTestId('save-token').click();
  await expect(formA.getByTestId('field-error-secret')).toBeVisible();
  expect(await savedTokens(tabA)).toEqual([]);
  await formA.getByTestId('field-secret').fill(SIM_TOKENS.aliceClassic.secret);
  await formA.getByTestId('save-token').click();
  await expect(formA).toHaveCount(0);
  await expect(tokenRow(tabA, 'Typed in A').getByTestId('token-read-only')).toBeVisible();
  const saved = await savedTokens(tabB);
  expect(saved).toEqual([expect.objectContaining({ label: 'Typed in A', readOnly: true })]);
  expect(saved[0]!.id).not.toBe(original!.id);
});
