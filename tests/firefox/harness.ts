import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as ExtensionBrowser } from 'webextension-polyfill';
import { expect, test as base } from 'vitest';
import { isSimulatedHost as isSimulatorHost, startSimulator, type Simulator } from '../simulator/index';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { buildDir } from '../support/extension-build';
import { findFirefox } from '../support/find-firefox';
import { EXTENSION_BASE_URL, EXTENSION_UUID, firefoxSettings } from './settings';

/*
 * Real Firefox (Debian's ESR) with the e2e build of the extension, driven by puppeteer-core over
 * WebDriver BiDi. How it differs from the Chromium harness (tests/e2e/fixtures.ts):
 *
 * - Atlassian hosts reach the simulator through a local CONNECT proxy set in Firefox's prefs
 *   (Firefox has no --host-resolver-rules).
 * - The moz-extension UUID is fixed by the pref `extensions.webextensions.uuids`.
 * - BiDi refuses `browsingContext.navigate` to moz-extension: URLs, so an extension page is
 *   opened from a simulated Atlassian page (`/jira/your-work`, where the content script does
 *   nothing) by setting `location.href`; the e2e build lists popup.html and options.html as
 *   web_accessible_resources for that. Firefox sends no BiDi navigation event for it either:
 *   `page.url()` keeps the launcher's URL, so the harness reads `location.href` instead.
 * - BiDi lists no content-script realms (script.getRealms has window realms and its own
 *   sandboxes only), so code runs in the content script's world through
 *   `browser.scripting.executeScript` from an extension page (the e2e build has `scripting`).
 * - The background is an event page, not a service worker: extension pages reach it with
 *   `browser.runtime.getBackgroundPage()`.
 * - A managed policy (`managedPolicy`) reaches one Firefox only: its `storage.managed` is read from
 *   a managed-storage manifest in a HOME of that Firefox's own (see `writeManagedPolicy`), never
 *   from the machine-wide policies.json that every other test's Firefox would read too.
 */

/** The simulated hosts (as in `hostResolverRules`): everything else is refused by the proxy. */
export function isSimulatedHost(host: string): boolean {
  return isSimulatorHost(host);
}

/** A simulated page to open extension pages from: the content script leaves Jira pages alone. */
export const LAUNCHER_URL = 'https://acme.atlassian.net/jira/your-work';
export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;
const WAIT_MS = 10_000;

