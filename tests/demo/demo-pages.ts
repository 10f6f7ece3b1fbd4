import { SIM_PAGES, SIM_SITES } from '../simulator/fixtures';
import { SIM_EXPORT } from '../simulator/index';
import { cloudContentPath } from '../simulator/urls';

/** The demo opens the first of these; the others are printed for trying by hand. */
export const DEMO_SITE = SIM_SITES.acme.host;

export const DEMO_PAGE_PATHS: readonly [string, ...string[]] = [
  cloudContentPath(SIM_PAGES.architecture),
  cloudContentPath(SIM_PAGES.quarterlyUpdate),
  // The export fixture: a page tree with code, tasks, panels, a merged table and attachments.
  `/wiki/spaces/${SIM_EXPORT.spaceKey}/pages/${SIM_EXPORT.rootId}/Export+handbook`,
  '/wiki/x/LIQHD',
  `/wiki/pages/viewpage.action?pageId=${SIM_PAGES.onboarding.id}`,
  cloudContentPath(SIM_PAGES.spaStart),
  '/jira/your-work',
];
