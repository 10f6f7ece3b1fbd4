import { SIM_DC, SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import type { RequestLogEntry, Simulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import type { ExtensionGlobal } from '../support/extension-global';
import { expect, test } from './fixtures';
import { addToken, openOptions, tokenRow } from './options-helpers';

// Tokens in real Chromium against the simulator (issue: tokens): the options page, kind detection,
// the read-only guard, rate limits, the passphrase lock, and where a secret may never appear.
const acme = SIM_SITES.acme;
const alice = SIM_USERS.alice;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;
const PASSPHRASE = 'correct horse battery staple';

const row = tokenRow;

function requestsTo(sim: Simulator, pathPart: string, method?: string): RequestLogEntry[] {
  return sim.log.filter((e) => e.path.includes(pathPart) && (method === undefined || e.method === method));
}

test('adds a classic, a scoped and a Data Center token through the options page', async ({ context, extensionId, sim }) => {
  const options = await openOptions(context, extensionId);

  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const classic = row(options, 'Acme classic');
  await expect(classic.getByTestId('token-secret-hint')).toHaveText(`…${SIM_TOKENS.aliceClassic.secret.slice(-4)}`);
  await expect(classic.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  await expect(classic.getByTestId('token-kind-sentence')).toContainText('classic token');

  await addToken(options, { label: 'Acme scoped', kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret, site: acme.host });
  const scoped = row(options, 'Acme scoped');
  await expect(scoped.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  // The scoped token's check went through the gateway, never with Bearer.
  const gatewayCalls = sim.log.filter((e) => e.host === 'api.atlassian.com' && e.path.includes('/user/current'));
  expect(gatewayCalls.length).toBeGreaterThan(0);
  expect(gatewayCalls.every((e) => e.authKind === 'basic')).toBe(true);

  await addToken(options, { label: 'DC server', kind: 'dc-pat', secret: SIM_TOKENS.carolPat.secret, dcBaseUrl: SIM_DC.baseUrl });
  const dc = row(options, 'DC server');
  await expect(dc).toContainText('Data Center personal access token');
  // Until the person grants access to that server, nothing is sent there.
  await expect(dc.getByTestId('token-check-result')).toContainText(`Allow access to https://${SIM_DC.host}`);
  await expect(dc.getByTestId('token-grant-permission')).toBeVisible();
  expect(sim.log.filter((e) => e.host === SIM_DC.host)).toEqual([]);

  await expect(options.getByTestId('token-row')).toHaveCount(3);
});

test('each mistake in the form gets a message next to its field and nothing typed is lost', async ({ context, extensionId, sim, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-label').fill('Broken');
  await form.getByTestId('field-email').fill('not-an-email');
  // The message shows as soon as the person leaves the field, before any Save.
  await form.getByTestId('field-email').blur();
  await expect(form.getByTestId('field-error-email')).toContainText('name@example.com');
  await expect(form.getByTestId('field-error-secret')).toHaveCount(0);
  await form.getByTestId('field-expiry').fill('2020-01-01');
  await form.getByTestId('field-other-sites').fill('example.com');

  // Switching to Data Center and back loses nothing typed for Cloud.
  await form.getByTestId('field-kind-dc-pat').check();
  await expect(form.getByTestId('field-email')).toHaveCount(0);
  await expect(form.getByTestId('field-dc-base-url')).toBeVisible();
  await form.getByTestId('field-kind-auto').check();
  await expect(form.getByTestId('field-email')).toHaveValue('not-an-email');

  await form.getByTestId('save-token').click();
  for (const field of ['email', 'secret', 'expiresOn', 'sites']) await expect(form.getByTestId(`field-error-${field}`)).toBeVisible();
  await expect(form.getByTestId('field-error-label')).toHaveCount(0);
  const email = form.getByTestId('field-email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-describedby', /error-email/);
  // The first field with a mistake takes the focus, so a keyboard user lands on it.
  await expect(email).toBeFocused();
  await expect(form.getByTestId('field-label')).toHaveValue('Broken');
  await expect(email).toHaveValue('not-an-email');
  await expect(form.getByTestId('field-expiry')).toHaveValue('2020-01-01');
  await expect(form.getByTestId('field-other-sites')).toHaveValue('example.com');
  await saveScreenshot(options, 'options-form-errors');

  // Fixing the mistakes clears their messages; the token saves and is checked at once.
  await email.fill(alice.email);
  await form.getByTestId('field-secret').fill(SIM_TOKENS.aliceClassic.secret);
  await form.getByTestId('quick-pick-30').click();
  await form.getByTestId('field-other-sites').fill(acme.host);
  await expect(form.getByTestId('field-error-email')).toHaveCount(0);
  await form.getByTestId('save-token').click();
  await expect(row(options, 'Broken').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  expect(sim.log.some((e) => e.host === acme.host && e.path.includes('/user/current'))).toBe(true);
});

test('auto-detects a scoped token and says so in words', async ({ context, extensionId, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Detect me', kind: 'auto', secret: SIM_TOKENS.aliceScoped.secret, site: acme.host });
  const detected = row(options, 'Detect me');
  await expect(detected.getByTestId('token-kind-sentence')).toContainText(`scoped token: calls go through api.atlassian.com/ex/confluence/${acme.cloudId}`);
  const onAcme = detected.locator(`[data-testid="token-detected"][data-site="${acme.host}"]`);
  await expect(onAcme).toHaveAttribute('data-kind', 'scoped');
  await expect(onAcme).toContainText('a scoped token: calls go through api.atlassian.com/ex/confluence/');
  // First the site (401 for a scoped token), then tenant_info without credentials, then the gateway.
  expect(requestsTo(sim, '/user/current').map((e) => e.host)).toEqual([acme.host, 'api.atlassian.com']);
  expect(requestsTo(sim, '/_edge/tenant_info').every((e) => e.authKind === 'none')).toBe(true);
});

test('a classic token wrongly marked scoped gets a warning that names its kind', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Mislabelled', kind: 'scoped', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const warning = row(options, 'Mislabelled').getByTestId('token-warning').first();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/classic/i);
});

test("a read-only token's write is refused before the network", async ({ context, extensionId, sim, openPopup }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Look only', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host, readOnly: true });
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Look only');
  // Reading the watch status is allowed and happens on opening.
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).not.toHaveAttribute('data-watching', 'unknown');
  await expect(toggle).toBeEnabled();
  const watching = await toggle.getAttribute('data-watching');
  sim.clearLog();
  await toggle.click();
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-failure', 'read-only-refused');
  await expect(result).toContainText(/read-only/i);
  // Nothing left the browser: no write reached the simulator.
  expect(sim.log.filter((e) => e.path.includes('/user/watch/'))).toEqual([]);
  await expect(toggle).toHaveAttribute('data-watching', watching ?? '');
});

test('a 429 storm is ridden out, waiting as long as Retry-After says', async ({ context, extensionId, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Busy', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  sim.clearLog();
  sim.control.rateLimit({ tokenName: 'aliceClassic', count: 3, retryAfter: '1' });
  const busy = row(options, 'Busy');
  await busy.getByTestId('token-check').click();
  await expect(busy.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  const calls = requestsTo(sim, '/user/current');
  expect(calls.map((e) => e.status)).toEqual([429, 429, 429, 200]);
  for (let i = 1; i < calls.length; i++) {
    expect(calls[i]!.time - calls[i - 1]!.time, `wait before attempt ${i + 1}`).toBeGreaterThanOrEqual(1000);
  }
  // The activity log records one call with its three retries.
  const sw = context.serviceWorkers()[0]!;
  const stored = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('activity'));
  const entries = (stored.activity as { data: { entries: { operation: string; retries: number; status: number }[] } }).data.entries;
  expect(entries.filter((e) => e.operation === 'getCurrentUser').at(-1)).toMatchObject({ retries: 3, status: 200 });
});

test('the passphrase lock: set, lock, a wrong passphrase, unlock', async ({ context, extensionId, openPopup, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Locked away', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });

  // Typed twice: two that differ are refused on the spot.
  await options.getByTestId('passphrase-new').fill(PASSPHRASE);
  await options.getByTestId('passphrase-confirm').fill(`${PASSPHRASE}!`);
  await expect(options.getByTestId('passphrase-mismatch')).toBeVisible();
  await expect(options.getByTestId('passphrase-set')).toBeDisabled();
  await options.getByTestId('passphrase-confirm').fill(PASSPHRASE);
  await options.getByTestId('passphrase-set').click();
  await expect(options.getByTestId('lock-state')).toHaveAttribute('data-lock', 'unlocked');
  await options.getByTestId('passphrase-lock').click();
  await expect(options.getByTestId('lock-state')).toHaveAttribute('data-lock', 'locked');
  await expect(options.getByTestId('lock-banner')).toBeVisible();
  // Wherever a token is needed, the page says to unlock first.
  const locked = row(options, 'Locked away');
  await expect(locked.getByTestId('token-check')).toBeDisabled();
  await expect(locked.getByTestId('token-unlock-first')).toContainText('Unlock first');
  await expect(options.getByTestId('add-token-open')).toBeDisabled();
  await expect(options.getByTestId('add-unlock-first')).toContainText('Unlock first');
  await saveScreenshot(options, 'options-locked');

  // The locked state shows wherever a token is needed: the popup too.
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('popup-locked')).toBeVisible();
  await expect(popup.getByTestId('popup-check-token')).toBeDisabled();

  await options.getByTestId('unlock-passphrase').fill('not the passphrase at all');
  await options.getByTestId('unlock-submit').click();
  await expect(options.getByTestId('passphrase-message')).toContainText('not the one your tokens are locked with');
  await expect(options.getByTestId('passphrase-message')).toHaveAttribute('role', 'alert');
  await expect(options.getByTestId('lock-state')).toHaveAttribute('data-lock', 'locked');
  // Nothing changed: the token is still there, still locked, and still cannot be checked.
  await expect(options.getByTestId('token-row')).toHaveCount(1);
  await expect(locked.getByTestId('token-check')).toBeDisabled();

  await options.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await options.getByTestId('unlock-submit').click();
  await expect(options.getByTestId('lock-state')).toHaveAttribute('data-lock', 'unlocked');
  await row(options, 'Locked away').getByTestId('token-check').click();
  await expect(row(options, 'Locked away').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');

  // At rest the secret is encrypted.
  const sw = context.serviceWorkers()[0]!;
  const local = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(SIM_TOKENS.aliceClassic.secret);
});

test("a token's secret appears nowhere outside the vault", async ({ context, extensionId, sim, openPopup, tabIdFor, consoleMessages, saveScreenshot }) => {
  const secrets = [SIM_TOKENS.aliceClassic.secret, SIM_TOKENS.aliceScoped.secret];
  const basic = secrets.map((s) => Buffer.from(`${alice.email}:${s}`).toString('base64'));
  const forbidden = [...secrets, ...basic];
  const clean = (where: string, text: string) => {
    for (const f of forbidden) expect(text.includes(f), `${where} contains a secret`).toBe(false);
  };

  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Classic', kind: 'classic', secret: secrets[0]!, site: acme.host });
  await addToken(options, { label: 'Scoped', kind: 'auto', secret: secrets[1]!, site: 'globex.atlassian.net' });
  // A failure too: the error text must not carry the secret either.
  sim.control.revokeToken('aliceClassic');
  await row(options, 'Classic').getByTestId('token-check').click();
  await expect(row(options, 'Classic').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'false');

  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await popup.getByTestId('popup-check-token').click();
  await expect(popup.getByTestId('popup-check-result').first()).toBeVisible();
  await saveScreenshot(popup, 'popup-token-failure');

  // After saving, the options page shows only the last four characters.
  await expect(row(options, 'Classic').getByTestId('token-secret-hint')).toHaveText(`…${secrets[0]!.slice(-4)}`);
  await expect(row(options, 'Scoped').getByTestId('token-secret-hint')).toHaveText(`…${secrets[1]!.slice(-4)}`);
  // The DOM of every page (options, popup, the Confluence page), and what its inputs hold.
  for (const p of [options, popup, page]) {
    clean(`DOM of ${p.url()}`, await p.content());
    clean(`inputs of ${p.url()}`, (await p.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).join('\n'));
  }
  // Console output and uncaught errors of every page and the service worker.
  clean('console output', consoleMessages.map((m) => m.text).join('\n'));
  // The simulator's request log masks credentials.
  clean('simulator log', JSON.stringify(sim.log));

  const sw = context.serviceWorkers()[0]!;
  const stored = await sw.evaluate(async () => {
    const chrome = (globalThis as ExtensionGlobal).chrome;
    return { local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) };
  });
  clean('sync storage', JSON.stringify(stored.sync));
  expect(Object.keys(stored.local)).toContain('activity');
  clean('the activity log (local storage "activity")', JSON.stringify(stored.local.activity));
  // The vault too, with no passphrase set: every secret is ciphertext under the device key.
  expect(Object.keys(stored.local)).toContain('tokens');
  for (const [key, value] of Object.entries(stored.local)) clean(`local storage "${key}"`, JSON.stringify(value));

  // The device key lives in the extension origin's IndexedDB, non-extractable, and is the key
  // every stored secret names.
  const device = await sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('ctc-device-key');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const kept = await new Promise<{ id: string; key: CryptoKey } | undefined>((resolve, reject) => {
      const req = db.transaction('keys').objectStore('keys').get('device');
      req.onsuccess = () => resolve(req.result as { id: string; key: CryptoKey } | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return {
      databases: (await indexedDB.databases()).map((d) => d.name),
      id: kept?.id,
      isCryptoKey: kept?.key instanceof CryptoKey,
      extractable: kept?.key.extractable,
      algorithm: kept?.key.algorithm.name,
      usages: kept?.key.usages,
    };
  });
  expect(device).toEqual({ databases: ['ctc-device-key'], id: expect.any(String), isCryptoKey: true, extractable: false, algorithm: 'AES-GCM', usages: ['encrypt', 'decrypt'] });
  const vault = stored.local.tokens as { schemaVersion: number; data: { tokens: { secret: { kind: string; keyId: string } }[] } };
  expect(vault.schemaVersion).toBe(3);
  expect(vault.data.tokens.map((t) => [t.secret.kind, t.secret.keyId])).toEqual([
    ['device', device.id],
    ['device', device.id],
  ]);

  // A content script (here: code run in the page's isolated world of the extension) asking for
  // any token, vault or activity message is refused, and no reply carries a secret.
  const ids = await options.evaluate(async () => {
    const reply = (await (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'tokens-list' })) as { data: { tokens: { id: string }[] } };
    return reply.data.tokens.map((t) => t.id);
  });
  expect(ids).toHaveLength(2);
  const tabId = await tabIdFor(page);
  const input = { label: 'Planted', kind: 'classic', email: alice.email, secret: 'SIMplanted-by-a-content-script', expiresOn: '2099-01-01', sites: [acme.host] };
  const asks = [
    { type: 'tokens-list' },
    ...ids.map((id) => ({ type: 'tokens-check', id })),
    { type: 'tokens-check', id: ids[0], site: acme.host },
    { type: 'tokens-add', input },
    { type: 'tokens-update', id: ids[0], input },
    { type: 'tokens-remove', id: ids[1] },
    { type: 'vault-state' },
    { type: 'vault-set-passphrase', passphrase: PASSPHRASE },
    { type: 'vault-change-passphrase', oldPassphrase: PASSPHRASE, newPassphrase: `${PASSPHRASE} 2` },
    { type: 'vault-remove-passphrase', passphrase: PASSPHRASE },
    { type: 'vault-unlock', passphrase: PASSPHRASE },
    { type: 'vault-lock' },
    ...(['all', 'failures', 'auth', 'forbidden', 'rate-limited'] as const).map((filter) => ({ type: 'activity-list', filter })),
    { type: 'activity-clear' },
    ...(['watch-status', 'watch', 'unwatch'] as const).map((action) => ({ type: 'action-run', action, tabId })),
  ];
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId))).toBe(true);
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId))!;
  sim.clearLog();
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `Promise.all(${JSON.stringify(asks)}.map((m) => chrome.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) }))))`,
    awaitPromise: true,
    returnByValue: true,
  });
  expect(exceptionDetails).toBeUndefined();
  const replies = result.value as { ok?: boolean; error?: { code: string } }[];
  expect(replies).toHaveLength(asks.length);
  replies.forEach((reply, i) => expect(reply, `reply to ${asks[i]!.type}`).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } }));
  clean('replies to a content script', JSON.stringify(replies));
  // Refused means nothing happened: no call to Atlassian, the tokens, lock and log unchanged.
  expect(sim.log).toEqual([]);
  const after = await sw.evaluate(async () => (globalThis as ExtensionGlobal).chrome.storage.local.get(null));
  expect(after.tokens).toEqual(stored.local.tokens);
  expect(JSON.stringify(after.activity)).toBe(JSON.stringify(stored.local.activity));
  expect(JSON.stringify(after)).not.toContain('SIMplanted');

  // Nor can it read the vault from storage directly: local storage is closed to content scripts.
  const direct = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(async () => { try { return JSON.stringify(await chrome.storage.local.get(null)); } catch (e) { return 'refused: ' + String(e); } })()`,
    awaitPromise: true,
    returnByValue: true,
  });
  clean("the content script's view of storage.local", String(direct.result.value));

  // Nor the device key: the content script runs in the page's origin, where IndexedDB lists no
  // extension database, and opening the key's database by name makes a new, empty one of the page's.
  const pageDb = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(async () => {
      const before = (await indexedDB.databases()).map((d) => d.name);
      const opened = await new Promise((resolve, reject) => {
        let oldVersion = null;
        const req = indexedDB.open('ctc-device-key');
        req.onupgradeneeded = (event) => { oldVersion = event.oldVersion; };
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...db.objectStoreNames];
          db.close();
          resolve({ oldVersion, stores });
        };
        req.onerror = () => reject(req.error);
      });
      await new Promise((resolve) => { const del = indexedDB.deleteDatabase('ctc-device-key'); del.onsuccess = del.onerror = resolve; });
      return { origin: location.origin, before, ...opened };
    })()`,
    awaitPromise: true,
    returnByValue: true,
  });
  expect(pageDb.exceptionDetails).toBeUndefined();
  expect(pageDb.result.value).toEqual({ origin: `https://${architecture.site}`, before: [], oldVersion: 0, stores: [] });
  // The extension's own key is untouched by all that.
  expect(await sw.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(['ctc-device-key']);
  // The secret still decrypts: the check reaches the site (which refuses it: revoked above).
  sim.clearLog();
  await row(options, 'Classic').getByTestId('token-check').click();
  await expect.poll(() => sim.log.length).toBeGreaterThan(0);
  await expect(row(options, 'Classic').getByTestId('token-check')).toHaveText('Check');
  await expect(row(options, 'Classic')).not.toContainText('cannot be decrypted');
});

