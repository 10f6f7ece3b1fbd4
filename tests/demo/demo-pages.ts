import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { cloudContentPath } from '../simulator/urls';

/** The demo opens the first of these; the others are printed for trying by hand. */
export const DEMO_SITE = SIM_SITES.acme.host;

export const DEMO_PAGE_PATHS: readonly [string, ...string[]] = [
  cloudContentPath(SIM_PAGES.architecture),
  cloudContentPath(SIM_PAGES.quarterlyUpdate),
  '/wiki/x/LIQHD',
  `/wiki/pages/viewpage.action?pageId=${SIM_PAGES.onboarding.id}`,
  cloudContentPath(SIM_PAGES.spaStart),
  '/jira/your-work',
];
