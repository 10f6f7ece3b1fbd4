import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SIM_PAGES, SIM_SITES, SIM_TOKENS } from '../simulator/fixtures';
import { SIM_EXPORT } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';
import { addToken, openOptions } from './options-helpers';

// axe-core over what a person sees (issue 8 §7): the popup in each of its states and the options
// page, light and dark, with 0 violations of WCAG 2.1 A and AA.
const acme = SIM_SITES.acme;
const pageUrl = `https://${acme.host}${cloudContentPath(SIM_PAGES.releaseNotes)}`;

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // An empty or unreadable page passes no rule either: make sure axe saw the page.
  expect(results.passes.length, 'axe checked nothing').toBeGreaterThan(5);
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function bothSchemes(page: Page, check: () => Promise<void> = async () => {}): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await check();
    found.push(...(await violations(page)).map((v) => `${colorScheme}: ${v}`));
  }
  return found;
}

test('the popup without any token, and on a tab that is not Confluence', async ({ context, openPopup }) => {
  const other = await context.newPage();
  await other.goto('https://example.invalid/').catch(() => undefined);
  const popup = await openPopup();
  expect(await bothSchemes(popup)).toEqual([]);
});

test('the popup on a Confluence page with a token: page card, actions, health report', async ({ context, extensionId, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const page = await context.newPage();
  await page.goto(pageUrl);
  const popup = await openPopup(pageUrl);
  await popup.getByTestId('popup-check-token').click();
  await expect(popup.getByTestId('popup-check-result')).toHaveAttribute('data-ok', 'true');
  expect(await bothSchemes(popup)).toEqual([]);
});

test('the popup on a site none of the tokens is for, and when locked', async ({ context, extensionId, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Globex only', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: SIM_SITES.globex.host });
  const page = await context.newPage();
  await page.goto(pageUrl);
  const popup = await openPopup(pageUrl);
  await expect(popup.getByTestId('no-token-for-site')).toBeVisible();
  expect(await bothSchemes(popup)).toEqual([]);
});

test('the options page with tokens, a health report, reminders and shortcuts', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await options.getByTestId('token-health').click();
  await expect(options.getByTestId('token-health-report')).toHaveAttribute('data-ok', 'true');
  await expect(options.getByTestId('shortcuts-section')).toBeVisible();
  expect(await bothSchemes(options)).toEqual([]);
});

test('the Export page: its choices, and a tree export’s result with a failure', async ({ context, extensionId, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: SIM_EXPORT.host });
  sim.control.failContent(SIM_EXPORT.brokenId, { status: 500 });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/export.html?site=${SIM_EXPORT.host}&page=${SIM_EXPORT.rootId}&scope=tree`);
  await expect(page.getByTestId('export-choices')).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-outcome', 'done');
  await expect(page.getByTestId('export-failure')).toHaveCount(1);
  expect(await bothSchemes(page)).toEqual([]);
});
