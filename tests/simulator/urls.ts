// Where content lives in the web UI, for both `_links.webui` (relative to the base) and HTML routes.
import { SIM_DC, type SimContent } from './fixtures';
import { titleSlug } from './content-store';
import { blogPostPath } from './guesses';
import { tinyCodeForId } from './tiny-link';

export type Flavor = 'cloud' | 'dc';

/** Cloud site path of a piece of content, e.g. '/wiki/spaces/ENG/pages/1000002/Architecture'. */
export function cloudContentPath(c: SimContent): string {
  switch (c.type) {
    case 'page':
      return `/wiki/spaces/${c.spaceKey}/pages/${c.id}/${titleSlug(c.title)}`;
    case 'blogpost':
      return blogPostPath(c.spaceKey, c.createdAt, c.id, titleSlug(c.title));
    case 'whiteboard':
    case 'database':
    case 'folder':
      return `/wiki/spaces/${c.spaceKey}/${c.type}/${c.id}`;
  }
}

/** `_links.webui`: relative to `_links.base` ('https://acme.atlassian.net/wiki' or DC's context). */
export function webuiPath(c: SimContent, flavor: Flavor): string {
  if (flavor === 'dc') return `/display/${c.spaceKey}/${titleSlug(c.title)}`;
  return cloudContentPath(c).replace(/^\/wiki/, '');
}

export function tinyuiPath(c: SimContent): string {
  return `/x/${tinyCodeForId(c.id)}`;
}

export function siteOrigin(host: string): string {
  return `https://${host}`;
}

/** Path of the web UI under the host: '/wiki' on Cloud, the context path on the Data Center server. */
export function contextPathOf(host: string): string {
  return host === SIM_DC.host ? SIM_DC.contextPath : '/wiki';
}
