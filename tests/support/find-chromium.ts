import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

/** Where a usable Chromium was found, and which rule found it (shown in logs). */
export interface ChromiumLocation {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright';
}

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_INSTALL_HINT =
  'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/** What the search depends on, so the order of the rules can be tested without a browser. */
export interface ChromiumSearchEnv {
  env: Record<string, string | undefined>;
  isExecutable(path: string): boolean;
  /** Playwright's own download, if it knows one (the file may not exist). */
  playwrightPath(): string | undefined;
}

/**
 * Finds Chromium: env CHROMIUM_PATH, then the system package, then Playwright's download.
 * A CHROMIUM_PATH that points nowhere is an error rather than silently ignored: the user
 * asked for that browser.
 */
export function findChromium(search: ChromiumSearchEnv = nodeSearchEnv()): ChromiumLocation {
  const fromEnv = search.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (search.isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH is set to ${fromEnv}, but no executable file is there. ` +
        `Point it at a Chromium or Chrome executable, or unset it to use ${SYSTEM_CHROMIUM}.`,
    );
  }
  if (search.isExecutable(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const bundled = search.playwrightPath();
  if (bundled && search.isExecutable(bundled)) return { path: bundled, source: 'playwright' };
  throw new ChromiumNotFoundError(
    `No Chromium found (looked at CHROMIUM_PATH, ${SYSTEM_CHROMIUM}` +
      `${bundled ? `, ${bundled}` : ''}). ${CHROMIUM_INSTALL_HINT}`,
  );
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function nodeSearchEnv(): ChromiumSearchEnv {
  return {
    env: process.env,
    isExecutable: isExecutableFile,
    playwrightPath: playwrightChromiumPath,
  };
}

/** Playwright's registry knows where its download would be; it throws when it has none. */
function playwrightChromiumPath(): string | undefined {
  try {
    // Loaded only when needed: the demo should not pay for Playwright Test when Chromium is installed.
    const { chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
