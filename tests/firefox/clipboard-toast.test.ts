import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { expect, test, type FirefoxExtensionGlobal } from './harness';

// The background's clipboard and the page toast in real Firefox, as tests/e2e/clipboard-toast.spec.ts
// does in Chromium. Firefox's MV3 background is an event page with a DOM: it writes the clipboard
// itself (no offscreen document), and extension pages reach its `ctcBackground` through
// runtime.getBackgroundPage().

const PAGE_URL = `https://${SIM_SITES.acme.host}${cloudContentPath(SIM_PAGES.architecture)}`;

interface BackgroundWindow {
  ctcBackground: {
    clipboard: { write(text: string): Promise<void> };
    toaster: { show(tabId: number, toast: { text: string; tone: 'ok' | 'error' }): Promise<boolean> };
  };
}

test('the event page writes the clipboard itself; a paste on the page reads it back', async ({ ff }) => {
  const page = await ff.newTab(PAGE_URL);
  const text = '[Architecture](https://acme.atlassian.net/wiki/spaces/ENG/pages/1000002/Architecture) ✓';
  const written = await ff.inExtension(async (t) => {
    const background = (await (globalThis as FirefoxExtensionGlobal).browser.runtime.getBackgroundPage()) as unknown as BackgroundWindow;
    try {
      await background.ctcBackground.clipboard.write(t);
      return 'written';
    } catch (error) {
      return String(error);
    }
  }, text);
  expect(written).toBe('written');

  // Paste into a textarea on the page, as a person would (a trusted Ctrl+V).
  await page.bringToFront();
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'paste-here';
    document.body.prepend(area);
    area.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  await expect.poll(() => page.evaluate(() => (document.getElementById('paste-here') as HTMLTextAreaElement).value)).toBe(text);
});

test('a toast from the background shows on the page, which cannot read it; one from an extension page is ignored', async ({ ff }) => {
  const page = await ff.newTab(PAGE_URL);
  const tabId = await ff.tabIdFor(page);
  const text = 'Copied the Markdown link of “Architecture”';
  await expect
    .poll(() =>
      ff.inExtension(
        async ([id, t]) => {
          const background = (await (globalThis as FirefoxExtensionGlobal).browser.runtime.getBackgroundPage()) as unknown as BackgroundWindow;
          return background.ctcBackground.toaster.show(id, { text: t, tone: 'ok' });
        },
        [tabId, text] as const,
      ),
    )
    .toBe(true);
  await page.bringToFront();
  const view = await page.evaluate((wanted) => {
    const host = document.documentElement.lastElementChild as HTMLElement;
    const box = host.getBoundingClientRect();
    return {
      tag: host.tagName,
      shadowRoot: host.shadowRoot,
      innerTextHasIt: document.documentElement.innerText.includes(wanted),
      outerHtmlHasIt: document.documentElement.outerHTML.includes(wanted),
      width: box.width,
      right: box.right,
      bottom: box.bottom,
      viewport: { width: innerWidth, height: innerHeight },
    };
  }, text);
  expect(view).toMatchObject({ tag: 'DIV', shadowRoot: null, innerTextHasIt: false, outerHtmlHasIt: false });
  expect(view.width).toBeGreaterThan(150);
  expect(view.right).toBeGreaterThan(view.viewport.width - 40);
  expect(view.bottom).toBeGreaterThan(view.viewport.height - 40);
  await ff.saveScreenshot(page, 'toast');

  // Escape dismisses it; a toast sent by an extension page (not the background) is not shown.
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe('BODY');
  const fromPage = await ff.inExtension(async (id) => {
    try {
      return await (globalThis as FirefoxExtensionGlobal).browser.tabs.sendMessage(id, { type: 'ctc-toast', text: 'from a page', tone: 'ok' });
    } catch (error) {
      return String(error);
    }
  }, tabId);
  expect(fromPage).not.toEqual({ shown: true });
  expect(await page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe('BODY');
});
