import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../simulator/index';
import { buildDir } from '../support/extension-build';
import { e2eSettings } from '../support/e2e-settings';
import { findChromium } from '../support/find-chromium';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { extensionIdOf, POPUP_VIEWPORT, popupUrl, tabIdByUrl } from '../support/extension-tabs';

/** One console line or uncaught error from a page or the service worker of the test's browser. */
export interface CapturedConsoleMessage {
  source: 'page' | 'worker' | 'error';
  type: string;
  text: string;
  url: string;
}

export interface PopupOptions {
  /** Wait until the popup leaves `data-state="loading"` (default true). */
  waitUntilSettled?: boolean;
}

interface E2eFixtures {
  /** The worker's simulator, reset and with an empty log at the start of every test. */
  sim: Simulator;
  /** Console messages and uncaught errors of every page and the service worker, in order. */
  consoleMessages: CapturedConsoleMessage[];
  /** The persistent Chromium context with the built extension loaded (one per test). */
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /**
   * Opens the popup as a page in a new tab, sized like the real popup (400×600). With
   * `forTabUrl` it shows that tab's state (`popup.html?tabId=N`); the URL must be open in one tab.
   */
  openPopup(forTabUrl?: string, options?: PopupOptions): Promise<Page>;
  /** The Chrome tab id of a page of this context (looked up by URL through the service worker). */
  tabIdFor(page: Page): Promise<number>;
  /** Saves a screenshot to tests/artifacts/<name>.png and attaches it to the test's report. */
  saveScreenshot(page: Page, name: string): Promise<string>;
}

interface E2eWorkerFixtures {
  workerSimulator: Simulator;
  extensionDir: string;
  chromiumPath: string;
}

export const test = base.extend<E2eFixtures, E2eWorkerFixtures>({
  extensionDir: [async ({}, use) => use(buildDir(e2eSettings.outDir)), { scope: 'worker' }],
  chromiumPath: [async ({}, use) => use(findChromium().path), { scope: 'worker' }],

  workerSimulator: [
    async ({}, use) => {
      const sim = await startSimulator();
      await use(sim);
      await sim.close();
    },
    { scope: 'worker' },
  ],

  sim: async ({ workerSimulator }, use) => {
    // Tests change faults, tokens and latency: every test starts from the fixture data.
    await workerSimulator.control.reset();
    workerSimulator.clearLog();
    await use(workerSimulator);
  },

  consoleMessages: async ({}, use, testInfo) => {
    const messages: CapturedConsoleMessage[] = [];
    await use(messages);
    if (testInfo.status !== testInfo.expectedStatus && messages.length > 0) {
      await testInfo.attach('console.txt', {
        body: messages.map((m) => `[${m.source}:${m.type}] ${m.url} ${m.text}`).join('\n'),
        contentType: 'text/plain',
      });
    }
  },

  context: async ({ sim, extensionDir, chromiumPath, colorScheme, headless, consoleMessages }, use) => {
    // A fresh profile per test: storage (cached cloudIds) never leaks from one test to the next.
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      // Playwright's option: true unless `--headed` (new headless mode, which runs extensions).
      headless,
      colorScheme,
      args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }),
    });
    // The context's console event covers pages and workers, the service worker included.
    context.on('console', (message) => {
      const worker = message.worker();
      consoleMessages.push({
        source: worker ? 'worker' : 'page',
        type: message.type(),
        text: message.text(),
        url: worker?.url() ?? message.page()?.url() ?? message.location().url,
      });
    });
    context.on('weberror', (webError) => {
      const error = webError.error();
      consoleMessages.push({
        source: 'error',
        type: 'pageerror',
        text: `${error.name}: ${error.message}\n${error.stack ?? ''}`,
        url: webError.page()?.url() ?? '',
      });
    });
    await use(context);
    await context.close();
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(extensionIdOf(serviceWorker));
  },

  tabIdFor: async ({ serviceWorker }, use) => {
    await use((page) => tabIdByUrl(serviceWorker, page.url()));
  },

  openPopup: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (forTabUrl, options = {}) => {
      const tabId = forTabUrl === undefined ? undefined : await tabIdByUrl(serviceWorker, forTabUrl);
      const popup = await context.newPage();
      await popup.setViewportSize(POPUP_VIEWPORT);
      await popup.goto(popupUrl(extensionId, tabId));
      if (options.waitUntilSettled ?? true) await waitForPopupSettled(popup);
      return popup;
    });
  },

  saveScreenshot: async ({}, use, testInfo) => {
    await use(async (page, name) => {
      mkdirSync(e2eSettings.artifactsDir, { recursive: true });
      const path = join(e2eSettings.artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
      return path;
    });
  },
});

export { expect };

/** The popup's root element carries `data-state="loading|ready|error"`. */
export async function waitForPopupSettled(popup: Page): Promise<void> {
  await expect(popup.locator('[data-state]').first()).toHaveAttribute('data-state', /^(ready|error)$/);
}
