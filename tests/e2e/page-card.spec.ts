import type { BrowserContext, Page } from '@playwright/test';
import { SIM_PAGES, SIM_SCOPES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import type { RequestLogEntry, Simulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';
import { addToken, openOptions } from './options-helpers';

// The popup as a page card with the everyday actions (issue 8 §1), in real Chromium against the
// simulator: the card, watching the page and its space (each toggle at once, rolled back when
// the call fails), each copy read back from the clipboard, and the choice between two tokens.
const acme = SIM_SITES.acme;
const notes = SIM_PAGES.releaseNotes;
const notesUrl = `https://${notes.site}${cloudContentPath(notes)}`;
const pageWatchPath = `/wiki/rest/api/user/watch/content/${notes.id}`;
const spaceWatchPath = '/wiki/rest/api/user/watch/space/ENG';

const writes = (sim: Simulator, path: string): string[] => sim.log.filter((e: RequestLogEntry) => e.path.startsWith(path) && e.method !== 'GET').map((e) => e.method);

/** The Confluence page in a tab, and the popup for that tab once its card is read. */
async function openCard(context: BrowserContext, openPopup: (url: string) => Promise<Page>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(notesUrl);
  const popup = await openPopup(notesUrl);
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  return popup;
}

async function addAlice(context: BrowserContext, extensionId: string, extra: { readOnly?: boolean } = {}): Promise<Page> {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host, ...extra });
  return options;
}

test('the page card shows the page, and both watches round-trip through Confluence (screenshots, light and dark)', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const popup = await openCard(context, openPopup);

  await expect(popup.getByTestId('page-title')).toHaveText('Release Notes');
  await expect(popup.getByRole('heading', { name: 'Release Notes' })).toBeVisible();
  await expect(popup.getByTestId('page-space')).toHaveText('Engineering (ENG)');
  await expect(popup.getByTestId('page-id')).toHaveText(notes.id);
  await expect(popup.getByTestId('page-type')).toHaveText('page');
  await expect(popup.getByTestId('page-version')).toHaveText(String(notes.version.number));
  await expect(popup.getByTestId('page-updated')).toContainText(`by ${SIM_USERS.bob.displayName} on `);
  await expect(popup.getByTestId('page-updated').locator('time')).toHaveAttribute('datetime', notes.version.when);
  await expect(popup.getByTestId('page-label')).toHaveText(['release', 'notes']);

  // State read from Confluence on opening: Alice watches the space ENG, not the page.
  const pageToggle = popup.getByTestId('watch-toggle');
  const spaceToggle = popup.getByTestId('space-watch-toggle');
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');
  await expect(popup.getByTestId('space-watch-result')).toHaveText('The account of “Alice” watches the space ENG.');
  await expect(popup.getByTestId('copied-text')).toHaveAttribute('data-state', 'idle');

  await saveScreenshot(popup, 'popup-page-card');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(popup, 'popup-page-card-dark');
  await popup.emulateMedia({ colorScheme: 'light' });

  sim.clearLog();
  await pageToggle.click();
  await expect(pageToggle).toHaveAttribute('data-watching', 'true');
  await expect(pageToggle).toHaveText('Unwatch this page');
  await expect(popup.getByTestId('action-result')).toContainText('The account of “Alice” now watches this page');
  await pageToggle.click();
  await expect(popup.getByTestId('action-result')).toContainText('The account of “Alice” no longer watches this page.');
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');
  expect(writes(sim, pageWatchPath)).toEqual(['POST', 'DELETE']);

  // The space toggle shows its new state at once, while Confluence is still answering.
  sim.control.setLatency(800);
  await spaceToggle.click();
  await expect(spaceToggle).toHaveAttribute('data-watching', 'false', { timeout: 300 });
  await expect(spaceToggle).toHaveAttribute('aria-busy', 'true');
  await expect(popup.getByTestId('space-watch-result')).toHaveText('The account of “Alice” no longer watches the space ENG.');
  await expect(spaceToggle).toHaveAttribute('aria-busy', 'false');
  sim.control.setLatency(0);
  await spaceToggle.click();
  await expect(popup.getByTestId('space-watch-result')).toContainText('The account of “Alice” now watches the space ENG');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');
  expect(writes(sim, spaceWatchPath)).toEqual(['DELETE', 'POST']);
  expect(writes(sim, pageWatchPath)).toEqual(['POST', 'DELETE']);
});

