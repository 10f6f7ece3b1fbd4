// `npm start`: builds the extension, starts the Confluence simulator and opens Chromium with the
// extension on a simulated Confluence page. With a display it stays open until the browser is
// closed or Ctrl-C; without one it saves screenshots to tests/artifacts/demo/ and exits.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startSimulator, type Simulator } from '../simulator/index';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { buildExtension, PROJECT_ROOT } from '../support/extension-build';
import { extensionIdOf, POPUP_VIEWPORT, popupUrl, tabIdByUrl } from '../support/extension-tabs';
import { ChromiumNotFoundError, findChromium } from '../support/find-chromium';
import { SIM_DC, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { DEMO_PAGE_PATHS, DEMO_SITE } from './demo-pages';

const OUT_DIR = '.output/demo';
const SCREENSHOT_DIR = join(PROJECT_ROOT, 'tests', 'artifacts', 'demo');

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return !ci && Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const browserPath = findChromium().path;
  console.log('Building the extension for Chrome…');
  const extensionDir = await buildExtension(OUT_DIR);

  const sim = await startSimulator();
  const headed = hasDisplay(process.env);
  console.log(`Simulator on port ${sim.port}; *.atlassian.net goes there inside the demo browser.`);

  const context = await chromium.launchPersistentContext('', {
    executablePath: browserPath,
    headless: !headed,
    // Headed: the window's own size; headless: a laptop-sized page for the screenshots.
    viewport: headed ? null : { width: 1280, height: 800 },
    args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = extensionIdOf(serviceWorker);

  const page = context.pages()[0] ?? (await context.newPage());
  const siteUrl = sim.siteUrl(DEMO_SITE);
  const firstUrl = siteUrl + DEMO_PAGE_PATHS[0];
  await page.goto(firstUrl);

  if (headed) {
    await runHeaded(context, sim, siteUrl, extensionId);
  } else {
    await saveScreenshots(context, page, extensionId, extensionDir, serviceWorker);
    await context.close();
    await sim.close();
  }
}

/** The simulator's invented tokens, to try the token features without an Atlassian account. */
function printDemoTokens(): void {
  console.log('\nTokens the simulator accepts (invented, for this demo only):');
  console.log(`  classic   email ${SIM_USERS.alice.email}  token ${SIM_TOKENS.aliceClassic.secret}`);
  console.log(`  scoped    email ${SIM_USERS.alice.email}  token ${SIM_TOKENS.aliceScoped.secret}`);
  console.log(`  DC PAT    base URL ${SIM_DC.baseUrl}  token ${SIM_TOKENS.carolPat.secret}`);
}

async function runHeaded(context: BrowserContext, sim: Simulator, siteUrl: string, extensionId: string) {
  console.log('\nChromium is open on a simulated Confluence page. Try these too:');
  for (const path of DEMO_PAGE_PATHS) console.log(`  ${siteUrl}${path}`);
  console.log(`The popup as a page: ${popupUrl(extensionId)}  (or click the toolbar icon)`);
  console.log(`Settings (tokens, lock, activity): chrome-extension://${extensionId}/options.html`);
  printDemoTokens();
  console.log('Close the browser or press Ctrl-C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await context.close().catch(() => {});
    await sim.close();
    console.log('Demo stopped.');
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise<void>((resolve) => context.once('close', () => resolve()));
  await stop();
}

async function saveScreenshots(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  extensionDir: string,
  serviceWorker: Parameters<typeof tabIdByUrl>[0],
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const saved: string[] = [];
  const shoot = async (target: Page, name: string) => {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await target.screenshot({ path, fullPage: true });
    saved.push(path);
  };

  await shoot(page, 'confluence-page');

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(popupUrl(extensionId, await tabIdByUrl(serviceWorker, page.url())));
  await waitUntilSettled(popup);
  await shoot(popup, 'popup');

  if (existsSync(join(extensionDir, 'options.html'))) {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForLoadState('networkidle');
    await shoot(options, 'options');
  }

  console.log('\nNo display (or CI): ran headless and saved these screenshots:');
  for (const path of saved) console.log(`  ${relative(process.cwd(), path)}`);
  printDemoTokens();
}

/** The popup's root element says `data-state="loading|ready|error"`; a screenshot of "loading" shows little. */
async function waitUntilSettled(popup: Page): Promise<void> {
  try {
    await popup.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout: 10_000 });
  } catch {
    console.warn('The popup did not leave its loading state within 10 s; screenshotting it as it is.');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ChromiumNotFoundError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
