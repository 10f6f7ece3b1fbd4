import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';
import { expect, test } from './fixtures';

// "Read the cloudId again" in the popup: the background reads the site's tenant_info itself
// (no credentials), and the popup shows what it read.
const acme = SIM_SITES.acme;
const architecture = SIM_PAGES.architecture;
const architectureUrl = `https://${architecture.site}${cloudContentPath(architecture)}`;

test('the popup reads the cloudId again on request, without credentials', async ({ context, sim, openPopup }) => {
  const page = await context.newPage();
  await page.goto(architectureUrl);
  const popup = await openPopup(architectureUrl);
  await expect(popup.getByTestId('tab-cloud-id')).toHaveText(acme.cloudId);
  const reads = () => sim.log.filter((e) => e.host === acme.host && e.path === '/_edge/tenant_info');
  const before = reads().length;

  await popup.getByTestId('cloud-id-read-again').click();
  await expect.poll(() => reads().length).toBe(before + 1);
  expect(reads().at(-1)).toMatchObject({ authKind: 'none', method: 'GET' });
  await expect(popup.getByTestId('cloud-id-read-again')).toBeEnabled();
  await expect(popup.getByTestId('tab-cloud-id')).toHaveText(acme.cloudId);
  await expect(popup.getByTestId('cloud-id-refresh-error')).toHaveCount(0);

  // A failed read says why, and the cloudId read before stays.
  sim.control.injectFault({ host: acme.host, pathPrefix: '/_edge/tenant_info', kind: 'status', status: 503, times: 10 });
  await popup.getByTestId('cloud-id-read-again').click();
  await expect(popup.getByTestId('cloud-id-refresh-error')).toBeVisible();
  await expect(popup.getByTestId('tab-cloud-id')).toHaveText(acme.cloudId);
});
