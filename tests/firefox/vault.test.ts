import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import {
  click,
  countOf,
  expect,
  expectAttribute,
  expectCount,
  expectText,
  fill,
  isDisabled,
  test,
  tid,
  type FirefoxExtensionGlobal,
  type FirefoxSession,
} from './harness';
import { addToken, row } from './token-steps';

// The passphrase lock and where a secret may never appear, in real Firefox. Firefox differs from
// Chromium here: content scripts can read storage.local (Firefox has no
// storage.local.setAccessLevel), so what is stored there must be safe to be seen by one.
const acme = SIM_SITES.acme;
const alice = SIM_USERS.alice;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;
const PASSPHRASE = 'correct horse battery staple';

interface StoredAreas {
  local: string;
  session: string;
  sync: string;
}

/** What the extension keeps, read from an extension page (everything), as JSON text per area. */
async function storedByArea(ff: FirefoxSession): Promise<StoredAreas> {
  return ff.inExtension(async () => {
    const api = (globalThis as FirefoxExtensionGlobal).browser;
    return {
      local: JSON.stringify(await api.storage.local.get(null)),
      session: JSON.stringify(await api.storage.session.get(null)),
      sync: JSON.stringify(await api.storage.sync.get(null)),
    };
  }, null);
}

/** What the content script's world can read of storage.local and storage.session. */
async function contentScriptView(): Promise<{ local: string; session: string }> {
  const api = (globalThis as FirefoxExtensionGlobal).browser;
  const read = async (area: 'local' | 'session') => {
    const storage = api.storage?.[area];
    if (!storage) return `${area}: not exposed to content scripts`;
    try {
      return JSON.stringify(await storage.get(null));
    } catch (error) {
      return `${area}: refused (${String(error)})`;
    }
  };
  return { local: await read('local'), session: await read('session') };
}

test('the passphrase lock: set, lock, a wrong passphrase, unlock', async ({ ff }) => {
  const options = await ff.openOptions();
  await addToken(options, { label: 'Locked away', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: acme.host });

  // Typed twice: two that differ are refused on the spot.
  await fill(options, tid('passphrase-new'), PASSPHRASE);
  await fill(options, tid('passphrase-confirm'), `${PASSPHRASE}!`);
  await expectCount(options, tid('passphrase-mismatch'), 1);
  expect(await isDisabled(options, tid('passphrase-set'))).toBe(true);
  await fill(options, tid('passphrase-confirm'), PASSPHRASE);
  await click(options, tid('passphrase-set'));
  await expectAttribute(options, tid('lock-state'), 'data-lock', 'unlocked', 20_000);

  await click(options, tid('passphrase-lock'));
  await expectAttribute(options, tid('lock-state'), 'data-lock', 'locked');
  await expectCount(options, tid('lock-banner'), 1);
  // Wherever a token is needed, the page says to unlock first.
  const locked = row('Locked away');
  expect(await isDisabled(options, tid('token-check', locked))).toBe(true);
  await expectText(options, tid('token-unlock-first', locked), /Unlock first/);
  expect(await isDisabled(options, tid('add-token-open'))).toBe(true);
  await ff.saveScreenshot(options, 'options-locked');

  // The popup shows the locked state too.
  const page = await ff.newTab(architectureUrl);
  const popup = await ff.openPopup(page);
  await expectCount(popup, tid('popup-locked'), 1);
  expect(await isDisabled(popup, tid('popup-check-token'))).toBe(true);
  await ff.saveScreenshot(popup, 'popup-locked');
  await popup.close();

  await fill(options, tid('unlock-passphrase'), 'not the passphrase at all');
  await click(options, tid('unlock-submit'));
  await expectText(options, tid('passphrase-message'), /not the one your tokens are locked with/, 20_000);
  await expectAttribute(options, tid('passphrase-message'), 'role', 'alert');
  await expectAttribute(options, tid('lock-state'), 'data-lock', 'locked');
  // Nothing changed: the token is still there, still locked.
  expect(await countOf(options, tid('token-row'))).toBe(1);
  expect(await isDisabled(options, tid('token-check', locked))).toBe(true);

  await fill(options, tid('unlock-passphrase'), PASSPHRASE);
  await click(options, tid('unlock-submit'));
  await expectAttribute(options, tid('lock-state'), 'data-lock', 'unlocked', 20_000);
  await click(options, tid('token-check', row('Locked away')));
  await expectAttribute(options, tid('token-check-result', row('Locked away')), 'data-ok', 'true');

  // At rest the secret is encrypted: neither an extension page nor the content script's world
  // finds it in storage.
  const stored = await storedByArea(ff);
  for (const [area, text] of Object.entries(stored)) expect(text, `storage.${area}`).not.toContain(SIM_TOKENS.aliceClassic.secret);
  const seen = await ff.inContentScript(await ff.tabIdFor(page), contentScriptView, null);
  expect(seen.local, "the content script's view of storage.local").not.toContain(SIM_TOKENS.aliceClassic.secret);
  expect(seen.session, "the content script's view of storage.session").not.toContain(SIM_TOKENS.aliceClassic.secret);
});