export interface FirefoxSession {
  browser: Browser;
  sim: Simulator;
  proxy: ConnectProxy;
  /** `moz-extension://<uuid>/` */
  baseUrl: string;
  /** Console lines of the web pages opened through `newTab` (BiDi reports none for extension pages). */
  consoleMessages: string[];
  /** A new tab showing `url` (a simulated page), waiting for a 200. */
  newTab(url: string): Promise<Page>;
  /** A new tab showing the extension page `path` (e.g. `options.html`), opened from LAUNCHER_URL. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The options page, ready. */
  openOptions(): Promise<Page>;
  /** The popup as a 400×600 tab; with `forTab` it shows that tab's state (`?tabId=N`). */
  openPopup(forTab?: Page): Promise<Page>;
  /** Firefox's tab id of a page (looked up by its URL from an extension page). */
  tabIdFor(page: Page): Promise<number>;
  /** Runs `fn(arg)` in an extension page (the control tab, an options page opened on first use). */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Runs `fn(arg)` in the extension's content-script world of the tab's top frame (the world
   * content.ts runs in), through scripting.executeScript. `fn` must be self-contained.
   */
  inContentScript<A, R>(tabId: number, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Saves tests/artifacts/firefox/<name>.png (full page). */
  saveScreenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The gecko id the manifest declares (wxt.config.ts), read from the build. */
export function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json declares no browser_specific_settings.gecko.id.`);
  return id;
}

export interface FirefoxLaunchOptions {
  /**
   * What an administrator would set for the add-on (the object under
   * `3rdparty.Extensions.<id>` in policies.json): the extension's `storage.managed` in this
   * Firefox only. Unset: no policy, `storage.managed.get()` rejects as on an unmanaged machine.
   */
  managedPolicy?: Record<string, unknown>;
}

/**
 * A HOME for one Firefox with Firefox's managed-storage manifest for the add-on
 * (`$HOME/.mozilla/managed-storage/<id>.json`, which Firefox reads for `storage.managed` when no
 * policies.json names the add-on). Per launch, unlike /etc/firefox/policies/policies.json or the
 * install's distribution/ folder, which every Firefox on the machine reads (and
 * `browser.policies.alternatePath` is honoured only in Mozilla's own automation builds or with
 * the security-disabling test pref). Returns the folder to use as HOME.
 */
export function writeManagedPolicy(geckoId: string, policy: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'ctc-firefox-home-'));
  const dir = join(home, '.mozilla', 'managed-storage');
  mkdirSync(dir, { recursive: true });
  const manifest = { name: geckoId, description: 'Managed policy of a Confluence Token Companion test', type: 'storage', data: policy };
  writeFileSync(join(dir, `${geckoId}.json`), JSON.stringify(manifest, null, 2));
  return home;
}

export async function launchFirefox(sim: Simulator, options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const extensionDir = buildDir(firefoxSettings.outDir, 'firefox');
  const policyHome = options.managedPolicy ? writeManagedPolicy(geckoIdOf(extensionDir), options.managedPolicy) : undefined;
  const removePolicyHome = () => {
    if (policyHome) rmSync(policyHome, { recursive: true, force: true });
  };
  let proxy: ConnectProxy;
  try {
    proxy = await startConnectProxy(sim.port, isSimulatedHost);
  } catch (error) {
    removePolicyHome();
    throw error;
  }
  const consoleMessages: string[] = [];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox().path,
      headless: firefoxSettings.headless,
      // Only with a policy: this Firefox alone reads its managed-storage manifest from its own HOME.
      ...(policyHome ? { env: { ...process.env, HOME: policyHome } } : {}),
      // The simulator's certificate is self-signed.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        // Every https:// host goes through our CONNECT proxy, localhost included, with no bypass list.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.share_proxy_settings': false,
        // Optional permissions (Data Center servers) are granted without a prompt automation cannot answer.
        'extensions.webextOptionalPermissionPrompts': false,
        // A fixed moz-extension://<uuid>/ for our add-on, so tests can name its pages.
        'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf(extensionDir)]: EXTENSION_UUID }),
      },
    });
  } catch (error) {
    await proxy.close();
    removePolicyHome();
    throw error;
  }
  let control: Page | undefined;

  const closeWithTimeout = async () => {
    // Firefox sometimes takes its time to quit; a stuck quit must not hang the suite.
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 10_000));
    await Promise.race([browser.close().catch(() => {}), timer]);
    browser.process()?.kill('SIGKILL');
  };

  try {
    // A temporary add-on, as about:debugging loads it (webExtension.install over BiDi).
    await browser.installExtension(extensionDir);
  } catch (error) {
    await closeWithTimeout();
    await proxy.close();
    removePolicyHome();
    throw error;
  }

  const session: FirefoxSession = {
    browser,
    sim,
    proxy,
    baseUrl: EXTENSION_BASE_URL,
    consoleMessages,

    async newTab(url) {
      const page = await browser.newPage();
      page.on('console', (message) => consoleMessages.push(`[${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => consoleMessages.push(`[pageerror] ${String(error)}`));
      const response = await page.goto(url);
      expect(response?.status(), `status of ${url}`).toBe(200);
      return page;
    },

    async openExtensionPage(path, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      await page.goto(LAUNCHER_URL);
      const target = EXTENSION_BASE_URL + path;
      await page.evaluate((url) => {
        location.href = url;
      }, target);
      await expect
        .poll(() => hrefOf(page), { timeout: WAIT_MS, message: `${target} opened from ${LAUNCHER_URL}` })
        .toBe(target);
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: WAIT_MS });
      return page;
    },

    async openOptions() {
      const page = await session.openExtensionPage('options.html');
      await expectAttribute(page, '[data-testid="options-page"]', 'data-state', 'ready');
      return page;
    },

    async openPopup(forTab) {
      const tabId = forTab ? await session.tabIdFor(forTab) : undefined;
      const popup = await session.openExtensionPage(`popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`, POPUP_VIEWPORT);
      await expect.poll(() => attributeOf(popup, '[data-state]', 'data-state'), { timeout: WAIT_MS }).toMatch(/^(ready|error)$/);
      return popup;
    },

    async tabIdFor(page) {
      const url = await hrefOf(page);
      let ids: number[] = [];
      await expect
        .poll(
          async () => {
            ids = await session.inExtension(async (wanted) => {
              const tabs = await (globalThis as FirefoxExtensionGlobal).browser.tabs.query({});
              return tabs.filter((tab) => tab.url === wanted && tab.id !== undefined).map((tab) => tab.id as number);
            }, url);
            return ids.length;
          },
          { timeout: WAIT_MS, message: `a tab shows ${url}` },
        )
        .toBeGreaterThan(0);
      if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}; open each URL once so the popup reads the right tab.`);
      return ids[0]!;
    },

    async inExtension(fn, arg) {
      control ??= await session.openExtensionPage('options.html');
      return control.evaluate(fn as (arg: unknown) => unknown, arg) as never;
    },

    async inContentScript(tabId, fn, arg) {
      control ??= await session.openExtensionPage('options.html');
      // Built as source so `fn` is defined in the extension page, from where executeScript
      // serialises it (a function cannot be passed to evaluate as an argument).
      const source = `(async () => {
        const [injection] = await browser.scripting.executeScript({
          target: { tabId: ${JSON.stringify(tabId)} },
          func: ${fn.toString()},
          args: [${JSON.stringify(arg ?? null)}],
        });
        if (!injection) throw new Error('executeScript injected nothing');
        if (injection.error) throw injection.error;
        return injection.result;
      })()`;
      return control.evaluate(source) as never;
    },

    async saveScreenshot(page, name) {
      mkdirSync(firefoxSettings.artifactsDir, { recursive: true });
      const path = join(firefoxSettings.artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },

    async close() {
      await closeWithTimeout();
      await proxy.close();
      removePolicyHome();
    },
  };
  return session;
}

/**
 * `globalThis` in code run in an extension page or the content-script world: Firefox has the
 * promise-based `browser` natively (typed by the polyfill's types). Functions sent there are
 * serialised, so they use this cast rather than any import.
 */
export type FirefoxExtensionGlobal = typeof globalThis & { browser: ExtensionBrowser };

/** The page's real URL: `page.url()` is stale after a navigation to an extension page. */
export async function hrefOf(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return ''; // mid-navigation: the old document is gone, the new one not there yet
  }
}

/** Selector of an element by data-testid, optionally inside a scope selector. */
export function tid(testId: string, within = ''): string {
  return `${within ? `${within} ` : ''}[data-testid="${testId}"]`;
}

/** Text of the first element matching `selector` (whitespace collapsed, as a person reads it), or null. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => {
    const element = document.querySelector(s);
    return element ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  }, selector);
}

export async function attributeOf(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
}

export async function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => document.querySelectorAll(s).length, selector);
}

export async function isDisabled(page: Page, selector: string): Promise<boolean | null> {
  return page.evaluate((s) => {
    const element = document.querySelector(s) as HTMLButtonElement | HTMLInputElement | null;
    return element ? element.disabled : null;
  }, selector);
}

/** Waits until the element's text equals `expected` (a string) or matches it (a RegExp). */
export async function expectText(page: Page, selector: string, expected: string | RegExp, timeout = WAIT_MS): Promise<void> {
  const poll = expect.poll(() => textOf(page, selector), { timeout, message: `text of ${selector}` });
  await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected));
}

export async function expectAttribute(page: Page, selector: string, name: string, expected: string | RegExp, timeout = WAIT_MS): Promise<void> {
  const poll = expect.poll(() => attributeOf(page, selector, name), { timeout, message: `${name} of ${selector}` });
  await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected));
}

export async function expectCount(page: Page, selector: string, expected: number, timeout = WAIT_MS): Promise<void> {
  await expect.poll(() => countOf(page, selector), { timeout, message: `number of ${selector}` }).toBe(expected);
}

/**
 * Clicks an element once it is visible and enabled. The tab comes to the front first: a
 * background tab's layout observers do not run, so the locator would wait forever.
 */
export async function click(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).setTimeout(WAIT_MS).click();
}

/**
 * Presses a button from the keyboard (focus, then Enter): for a button whose place on the page
 * may still move (a check finishing above it adds lines), where a pointer click can land beside it.
 */
export async function press(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).setTimeout(WAIT_MS).wait();
  await page.focus(selector);
  await page.keyboard.press('Enter');
}

/** Replaces an input's value as typing would. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).setTimeout(WAIT_MS).fill(value);
}

/** A screenshot of every tab of a failed test, and the web pages' console, for the person who reads the log. */
async function saveFailureEvidence(session: FirefoxSession, testName: string): Promise<void> {
  const dir = join(firefoxSettings.artifactsDir, 'failures');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  const pages = await session.browser.pages().catch(() => []);
  for (const [index, page] of pages.entries()) {
    const path = join(dir, `${slug}-${index}.png`);
    await page.screenshot({ path, fullPage: true }).then(
      () => console.log(`[firefox] screenshot of tab ${index} (${page.url()}): ${path}`),
      () => {},
    );
  }
  if (session.consoleMessages.length > 0) console.log(`[firefox] console of "${testName}":\n${session.consoleMessages.join('\n')}`);
}

interface FirefoxFixtures {
  /** This file's simulator, reset and with an empty log at the start of every test. */
  sim: Simulator;
  /**
   * The managed policy the test's Firefox gets (FirefoxLaunchOptions.managedPolicy): none unless
   * a suite sets one with `test.override({ managedPolicy: { ... } })`.
   */
  managedPolicy: Record<string, unknown> | undefined;
  /** A fresh Firefox profile with the extension, for this test only. */
  ff: FirefoxSession;
}

/**
 * `test` with the Firefox fixtures: one simulator per test file, one Firefox per test (a fresh
 * profile, so no cached cloudId or token leaks between tests). A failing test leaves a
 * screenshot of each of its tabs in tests/artifacts/firefox/failures/.
 */
export const test = base.extend<FirefoxFixtures>({
  sim: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sim = await startSimulator();
      await use(sim);
      await sim.close();
    },
    { scope: 'file' },
  ],
  managedPolicy: undefined,
  ff: async ({ sim, task, managedPolicy }, use) => {
    await sim.control.reset();
    sim.clearLog();
    const session = await launchFirefox(sim, managedPolicy ? { managedPolicy } : {});
    try {
      await use(session);
      // Fixtures are torn down after the test's result is known.
      if (task.result?.state === 'fail') await saveFailureEvidence(session, task.name);
    } finally {
      await session.close();
    }
  },
});

export { expect };
