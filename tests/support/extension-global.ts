import type { Browser } from 'webextension-polyfill';

/**
 * `globalThis` inside `serviceWorker.evaluate(...)` or an extension page: Chrome's MV3 `chrome`
 * API returns promises, as the polyfill's types describe. The project has no @types/chrome.
 */
export type ExtensionGlobal = typeof globalThis & { chrome: Browser };
