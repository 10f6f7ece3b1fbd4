import type { Page } from 'puppeteer-core';
import { SIM_USERS } from '../simulator/fixtures';
import { click, expectCount, expectText, fill, press, tid } from './harness';

// What a person does in the options page, in the Firefox suite (tests/e2e/tokens.spec.ts has the
// Chromium twin; the selectors are the same data-testid attributes of components/).

export interface TokenEntry {
  label: string;
  kind: 'auto' | 'classic' | 'scoped';
  secret: string;
  email?: string;
  site?: string;
}

/** The row of the token labelled `label` in the options page. */
export function row(label: string): string {
  return `[data-testid="token-row"][data-label="${label}"]`;
}

/** Fills the add-token form as a person would and saves; waits for the automatic check to end. */
export async function addToken(options: Page, token: TokenEntry): Promise<void> {
  // From the keyboard: the previous token's check may still be adding lines above the button.
  await press(options, tid('add-token-open'));
  const form = tid('token-form');
  await fill(options, tid('field-label', form), token.label);
  await click(options, tid(`field-kind-${token.kind}`, form));
  await fill(options, tid('field-email', form), token.email ?? SIM_USERS.alice.email);
  await click(options, tid('quick-pick-90', form));
  if (token.site) await fill(options, tid('field-other-sites', form), token.site);
  await fill(options, tid('field-secret', form), token.secret);
  await click(options, tid('save-token', form));
  await expectCount(options, form, 0);
  await expectText(options, tid('token-check', row(token.label)), 'Check');
  await expectCount(options, tid('token-check-result', row(token.label)), 1);
}