test('a lost device key is told in a sentence, every token stays listed, and entering the secret again makes it usable', async ({ context, extensionId, sim, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await addToken(options, { label: 'Acme scoped', kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret, site: acme.host });
  await expect(options.getByTestId('tokens-undecryptable')).toHaveCount(0);

  // The profile's IndexedDB is gone (here: deleted from the service worker).
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('ctc-device-key');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('blocked'));
      }),
  );
  await options.reload();
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  await expect(options.getByTestId('tokens-undecryptable')).toContainText('Your saved tokens cannot be decrypted: enter their secrets again');
  await expect(options.getByTestId('token-row')).toHaveCount(2);
  await expect(row(options, 'Acme classic').getByTestId('token-sites')).toHaveText(acme.host);
  await saveScreenshot(options, 'options-device-key-lost');

  sim.clearLog();
  await row(options, 'Acme classic').getByTestId('token-check').click();
  await expect(row(options, 'Acme classic')).toContainText('The saved secret of “Acme classic” cannot be decrypted');
  expect(sim.log).toEqual([]);

  await row(options, 'Acme classic').getByTestId('token-edit').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-secret').fill(SIM_TOKENS.aliceClassic.secret);
  await form.getByTestId('save-token').click();
  await expect(form).toHaveCount(0);
  await expect(options.getByTestId('tokens-undecryptable')).toContainText('The saved secret of “Acme scoped” cannot be decrypted');
  await row(options, 'Acme classic').getByTestId('token-check').click();
  await expect(row(options, 'Acme classic').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  const local = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(SIM_TOKENS.aliceClassic.secret);
  expect(JSON.stringify(local)).not.toContain(SIM_TOKENS.aliceScoped.secret);
});

