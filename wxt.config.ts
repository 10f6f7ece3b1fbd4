import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestCommands } from './lib/features/page-actions/action-surfaces';

// Firefox also gets Manifest V3 (`wxt build -b firefox --mv3`); WXT would default it to MV2.
export default defineConfig({
  // A separate output folder lets parallel builds (tests, demo) not trample each other.
  outDir: process.env.CTC_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: every file shows where what it uses comes from.
  imports: false,
  // The sources zip AMO asks for (docs/store.md): the code, not test output or builds.
  zip: { excludeSources: ['tests/artifacts/**', '.output*/**', 'test-results/**', 'playwright-report/**'] },
  vite: () => ({
    plugins: [preact({ prerender: { enabled: false } })],
    // Extension pages load from disk: no modulepreload polyfill or preload helper is worth its bytes.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    // End-to-end builds only (CTC_E2E_BUILD=1, made by tests/firefox): WebDriver BiDi will not
    // navigate to extension pages, so the Firefox tests open the popup and options page from a
    // simulated Atlassian page, which needs them web-accessible there; and BiDi cannot reach the
    // content script's world, so the tests run code there with scripting.executeScript. The
    // release builds have neither (checked by tests/firefox/release-manifest.test.ts).
    ...(process.env.CTC_E2E_BUILD === '1'
      ? { web_accessible_resources: [{ resources: ['popup.html', 'options.html', 'export.html'], matches: ['https://*.atlassian.net/*'] }] }
      : {}),
    // Chromium policy e2e only (CTC_E2E_MANIFEST_KEY, tests/support/extension-key.ts): a fixed
    // extension id, which a machine policy file names. Release builds have no `key`.
    ...(process.env.CTC_E2E_MANIFEST_KEY ? { key: process.env.CTC_E2E_MANIFEST_KEY } : {}),
    name: 'Confluence Token Companion',
    // No inline or remote script, no eval, no plugins, no <base> tricks in extension pages.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    description:
      'Detects Confluence sites and pages, and keeps Atlassian API tokens healthy, visible and safe.',
    // Each permission is justified in docs/permissions.md.
    // `offscreen` (Chrome) and `clipboardWrite` (both) let menus and shortcuts copy from the background.
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
      'clipboardWrite',
      // Exports save their files through the browser's downloads (and its "ask where to save" setting).
      'downloads',
      // Data Center sites (issue 10): their content script is registered at run time for the
      // origins the person granted, and "Enable on this site" reads the page's Confluence tags.
      'scripting',
      // The toolbar menu's "Enable on this site": the clicked tab's URL, only for that click.
      'activeTab',
    ],
    // Keyboard shortcuts, generated from the one list of actions (lib/features/page-actions/action-surfaces.ts).
    commands: manifestCommands(),
    host_permissions: [
      'https://*.atlassian.net/*',
      'https://api.atlassian.com/*',
      'https://api.media.atlassian.com/*',
      // Chromium e2e only (CTC_E2E_GRANTED_ORIGINS): automation cannot answer the browser's
      // permission prompt, so the simulated Data Center servers are granted up front there.
      ...(process.env.CTC_E2E_GRANTED_ORIGINS ? process.env.CTC_E2E_GRANTED_ORIGINS.split(',').map((origin) => `${origin}/*`) : []),
    ],
    // Data Center servers can be anywhere: each origin is asked for, from a click, only when a
    // Data Center token needs it (https only: a PAT never travels in clear text).
    optional_host_permissions: ['https://*/*'],
    // What an organisation may set through Chrome's managed storage (docs: issue 12, lib/features/policy/);
    // Firefox reads the `3rdparty` section of policies.json without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // storage.local.setAccessLevel (closing the vault's key to content scripts) exists for every
    // storage area from Chrome 140 (MDN browser-compat-data); before that it failed open.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '140' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'confluence-token-companion@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
