import { chromium, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIM_USERS } from '../simulator/index';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { buildDir } from '../support/extension-build';
import { e2eSettings } from '../support/e2e-settings';
import { e2eManifestKey, extensionIdForKey } from '../support/extension-key';
import { extensionIdOf, POPUP_VIEWPORT, popupUrl, tabIdByUrl } from '../support/extension-tabs';
import { managedPolicyDir, policyDirAccess, removeManagedPolicy, skipReason, writeManagedPolicy, type PolicyDirAccess } from '../support/managed-policy';
import { expect, test as base, waitForPopupSettled } from './fixtures';
import { openOptions, type TokenEntry } from './options-helpers';

/*
 * The organisation's policy in real Chromium: the build with a fixed id (e2eSettings.policyOutDir),
 * a machine policy file naming that id, and a browser started after the file is written (Chromium
 * reads policy files when it starts). The file is the machine's, shared by every test that
 * writes one: the policy tests run one at a time, and each removes it when it ends.
 */

/** The id the manifest key gives the policy build, which the policy file names. */
export const POLICY_EXTENSION_ID = extensionIdForKey(e2eManifestKey());

export interface PolicyBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  openOptions(): Promise<Page>;
  /** The popup for the tab showing `forTabUrl` (open in one tab), once it has settled. */
  openPopup(forTabUrl: string): Promise<Page>;
}

interface PolicyFixtures {
  /**
   * Writes `policy` as the machine policy (undefined: no policy file) and starts a fresh Chromium
   * with the policy build. `profileDir` starts it on an existing profile: a restart.
   */
  launchWithPolicy(policy: Record<string, unknown> | undefined, options?: { profileDir?: string }): Promise<PolicyBrowser>;
  /** A profile folder that outlives one browser, for a restart (removed after the test). */
  profileDir: string;
}

interface PolicyWorkerFixtures {
  extensionDir: string;
  policyDir: PolicyDirAccess;
}

export const test = base.extend<PolicyFixtures, PolicyWorkerFixtures>({
  extensionDir: [async ({}, use) => use(buildDir(e2eSettings.policyOutDir)), { scope: 'worker' }],
  policyDir: [async ({ chromiumPath }, use) => use(policyDirAccess(managedPolicyDir(chromiumPath))), { scope: 'worker' }],

  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ctc-policy-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  launchWithPolicy: async ({ sim, extensionDir, chromiumPath, headless, policyDir, consoleMessages }, use) => {
    const launched: BrowserContext[] = [];
    await use(async (policy, options = {}) => {
      if (!policyDir.writable) throw new Error(skipReason(policyDir));
      if (policy) writeManagedPolicy(policyDir.dir, POLICY_EXTENSION_ID, policy);
      else removeManagedPolicy(policyDir.dir);
      const context = await chromium.launchPersistentContext(options.profileDir ?? '', {
        executablePath: chromiumPath,
        headless,
        args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }),
      });
      launched.push(context);
      // Kept like the usual fixture's, so a failed test's report shows them.
      context.on('console', (message) => {
        const worker = message.worker();
        consoleMessages.push({ source: worker ? 'worker' : 'page', type: message.type(), text: message.text(), url: worker?.url() ?? message.page()?.url() ?? '' });
      });
      context.on('weberror', (webError) => {
        consoleMessages.push({ source: 'error', type: 'pageerror', text: `${webError.error().name}: ${webError.error().message}`, url: webError.page()?.url() ?? '' });
      });
      const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extensionId = extensionIdOf(serviceWorker);
      // A build without the key has another id: the policy would name nobody and every test here would mean nothing.
      if (extensionId !== POLICY_EXTENSION_ID) throw new Error(`${extensionDir} loaded as ${extensionId}, not ${POLICY_EXTENSION_ID}: build it with CTC_E2E_MANIFEST_KEY.`);
      // Chromium holds back a policy file modified in the last seconds (it waits for writes to
      // settle) and loads it a moment later: start once the extension sees the policy written.
      if (policy) await expect.poll(() => managedStorage(serviceWorker), { timeout: 20_000 }).toEqual(policy);
      return {
        context,
        serviceWorker,
        extensionId,
        openOptions: () => openOptions(context, extensionId),
        async openPopup(forTabUrl) {
          const tabId = await tabIdByUrl(serviceWorker, forTabUrl);
          const popup = await context.newPage();
          await popup.setViewportSize(POPUP_VIEWPORT);
          await popup.goto(popupUrl(extensionId, tabId));
          await waitForPopupSettled(popup);
          return popup;
        },
      };
    });
    for (const context of launched) await context.close().catch(() => undefined);
    // No policy outlives its test (the global teardown removes it once more at the end of the run).
    if (policyDir.writable) removeManagedPolicy(policyDir.dir);
  },
});

export { expect };

/** What `storage.managed` holds for the extension, read in its service worker. */
export async function managedStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get());
}

/** Fills the add-token form and presses Save, without waiting for it to close (it may be refused). */
export async function submitTokenForm(options: Page, token: TokenEntry): Promise<void> {
  await options.getByTestId('add-token-open').click();
  const form = options.getByTestId('token-form');
  await form.getByTestId('field-label').fill(token.label);
  await form.getByTestId(`field-kind-${token.kind}`).check();
  await form.getByTestId('field-email').fill(token.email ?? SIM_USERS.alice.email);
  await form.getByTestId('quick-pick-90').click();
  if (token.site) await form.getByTestId('field-other-sites').fill(token.site);
  await form.getByTestId('field-secret').fill(token.secret);
  await form.getByTestId('save-token').click();
}

/** `[data-testid=policy-mark][data-policy-key=<key>]` inside `scope`. */
export function policyMark(scope: Page | Locator, key: string): Locator {
  return scope.locator(`[data-testid="policy-mark"][data-policy-key="${key}"]`);
}