test('one damaged token record is told in a sentence, kept as it was, and the others stay usable', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const sw = context.serviceWorkers()[0]!;
  const damagedRecord = { id: 'damaged0000000000000000000000000', label: 'Half written', readOnly: 'yes' };
  await sw.evaluate(async (record) => {
    const chrome = (globalThis as ExtensionGlobal).chrome;
    const { tokens } = (await chrome.storage.local.get('tokens')) as { tokens: { data: { tokens: unknown[] } } };
    tokens.data.tokens.push(record);
    await chrome.storage.local.set({ tokens });
  }, damagedRecord);
  await options.reload();
  await expect(options.getByTestId('options-page')).toHaveAttribute('data-state', 'ready');
  await expect(options.getByTestId('tokens-damaged')).toHaveText('One saved token is damaged and cannot be used. It is kept as it was; your other tokens are not affected.');
  await expect(options.getByTestId('token-row')).toHaveCount(1);
  await row(options, 'Acme classic').getByTestId('token-check').click();
  await expect(row(options, 'Acme classic').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  // An edit of the good token writes the damaged record back unchanged.
  await row(options, 'Acme classic').getByTestId('token-edit').click();
  await options.getByTestId('token-form').getByTestId('field-label').fill('Acme renamed');
  await options.getByTestId('token-form').getByTestId('save-token').click();
  await expect(row(options, 'Acme renamed')).toHaveCount(1);
  const stored = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get('tokens'));
  expect((stored.tokens as { data: { tokens: unknown[] } }).data.tokens).toContainEqual(damagedRecord);
});

