import { SIM_EXPORT, SIM_TOKENS } from '../simulator/index';
import { attributeOf, click, expect, expectAttribute, expectText, test, tid } from './harness';
import { addToken } from './token-steps';

// Export in real Firefox (as tests/e2e/export.spec.ts does in Chromium): Firefox's MV3
// background is an event page, the Export page talks to it over the same port, converts with
// Firefox's DOM and saves through the downloads API.

test('a page tree exports from the Export page: the pages listed, converted, zipped and saved', async ({ ff, sim }) => {
  const options = await ff.openOptions();
  await addToken(options, { label: 'Alice', kind: 'classic', secret: SIM_TOKENS.aliceClassic.secret, site: SIM_EXPORT.host });
  sim.control.failContent(SIM_EXPORT.brokenId, { status: 404 });
  const page = await ff.openExtensionPage(`export.html?site=${SIM_EXPORT.host}&page=${SIM_EXPORT.rootId}&scope=tree`);
  await expectText(page, 'h1', /Export handbook/);
  await click(page, tid('export-start'));
  await expectAttribute(page, tid('export-result'), 'data-outcome', 'done', 30_000);
  await expectText(page, tid('export-outcome'), /Exported 5 pages and 3 attachments/);
  await expectText(page, tid('export-failure'), /Broken page/);
  await expectText(page, tid('export-saved'), 'Saved as EXP - Export handbook (tree).zip in your downloads.');
  expect(await attributeOf(page, tid('export-result'), 'data-outcome')).toBe('done');
  // No credential reached the media host from Firefox either.
  const media = sim.log.filter((e) => e.host === 'api.media.atlassian.com');
  expect(media.length).toBeGreaterThanOrEqual(3);
  for (const entry of media) expect(entry.credentialHeaders).toEqual([]);
  await ff.saveScreenshot(page, 'firefox-export-result');
});