test("a token's secret appears nowhere a content script or a page can read, with no passphrase set", async ({ ff, sim }) => {
  const secrets = [SIM_TOKENS.aliceClassic.secret, SIM_TOKENS.aliceScoped.secret];
  const basic = secrets.map((s) => Buffer.from(`${alice.email}:${s}`).toString('base64'));
  const forbidden = [...secrets, ...basic];
  const leaks = (text: string) => forbidden.filter((f) => text.includes(f)).map((f) => `${f.slice(0, 12)}…`);

  const options = await ff.openOptions();
  await addToken(options, { label: 'Classic', kind: 'classic', secret: secrets[0]!, site: acme.host });
  await addToken(options, { label: 'Scoped', kind: 'auto', secret: secrets[1]!, site: 'globex.atlassian.net' });
  // A failure too: the error text must not carry the secret either.
  sim.control.revokeToken('aliceClassic');
  await click(options, tid('token-check', row('Classic')));
  await expectAttribute(options, tid('token-check-result', row('Classic')), 'data-ok', 'false');

  const page = await ff.newTab(architectureUrl);
  const popup = await ff.openPopup(page);
  await click(popup, tid('popup-check-token'));
  await expect.poll(() => countOf(popup, tid('popup-check-result'))).toBeGreaterThan(0);

  // Only the last four characters show; no DOM or input holds a secret.
  await expectText(options, tid('token-secret-hint', row('Classic')), `…${secrets[0]!.slice(-4)}`);
  await expectText(options, tid('token-secret-hint', row('Scoped')), `…${secrets[1]!.slice(-4)}`);
  for (const [name, p] of [['options page', options], ['popup', popup], ['Confluence page', page]] as const) {
    const dom = await p.evaluate(() => document.documentElement.outerHTML);
    const inputs = await p.evaluate(() => [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value).join('\n'));
    expect(leaks(dom), `DOM of the ${name}`).toEqual([]);
    expect(leaks(inputs), `inputs of the ${name}`).toEqual([]);
  }
  expect(leaks(ff.consoleMessages.join('\n')), 'console output of the web pages').toEqual([]);
  expect(leaks(JSON.stringify(sim.log)), "the simulator's request log").toEqual([]);

  // The content script's world (the world content.ts runs in): every token, vault, activity and
  // action message it sends is refused, and nothing happens.
  const tabId = await ff.tabIdFor(page);
  const before = await storedByArea(ff);
  const ids = await ff.inExtension(async () => {
    const reply = (await (globalThis as FirefoxExtensionGlobal).browser.runtime.sendMessage({ type: 'tokens-list' })) as { data: { tokens: { id: string }[] } };
    return reply.data.tokens.map((t) => t.id);
  }, null);
  expect(ids).toHaveLength(2);
  const input = { label: 'Planted', kind: 'classic', email: alice.email, secret: 'SIMplanted-by-a-content-script', expiresOn: '2099-01-01', sites: [acme.host] };
  const asks = [
    { type: 'tokens-list' },
    ...ids.map((id) => ({ type: 'tokens-check', id })),
    { type: 'tokens-add', input },
    { type: 'tokens-update', id: ids[0], input },
    { type: 'tokens-remove', id: ids[1] },
    { type: 'vault-state' },
    { type: 'vault-set-passphrase', passphrase: PASSPHRASE },
    { type: 'vault-unlock', passphrase: PASSPHRASE },
    { type: 'vault-lock' },
    { type: 'activity-list', filter: 'all' },
    { type: 'activity-clear' },
    ...(['watch-status', 'watch', 'unwatch'] as const).map((action) => ({ type: 'action-run', action, tabId })),
  ];
  sim.clearLog();
  const replies = await ff.inContentScript(
    tabId,
    async (messages: unknown[]) => {
      const api = (globalThis as FirefoxExtensionGlobal).browser;
      return Promise.all(messages.map((m) => api.runtime.sendMessage(m).catch((e: unknown) => ({ thrown: String(e) }))));
    },
    asks,
  );
  expect(replies).toHaveLength(asks.length);
  (replies as unknown[]).forEach((reply, i) =>
    expect(reply, `reply to ${asks[i]!.type}`).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } }),
  );
  expect(leaks(JSON.stringify(replies)), 'replies to the content script').toEqual([]);
  expect(sim.log, 'no call to Atlassian').toEqual([]);
  const after = await storedByArea(ff);
  expect(after.local, 'storage.local unchanged').toBe(before.local);
  expect(after.local).not.toContain('SIMplanted');
  expect(leaks(after.sync), 'storage.sync').toEqual([]);

  // At rest: nothing in storage.local or storage.session holds a secret in clear, neither as the
  // content script's world sees it (Firefox lets it read storage.local) nor as the extension
  // keeps it. (This needs the vault to encrypt every secret, passphrase or not.)
  const seen = await ff.inContentScript(tabId, contentScriptView, null);
  expect.soft(leaks(seen.local), "storage.local as the content script's world reads it").toEqual([]);
  expect.soft(leaks(seen.session), "storage.session as the content script's world reads it").toEqual([]);
  expect.soft(leaks(after.local), 'storage.local (read from an extension page)').toEqual([]);
  expect.soft(leaks(after.session), 'storage.session (read from an extension page)').toEqual([]);

  // The key lives in the extension origin's IndexedDB: the content script's world (the page's
  // origin) lists no such database, and opening its name there makes a new, empty one.
  const idb = await ff.inContentScript(
    tabId,
    async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      const opened = await new Promise<{ oldVersion: number; stores: number }>((resolve, reject) => {
        let oldVersion = -1;
        const request = indexedDB.open('ctc-device-key');
        request.onupgradeneeded = (event) => (oldVersion = event.oldVersion);
        request.onsuccess = () => {
          const stores = request.result.objectStoreNames.length;
          request.result.close();
          indexedDB.deleteDatabase('ctc-device-key');
          resolve({ oldVersion, stores });
        };
        request.onerror = () => reject(new Error(String(request.error)));
      });
      return { names, opened };
    },
    null,
  );
  expect(idb.names, 'databases the content script can see').not.toContain('ctc-device-key');
  expect(idb.opened, 'the name opens a new, empty database of the page').toEqual({ oldVersion: 0, stores: 0 });
});