test('the popup checks the token for this site and watches the page', async ({ context, extensionId, sim, openPopup, saveScreenshot }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('popup-token')).toHaveAttribute('data-label', 'Acme classic');
  await expect(popup.getByTestId('popup-token')).toContainText(`…${SIM_TOKENS.aliceClassic.secret.slice(-4)}`);

  await popup.getByTestId('popup-check-token').click();
  const result = popup.getByTestId('popup-check-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result.getByTestId('token-kind-sentence')).toContainText(`This is a classic token: calls go to https://${acme.host}/wiki/rest/api/`);

  // The watch state is read on opening; the button flips it through the background.
  const toggle = popup.getByTestId('watch-toggle');
  await expect(toggle).not.toHaveAttribute('data-watching', 'unknown');
  const before = (await toggle.getAttribute('data-watching')) === 'true';
  sim.clearLog();
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-watching', String(!before));
  await expect(popup.getByTestId('action-result')).toContainText(before ? /no longer|stopped|unwatch/i : /watch/i);
  const writes = sim.log.filter((e) => e.path.endsWith(`/user/watch/content/${architecture.id}`) && e.method !== 'GET');
  expect(writes.map((e) => e.method)).toEqual([before ? 'DELETE' : 'POST']);
  await saveScreenshot(popup, 'popup-with-token');
});

