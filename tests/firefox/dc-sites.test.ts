import { SIM_DC, SIM_PAGES, SIM_TOKENS } from '../simulator/index';
import { attributeOf, click, expect, expectAttribute, expectCount, expectText, fill, test, tid, type FirefoxExtensionGlobal } from './harness';

// Data Center sites in real Firefox, with the real optional permission: Firefox's pref
// `extensions.webextOptionalPermissionPrompts: false` (tests/firefox/harness.ts) grants what
// `permissions.request` asks without a prompt automation could not answer, so here the grant,
// the content script's registration on that origin and the permission's removal are the real ones.

const ORIGIN = `https://${SIM_DC.host}`;
const HOME = SIM_PAGES.dcHome;

const dcState = (origin: string) => async (wanted: string) => {
  const ext = (globalThis as FirefoxExtensionGlobal).browser;
  const scripts = await (ext as unknown as { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } }).scripting.getRegisteredContentScripts();
  return { granted: await ext.permissions.contains({ origins: [`${wanted}/*`] }), scripts: scripts.map((s) => s.id).filter((id) => id.startsWith('ctc-dc-')) };
};

test('a Data Center site is added with the browser’s permission, recognised on its pages, and removed with it', async ({ ff, sim }) => {
  const options = await ff.openOptions();
  expect(await ff.inExtension(dcState(ORIGIN), ORIGIN)).toEqual({ granted: false, scripts: [] });

  await click(options, tid('dc-site-add-open'));
  await fill(options, tid('dc-field-base-url'), `${SIM_DC.baseUrl}/`);
  await fill(options, tid('dc-field-pat-label'), 'Carol PAT');
  await fill(options, tid('dc-field-pat-secret'), SIM_TOKENS.carolPat.secret);
  await click(options, tid('dc-site-add'));
  await expectAttribute(options, tid('dc-site-row'), 'data-base-url', SIM_DC.baseUrl, 20_000);
  await expectText(options, tid('dc-site-added'), /Added confluence\.dc\.test \(Confluence 8\.5\.4\) and the token “Carol PAT” saved/);
  expect(await ff.inExtension(dcState(ORIGIN), ORIGIN)).toMatchObject({ granted: true, scripts: [expect.stringMatching(/^ctc-dc-/)] });
  // Only the probe went out without a credential; the token's check used Bearer.
  const dcCalls = sim.log.filter((e) => e.host === SIM_DC.host);
  expect(dcCalls.filter((e) => e.authKind !== 'bearer').map((e) => e.authKind)).toEqual(['none', 'none']);

  // Its page is recognised by the registered content script.
  const page = await ff.newTab(`${SIM_DC.baseUrl}/pages/viewpage.action?pageId=${HOME.id}`);
  const popup = await ff.openPopup(page);
  await expectText(popup, tid('tab-dc-site'), /Confluence Data Center 8\.5\.4/);
  await expectText(popup, tid('page-id'), HOME.id);

  // Removing it: the saved PAT still needs the server, so the access stays; the script goes.
  await options.bringToFront();
  await options.evaluate(() => {
    window.confirm = () => true;
  });
  await click(options, tid('dc-site-remove'));
  await expectCount(options, tid('dc-site-row'), 0);
  expect(await ff.inExtension(dcState(ORIGIN), ORIGIN)).toEqual({ granted: true, scripts: [] });
  await expectText(options, tid('dc-site-removed'), /stay saved/);

  // Without a token for it, removing the site gives the permission back.
  await options.evaluate(() => {
    window.confirm = () => true;
  });
  await click(options, tid('token-remove', `[data-testid="token-row"]`));
  await expectCount(options, tid('token-row'), 0);
  await click(options, tid('dc-site-add-open'));
  await fill(options, tid('dc-field-base-url'), SIM_DC.baseUrl);
  await click(options, tid('dc-site-add'));
  await expectAttribute(options, tid('dc-site-row'), 'data-base-url', SIM_DC.baseUrl, 20_000);
  await click(options, tid('dc-site-remove'));
  await expectCount(options, tid('dc-site-row'), 0);
  expect(await ff.inExtension(dcState(ORIGIN), ORIGIN)).toEqual({ granted: false, scripts: [] });
  expect(await attributeOf(options, tid('options-page'), 'data-state')).toBe('ready');
  await ff.saveScreenshot(options, 'firefox-dc-sites');
});
