import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { formatKiB, scriptsLoadedByPage, totalBytes } from '../support/bundle-size';
import { e2eSettings } from '../support/e2e-settings';
import { buildDir } from '../support/extension-build';

// The content script runs on every atlassian.net page (Jira too), so it must stay small; the
// popup must open instantly. Budgets are in bytes of the production build; the popup's counts
// every chunk it can load, lazy ones too. Raised in issue 10 (Data Center sites), content script
// 20 → 22 KiB (it now also recognises Data Center pages by their tags and URL shapes) and popup
// 48 → 49 KiB (site keys in the page-context schema, the Data Center site in the tab section);
// in issue 12 (managed policy), popup 49 → 51 KiB (the policy read and kept for the views, the
// "Set by your organisation" marks, the organisation's help next to every fix; the options
// page's sentences about each key stay out of the popup).
const CONTENT_SCRIPT_BUDGET = 22 * 1024;
const POPUP_JS_BUDGET = 51 * 1024;

const root = buildDir(e2eSettings.outDir);

test('the content script fits its 22 KiB budget', async ({}, testInfo) => {
  const bytes = statSync(join(root, 'content-scripts', 'content.js')).size;
  const line = `content script: ${formatKiB(bytes)} of ${formatKiB(CONTENT_SCRIPT_BUDGET)}`;
  console.log(line);
  testInfo.annotations.push({ type: 'size', description: line });
  expect(bytes, line).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
});

test('the popup loads at most 51 KiB of JavaScript, lazy chunks included', async ({}, testInfo) => {
  const scripts = scriptsLoadedByPage(root, 'popup.html');
  // popup.html without any script would mean the parser missed them, not a tiny popup.
  expect(scripts.length, 'scripts found in popup.html').toBeGreaterThan(0);
  const bytes = totalBytes(scripts);
  const lines = [
    `popup JavaScript: ${formatKiB(bytes)} of ${formatKiB(POPUP_JS_BUDGET)}`,
    ...scripts.map((script) => `  ${script.file}: ${formatKiB(script.bytes)}`),
  ];
  console.log(lines.join('\n'));
  testInfo.annotations.push({ type: 'size', description: lines[0]! });
  expect(bytes, lines.join('\n')).toBeLessThanOrEqual(POPUP_JS_BUDGET);
});
