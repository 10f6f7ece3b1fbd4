import type { BrowserContext, Locator, Page } from '@playwright/test';
import { SIM_USERS } from '../simulator/fixtures';
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
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
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
