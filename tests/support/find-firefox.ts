import { isExecutableFile } from './find-chromium';

/** Where a usable Firefox was found, and which rule found it (shown in logs). */
export interface FirefoxLocation {
  path: string;
  source: 'FIREFOX_PATH' | 'system';
}

/** Debian's ESR package first (what CI installs), then a plain `firefox`. */
export const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'] as const;

export const FIREFOX_INSTALL_HINT =
  'Install it with `sudo apt-get install firefox-esr` (Debian), ' +
  'or set FIREFOX_PATH to a Firefox executable (142 or later).';

export class FirefoxNotFoundError extends Error {
  override name = 'FirefoxNotFoundError';
}

/** What the search depends on, so the order of the rules can be tested without a browser. */
export interface FirefoxSearchEnv {
  env: Record<string, string | undefined>;
  isExecutable(path: string): boolean;
}

/**
 * Finds Firefox for the Firefox end-to-end tests: env FIREFOX_PATH, then /usr/bin/firefox-esr,
 * then /usr/bin/firefox. A FIREFOX_PATH that points nowhere is an error, not a silent fallback
 * (the same rule as CHROMIUM_PATH). Puppeteer's own Firefox download is never used: our
 * machines cannot download browsers.
 */
export function findFirefox(search: FirefoxSearchEnv = { env: process.env, isExecutable: isExecutableFile }): FirefoxLocation {
  const fromEnv = search.env.FIREFOX_PATH?.trim();
  if (fromEnv) {
    if (search.isExecutable(fromEnv)) return { path: fromEnv, source: 'FIREFOX_PATH' };
    throw new FirefoxNotFoundError(
      `FIREFOX_PATH is set to ${fromEnv}, but no executable file is there. ` +
        `Point it at a Firefox executable, or unset it to use ${SYSTEM_FIREFOXES.join(' or ')}.`,
    );
  }
  for (const path of SYSTEM_FIREFOXES) if (search.isExecutable(path)) return { path, source: 'system' };
  throw new FirefoxNotFoundError(`No Firefox found (looked at FIREFOX_PATH, ${SYSTEM_FIREFOXES.join(', ')}). ${FIREFOX_INSTALL_HINT}`);
}