test('the options page says which token to create, copies the scopes, and shows a missing scope', async ({ context, extensionId, saveScreenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const options = await openOptions(context, extensionId);
  const guide = options.getByTestId('token-guidance');
  await expect(guide.getByTestId('api-token-link')).toHaveAttribute('href', 'https://id.atlassian.com/manage-profile/security/api-tokens');
  await expect(guide).toContainText('API token with scopes');
  const watchRow = guide.locator('[data-testid="scope-row"][data-feature="watch"]');
  await watchRow.getByTestId('copy-scopes').click();
  await expect(watchRow.getByTestId('copy-result')).toHaveText('Copied.');
  expect(await options.evaluate(() => navigator.clipboard.readText())).toBe('read:watcher:confluence write:watcher:confluence');

  await addToken(options, { label: 'Acme classic', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  await addToken(options, { label: 'Pages only', kind: 'scoped', secret: SIM_TOKENS.aliceScopedPageOnly.secret, site: acme.host, readOnly: true });
  const pagesOnly = row(options, 'Pages only');
  await expect(pagesOnly.getByTestId('token-check-result')).toHaveAttribute('data-ok', 'false');
  await expect(pagesOnly.getByTestId('token-read-only')).toBeVisible();
  // A scope failure names the scopes to grant.
  await expect(pagesOnly.getByTestId('token-check-result')).toContainText('read:content-details:confluence');
  await saveScreenshot(options, 'options-with-tokens');
});

test('with no token, the popup offers to add one, with the scopes each feature needs', async ({ context, openPopup, saveScreenshot }) => {
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('add-token')).toBeVisible();
  const guidance = popup.getByTestId('token-guidance');
  await expect(guidance.getByRole('link', { name: /API token page/ })).toHaveAttribute('href', 'https://id.atlassian.com/manage-profile/security/api-tokens');
  // Derived from the OpenAPI specs: reading watch status needs read:watcher:confluence.
  await expect(guidance.locator('[data-testid="scope-row"][data-feature="watch"]')).toContainText('read:watcher:confluence');
  await saveScreenshot(popup, 'popup-no-token');
  const [options] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('add-token').click()]);
  await expect(options).toHaveURL(/options\.html$/);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the options page and the popup follow the dark colour scheme (screenshots)', async ({ context, extensionId, openPopup, saveScreenshot }) => {
    const options = await openOptions(context, extensionId);
    await addToken(options, { label: 'Night shift', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
    const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(29, 33, 37)');
    await options.getByTestId('add-token-open').click();
    await options.getByTestId('field-kind-scoped').check();
    await saveScreenshot(options, 'options-dark');

    const page = await context.newPage();
    await page.goto(architectureUrl);
    const popup = await openPopup(architectureUrl);
    await popup.getByTestId('popup-check-token').click();
    await expect(popup.getByTestId('popup-check-result')).toHaveAttribute('data-ok', 'true');
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(29, 33, 37)');
    await saveScreenshot(popup, 'popup-with-token-dark');
  });
});