test('a space watch that fails goes back to what it was, with the reason', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const popup = await openCard(context, openPopup);
  const spaceToggle = popup.getByTestId('space-watch-toggle');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');

  sim.clearLog();
  sim.control.setLatency(800);
  sim.control.injectFault({ host: acme.host, pathPrefix: spaceWatchPath, kind: 'status', status: 403 });
  await spaceToggle.click();
  // At once: shown as not watched any more…
  await expect(spaceToggle).toHaveAttribute('data-watching', 'false', { timeout: 300 });
  // …then back, with what Confluence said and what to do.
  const result = popup.getByTestId('space-watch-result');
  await expect(result).toHaveAttribute('data-failure', 'no-permission-or-not-found');
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(result).toContainText('Fix:');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');
  await expect(spaceToggle).toHaveText('Unwatch this space');
  expect(sim.log.filter((e) => e.path.startsWith(spaceWatchPath)).map((e) => [e.method, e.status])).toEqual([['DELETE', 403]]);
  await saveScreenshot(popup, 'popup-space-watch-failed');
});

test('each copy button puts its text on the clipboard, shows it, and never the token or the email', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  await addAlice(context, extensionId);
  const popup = await openCard(context, openPopup);
  // Chromium will not grant a permission to the extension's origin by name ("opaque origin"):
  // granted to every origin of this test's browser instead.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.bringToFront();

  const link = `https://${acme.host}${cloudContentPath(notes)}`;
  const expected: Record<string, string | RegExp> = {
    link,
    'tiny-link': `https://${acme.host}/wiki/x/LIQHD`,
    id: notes.id,
    markdown: `[Release Notes](${link})`,
    'rest-v1': `https://${acme.host}/wiki/rest/api/content/${notes.id}`,
    'rest-v2': `https://${acme.host}/wiki/api/v2/pages/${notes.id}`,
    curl: `curl --fail-with-body -sS -u "$ATLASSIAN_EMAIL:$ATLASSIAN_API_TOKEN" -H 'Accept: application/json' 'https://${acme.host}/wiki/rest/api/content/${notes.id}?expand=body.storage,version'`,
  };
  const status = popup.getByTestId('copied-text');
  // Where the part below the actions starts on the page (not in the viewport: a click scrolls).
  const below = () => popup.getByTestId('tokens-section').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  for (const [kind, text] of Object.entries(expected)) {
    await popup.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
    const top = await below();
    await popup.getByTestId(`copy-${kind}`).click();
    await expect(status).toHaveAttribute('data-state', 'copied');
    await expect(status).toHaveAttribute('data-kind', kind);
    await expect(status).toContainText('Copied');
    await expect(popup.getByTestId('copied-value')).toHaveText(text);
    const clipboard = await popup.evaluate(() => navigator.clipboard.readText());
    expect(clipboard, kind).toBe(text);
    expect(clipboard).not.toContain(SIM_TOKENS.aliceClassic.secret);
    expect(clipboard).not.toContain(SIM_USERS.alice.email);
    // "Copied" and the text appear in a box of fixed height: nothing below moves.
    expect(await below(), `layout after copying ${kind}`).toBe(top);
  }
  expect(sim.log.some((e) => e.path.startsWith(`/wiki/rest/api/content/${notes.id}`))).toBe(true);
  await saveScreenshot(popup, 'popup-page-card-copied');

  // From the keyboard: the button keeps the focus, the copy works the same.
  await popup.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
  const copyId = popup.getByTestId('copy-id');
  await copyId.focus();
  await popup.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-kind', 'id');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(notes.id);
  await expect(copyId).toBeFocused();
  await expect(copyId).toHaveAccessibleName('Page id');
});

