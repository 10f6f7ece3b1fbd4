/**
 * The popup's time to settled content, in real Chromium with the built extension loaded:
 * from navigation start until `<main class="popup">` leaves `data-state="loading"` (for
 * `ready` or `error`), beside the same figure for a blank page of the extension. Printed, never
 * asserted (see run.ts).
 *
 * The harness is the e2e one: tests/support/ finds Chromium, builds the extension (into its own
 * output folder, so `.output/` and the e2e build are left alone), gives the Chromium switches and
 * the tab-id lookup; tests/simulator/ serves the Confluence page the popup describes.
 *
 * Environment: CTC_BENCH_OUT_DIR (default `.output-bench`), CTC_SKIP_BUILD=1 to reuse that build,
 * CTC_BENCH_OPENS (default 15).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { startSimulator } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { buildDir, buildExtension, isBuilt } from '../support/extension-build';
import { extensionIdOf, POPUP_VIEWPORT, popupUrl, tabIdByUrl } from '../support/extension-tabs';
import { ChromiumNotFoundError, findChromium } from '../support/find-chromium';

/**
 * The baseline page. The build has no blank extension page: popup.html and options.html both
 * load their script bundles (see `.output-bench/chrome-mv3/`), and nothing may be added to the
 * release build for a benchmark. So the bench writes, into its OWN build folder only, a copy of
 * popup.html with its `<script>` tags removed: the same document from the same origin and
 * process, with the same stylesheet, but no JavaScript. Its figure is the time to
 * `DOMContentLoaded` (`domContentLoadedEventEnd`), i.e. the least an extension page of this
 * shape costs to open; the ratio popup ÷ blank is then what the popup's script, its three
 * messages to the background and its render add on top.
 */
const BLANK_PAGE = 'bench-blank.html';

/** Goal for the ratio popup ÷ blank; printed beside the figure, never asserted. */
const RATIO_GOAL = 1.2;

interface Settled {
  /** `performance.now()` when data-state first left `loading`: ms since navigation start. */
  at: number;
  state: string;
}

declare global {
  interface Window {
    __ctcSettled?: Settled;
  }
}

/**
 * Runs in every extension page before its own scripts: notes the moment the popup's root leaves
 * its loading state. The MutationObserver callback runs in the microtask right after the render
 * that changed the attribute, so `performance.now()` there is the settle time.
 */
function watchPopupState(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const observer = new MutationObserver(() => {
    const state = document.querySelector('main.popup')?.getAttribute('data-state');
    if (!state || state === 'loading' || window.__ctcSettled) return;
    window.__ctcSettled = { at: performance.now(), state };
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

function writeBlankPage(extensionDir: string): string {
  const popup = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  const blank = popup.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '');
  if (/<script\b/i.test(blank) || blank === popup) throw new Error(`Could not strip the scripts of ${extensionDir}/popup.html.`);
  writeFileSync(join(extensionDir, BLANK_PAGE), blank);
  return BLANK_PAGE;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function domContentLoadedAt(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    if (!nav) throw new Error('No navigation timing entry.');
    return nav.domContentLoadedEventEnd - nav.startTime;
  });
}

/** Opens the popup in a new page (as a real popup is a new document each time) and times it. */
async function openPopup(context: BrowserContext, url: string): Promise<{ settled: Settled; dcl: number }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__ctcSettled !== undefined, undefined, { timeout: 20_000 });
    const settled = await page.evaluate(() => window.__ctcSettled!);
    return { settled, dcl: await domContentLoadedAt(page) };
  } finally {
    await page.close();
  }
}

async function openBlank(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await domContentLoadedAt(page);
  } finally {
    await page.close();
  }
}

export async function benchPopupTiming(label: (name: string) => string): Promise<void> {
  let chromiumPath: string;
  try {
    chromiumPath = findChromium().path;
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError)) throw error;
    console.log(`${label('popup time to settled content')} skipped: ${error.message}`);
    return;
  }
  const opens = Math.max(1, Number(process.env.CTC_BENCH_OPENS) || 15);
  const outDir = process.env.CTC_BENCH_OUT_DIR || '.output-bench';
  let extensionDir: string;
  if (process.env.CTC_SKIP_BUILD === '1' && isBuilt(outDir)) {
    extensionDir = buildDir(outDir);
  } else {
    console.log(`(building the extension into ${outDir} for the popup figures)`);
    extensionDir = await buildExtension(outDir);
  }
  const blankPage = writeBlankPage(extensionDir);

  const sim = await startSimulator();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    viewport: POPUP_VIEWPORT,
    args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }),
  });
  try {
    await context.addInitScript(watchPopupState);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = extensionIdOf(worker);

    // A tab showing a simulator Confluence page; its content script reports the page.
    const content = SIM_PAGES.architecture;
    const tab = await context.newPage();
    await tab.goto(`https://${content.site}${cloudContentPath(content)}`);
    const tabId = await tabIdByUrl(worker, tab.url());
    const url = popupUrl(extensionId, tabId);
    const blankUrl = `chrome-extension://${extensionId}/${blankPage}`;

    // Warm-up: one open until the popup shows the page's site with its cloudId, so every measured
    // open reads cached data (the background has the page, the site and its cloudId).
    const warm = await context.newPage();
    await warm.goto(url);
    await warm.waitForFunction(
      (cloudId) => document.querySelector('[data-testid="tab-cloud-id"]')?.textContent === cloudId,
      SIM_SITES.acme.cloudId,
      { timeout: 20_000 },
    );
    await warm.close();
    // A few unmeasured opens of each, so both figures are taken with warm caches (V8's code cache).
    for (let i = 0; i < 3; i++) {
      await openPopup(context, url);
      await openBlank(context, blankUrl);
    }

    // Interleaved, so that a slower stretch of the machine weighs on both figures alike.
    const popupSettled: number[] = [];
    const popupDcl: number[] = [];
    const blank: number[] = [];
    const states = new Map<string, number>();
    for (let i = 0; i < opens; i++) {
      const popup = await openPopup(context, url);
      popupSettled.push(popup.settled.at);
      popupDcl.push(popup.dcl);
      states.set(popup.settled.state, (states.get(popup.settled.state) ?? 0) + 1);
      blank.push(await openBlank(context, blankUrl));
    }

    const range = (values: number[]) => `(min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}; ${opens} opens)`;
    const settledMs = median(popupSettled);
    const blankMs = median(blank);
    const ratio = settledMs / blankMs;
    const endStates = [...states].map(([state, n]) => `${n}× ${state}`).join(', ');
    console.log(`${label('popup: navigation → settled (median)')} ${settledMs.toFixed(1).padStart(10)} ms     ${range(popupSettled)}; ${endStates}`);
    console.log(`${label('popup: navigation → DOMContentLoaded (median)')} ${median(popupDcl).toFixed(1).padStart(10)} ms     ${range(popupDcl)}`);
    console.log(`${label('blank extension page: → DOMContentLoaded (median)')} ${blankMs.toFixed(1).padStart(10)} ms     ${range(blank)}`);
    console.log(
      `${label('popup settled ÷ blank page')} ${ratio.toFixed(2).padStart(10)}        (goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'not met'})`,
    );
  } finally {
    await context.close();
    await sim.close();
  }
}
