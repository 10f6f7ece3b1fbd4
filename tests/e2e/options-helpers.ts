import type { BrowserContext, Locator, Page } from '@playwright/test';
import { SIM_USERS } from '../simulator/fixtures';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect } from './fixtures';

/*
 * Driving the options page as a person does: open it, add a token through its form. The same
 * steps every spec uses.
 */

export interface TokenEntry {
  label: string;
  kind: 'auto' | 'classic' | 'scoped' | 'dc-pat';
  secret: string;
  /** Default: the simulator's alice. */
  email?: string;
  site?: string;
  dcBaseUrl?: string;
  readOnly?: boolean;
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  return page;
}

export function tokenRow(options: Page, label: string): Locator {
  return options.locator(`[data-testid="token-row"][data-label="${label}"]`);
}

/** Fills the add-token form and saves; waits (up to `checkTimeoutMs`) for the automatic check to end. */
export async function addToken(options: Page, token: TokenEntry, checkTimeoutMs?: number): Promise<void> {
  const form = options.getByTestId('token-form');
  // The row of a token just added may still grow (its check's and health report's results arrive
  // after the check button settles): a click that the shift makes land beside the button is
  // tried again. Opening the form is idempotent, and the button goes once the form is open.
  await expect(async () => {
    if (!(await form.isVisible())) await options.getByTestId('add-token-open').click({ timeout: 2_000 });
    await expect(form).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await form.getByTestId('field-label').fill(token.label);
  await form.getByTestId(`field-kind-${token.kind}`).check();
  if (token.kind === 'dc-pat') {
    await form.getByTestId('field-dc-base-url').fill(token.dcBaseUrl ?? '');
  } else {
    await form.getByTestId('field-email').fill(token.email ?? SIM_USERS.alice.email);
    await form.getByTestId('quick-pick-90').click();
    if (token.site) await form.getByTestId('field-other-sites').fill(token.site);
  }
  await form.getByTestId('field-secret').fill(token.secret);
  if (token.readOnly) await form.getByTestId('field-read-only').check();
  await form.getByTestId('save-token').click();
  const wait = checkTimeoutMs !== undefined ? { timeout: checkTimeoutMs } : {};
  await expect(form).toHaveCount(0, wait);
  await expect(tokenRow(options, token.label).getByTestId('token-check')).toHaveText('Check', wait);
  await expect(tokenRow(options, token.label).getByTestId('token-check-result').first()).toBeVisible(wait);
}

/** The person's local calendar date `days` from today, as a date field takes it. */
export function localDateInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Sets a saved token's expiry date through its edit form. */
export async function setTokenExpiry(options: Page, label: string, expiresOn: string): Promise<void> {
  await tokenRow(options, label).getByTestId('token-edit').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-expiry').fill(expiresOn);
  await form.getByTestId('save-token').click();
  await expect(form).toHaveCount(0);
}

/** A saved token's id (the page never shows it), asked of the background as the page itself asks. */
export async function tokenIdOf(options: Page, label: string): Promise<string> {
  const id = await options.evaluate(async (wanted) => {
    const reply = (await (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'tokens-list' })) as { data?: { tokens: { id: string; label: string }[] } };
    return reply.data?.tokens.find((t) => t.label === wanted)?.id;
  }, label);
  if (!id) throw new Error(`no saved token labelled ${label}`);
  return id;
}
