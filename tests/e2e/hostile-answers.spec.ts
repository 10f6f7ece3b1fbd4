import type { Worker } from '@playwright/test';
import { SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';

// Hostile answers in real Chromium (the request client refuses redirects and bounds what it
// reads and keeps): a check redirected to another *.atlassian.net host, and a 4 MB displayName.
const acme = SIM_SITES.acme;
const initech = SIM_SITES.initech;
const MAX_TEXT_CHARS = 1_000; // lib/atlassian/schemas/bounds.ts

interface StoredDetection {
  tokenId: string;
  site: string;
  identity?: { accountId: string; displayName?: string };
}

async function storedDetections(sw: Worker): Promise<StoredDetection[]> {
  const stored = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('tokenDetections'));
  const area = stored.tokenDetections as { data?: { detections?: StoredDetection[] } } | undefined;
  return area?.data?.detections ?? [];
}

test('a check whose user/current redirects to another *.atlassian.net host shows the redirect sentence and stores no identity', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
  saveScreenshot,
}) => {
  sim.control.injectFault({
    kind: 'redirect',
    host: acme.host,
    pathPrefix: '/wiki/rest/api/user/current',
    location: `https://${initech.host}/wiki/rest/api/user/current`,
    times: 10,
  });
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Redirected', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });

  const result = tokenRow(options, 'Redirected').getByTestId('token-check-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(`${acme.host} answered with a redirect to another address, so the answer was not trusted.`);
  await expect(result.locator('[data-failure]')).toHaveAttribute('data-failure', 'redirected');
  await expect(result).not.toContainText('signs in as');
  await saveScreenshot(options, 'hostile-redirect');

  // The browser never went to the other host, and nothing was learnt about who the token is.
  const userCalls = sim.log.filter((e) => e.path.startsWith('/wiki/rest/api/user/current'));
  expect(userCalls.map((e) => [e.host, e.status])).toEqual([[acme.host, 302]]);
  expect(sim.log.filter((e) => e.host === initech.host)).toEqual([]);
  expect((await storedDetections(serviceWorker)).filter((d) => d.identity !== undefined)).toEqual([]);
  await expect(tokenRow(options, 'Redirected').getByTestId('token-detected')).toHaveCount(0);
});

test('a 4 MB displayName does not freeze the options page: the check result shows within seconds, nothing unbounded is stored', async ({
  context,
  extensionId,
  serviceWorker,
  sim,
}) => {
  const secret = 'SIMclassic-huge-name-Kd3mP8sQ2w';
  sim.control.addToken({
    name: 'hugeName',
    kind: 'classic',
    secret,
    user: { ...SIM_USERS.alice, key: 'huge', accountId: '557058:huge-name', displayName: 'N'.repeat(4 * 1024 * 1024) },
    sites: [acme.host],
  });
  const options = await openOptions(context, extensionId);
  const started = Date.now();
  await addToken(options, { label: 'Huge name', kind: 'classic', secret, site: acme.host }, 8_000);
  expect(Date.now() - started, 'form, save and check, in ms').toBeLessThan(8_000);

  const row = tokenRow(options, 'Huge name');
  const result = row.getByTestId('token-check-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('the answer was larger than 2 MB');
  await expect(result.locator('[data-failure]')).toHaveAttribute('data-failure', 'malformed-response');

  // The page still answers at once, and shows nothing of the name.
  const t0 = Date.now();
  const shownChars = await options.evaluate(() => document.body.innerText.length);
  expect(Date.now() - t0, 'the page answers at once').toBeLessThan(1_000);
  expect(shownChars).toBeLessThan(20_000);

  // Stored: no identity from this answer, and any identity is bounded.
  const detections = await storedDetections(serviceWorker);
  expect(detections.filter((d) => d.identity?.accountId === '557058:huge-name')).toEqual([]);
  for (const d of detections) expect(d.identity?.displayName?.length ?? 0).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  const local = await serviceWorker.evaluate(async () => JSON.stringify(await (globalThis as ExtensionGlobal).chrome.storage.local.get(null)).length);
  expect(local, 'characters in storage.local').toBeLessThan(200_000);
});
