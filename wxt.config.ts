import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox also gets Manifest V3 (`wxt build -b firefox --mv3`); WXT would default it to MV2.
export default defineConfig({
  // A separate output folder lets parallel builds (tests, demo) not trample each other.
  outDir: process.env.CTC_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: every file shows where what it uses comes from.
  imports: false,
  vite: () => ({
    plugins: [preact({ prerender: { enabled: false } })],
    // Extension pages load from disk: no modulepreload polyfill or preload helper is worth its bytes.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: 'Confluence Token Companion',
    description:
      'Detects Confluence sites and pages, and keeps Atlassian API tokens healthy, visible and safe.',
    // Each permission is justified in docs/permissions.md.
    permissions: ['storage'],
    host_permissions: ['https://*.atlassian.net/*', 'https://api.atlassian.com/*'],
    // Data Center servers can be anywhere: each origin is asked for, from a click, only when a
    // Data Center token needs it (https only: a PAT never travels in clear text).
    optional_host_permissions: ['https://*/*'],
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