test('two tokens for one site: the popup says which one it uses, and the one picked is used and kept', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  const options = await addAlice(context, extensionId);
  await addToken(options, { label: 'Bob', kind: 'classic', secret: SIM_TOKENS.bobClassic.secret, email: SIM_USERS.bob.email, site: acme.host });
  const popup = await openCard(context, openPopup);

  const choice = popup.getByTestId('token-choice');
  await expect(choice.locator('option')).toHaveText(['Alice', 'Bob']);
  await expect(choice.locator('option:checked')).toHaveText('Alice');
  await expect(popup.getByLabel('Token used on this site')).toBeVisible();
  await expect(popup.getByTestId('action-result')).toContainText('“Alice”');

  sim.clearLog();
  await choice.selectOption({ label: 'Bob' });
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Bob');
  await expect(popup.getByTestId('action-result')).toHaveText(/^The account of “Bob” (watches|does not watch) this page\.$/);
  await expect(popup.getByTestId('space-watch-result')).toContainText('“Bob”');
  await expect(popup.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  // Page state read again, each call with Bob's token.
  const reads = sim.log.filter((e) => e.host === acme.host && (e.path.startsWith('/wiki/rest/api/user/watch/') || e.path.startsWith(`/wiki/rest/api/content/${notes.id}`)));
  expect(reads.length).toBeGreaterThanOrEqual(3);
  expect(reads.every((e) => e.tokenLabel === 'bobClassic')).toBe(true);
  // The health check follows the chosen token too.
  await popup.getByTestId('popup-check-token').click();
  await expect(popup.getByTestId('popup-check-result')).toContainText(`Signs in as ${SIM_USERS.bob.displayName}`);

  await popup.close();
  const again = await openPopup(notesUrl);
  await expect(again.getByTestId('page-card')).toHaveAttribute('data-state', 'ready');
  await expect(again.getByTestId('token-choice').locator('option:checked')).toHaveText('Bob');
  await expect(again.getByTestId('popup-token')).toHaveAttribute('data-label', 'Bob');
  await expect(again.getByTestId('action-result')).toContainText('“Bob”');
  await saveScreenshot(again, 'popup-token-choice');
});

test('a scoped token without write:watcher:confluence is told which scope to add when it tries to watch', async ({ context, extensionId, sim, openPopup }) => {
  const secret = 'SIMscoped-alice-nowrite-Lm3kJ8hG2f';
  sim.control.addToken({
    name: 'aliceScopedNoWrite',
    kind: 'scoped',
    secret,
    user: 'alice',
    sites: [acme.host],
    scopes: SIM_SCOPES.companion.filter((s) => s !== 'write:watcher:confluence'),
  });
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Scoped, no write', kind: 'scoped', secret, site: acme.host });
  const popup = await openCard(context, openPopup);
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).toHaveAttribute('data-watching', 'false');

  await toggle.click();
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'missing-scope');
  await expect(result).toContainText('write:watcher:confluence');
  await expect(toggle).toHaveAttribute('data-watching', 'false');
  const sent = sim.log.filter((e) => e.path.includes(`/user/watch/content/${notes.id}`) && e.method === 'POST');
  // Through the gateway, which refused it: the page is not watched.
  expect(sent.map((e) => e.host)).toEqual(sent.map(() => 'api.atlassian.com'));
  expect(sent.filter((e) => e.status >= 200 && e.status < 300)).toEqual([]);
});

test("a read-only token's watches are refused before the network", async ({ context, extensionId, sim, openPopup }) => {
  await addAlice(context, extensionId, { readOnly: true });
  const popup = await openCard(context, openPopup);
  const pageToggle = popup.getByTestId('watch-toggle');
  const spaceToggle = popup.getByTestId('space-watch-toggle');
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');

  sim.clearLog();
  await pageToggle.click();
  await expect(popup.getByTestId('action-result')).toHaveAttribute('data-failure', 'read-only-refused');
  await spaceToggle.click();
  await expect(popup.getByTestId('space-watch-result')).toHaveAttribute('data-failure', 'read-only-refused');
  await expect(popup.getByTestId('space-watch-result')).toContainText(/read-only/i);
  await expect(pageToggle).toHaveAttribute('data-watching', 'false');
  await expect(spaceToggle).toHaveAttribute('data-watching', 'true');
  expect(sim.log.filter((e) => e.method !== 'GET')).toEqual([]);
  expect(sim.log.filter((e) => e.path.includes('/user/watch/'))).toEqual([]);
});