test('edits a token without retyping its secret, exports and clears the activity log, and removes the token', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Old name', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  options.on('dialog', (dialog) => void dialog.accept());

  await row(options, 'Old name').getByTestId('token-edit').click();
  const form = options.getByTestId('token-form');
  await expect(form.getByTestId('field-secret')).toHaveValue('');
  await form.getByTestId('field-label').fill('New name');
  await form.getByTestId('save-token').click();
  // The kept secret still works: the check after saving succeeds.
  await expect(row(options, 'New name').getByTestId('token-check-result')).toHaveAttribute('data-ok', 'true');
  await expect(row(options, 'Old name')).toHaveCount(0);

  await options.getByTestId('activity-refresh').click();
  const [json] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-json').click()]);
  const entries = JSON.parse(await streamText(await json.createReadStream())) as { tokenLabel: string; path: string }[];
  expect(entries.some((e) => e.path === '/wiki/rest/api/user/current')).toBe(true);
  const [csv] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-csv').click()]);
  expect((await streamText(await csv.createReadStream())).split('\r\n')[0]).toBe('time,tokenLabel,site,operation,method,path,status,durationMs,outcome,retries,note');

  // Every call so far succeeded: the failures filter shows none, "all" shows them again.
  await options.getByTestId('activity-filter').selectOption('failures');
  await expect(options.getByTestId('activity-empty')).toContainText('match this filter');
  await options.getByTestId('activity-filter').selectOption('all');
  await expect(options.getByTestId('activity-row').first()).toHaveAttribute('data-outcome', 'ok');
  await options.getByTestId('clear-activity').click();
  await expect(options.getByTestId('activity-empty')).toBeVisible();

  await row(options, 'New name').getByTestId('token-remove').click();
  await expect(options.getByTestId('token-row')).toHaveCount(0);
  const sw = context.serviceWorkers()[0]!;
  const local = await sw.evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(SIM_TOKENS.aliceClassic.secret);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

test('a site that answers badly or not at all gets a clear sentence, and the token is kept', async ({ context, extensionId, sim }) => {
  const options = await openOptions(context, extensionId);
  await addToken(options, { label: 'Steady', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });
  const steady = row(options, 'Steady');
  const result = steady.getByTestId('token-check-result');

  // A login page answered with 200 instead of JSON.
  sim.control.injectFault({ host: acme.host, kind: 'html-login', times: 10 });
  await steady.getByTestId('token-check').click();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(/not (JSON|understood|what)|login|malformed|unexpected/i);

  // The connection dropped every time (retries included): unreachable.
  sim.control.reset();
  sim.control.injectFault({ host: acme.host, kind: 'drop', times: 20 });
  await steady.getByTestId('token-check').click();
  // Checks use the interactive retry policy: reported within seconds.
  await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(result).toContainText(/reach|offline|unreachable/i);

  // Nothing the person entered was lost, and once the site is back the token works again.
  sim.control.reset();
  await steady.getByTestId('token-check').click();
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(options.getByTestId('token-row')).toHaveCount(1);
});
