/**
 * What the extension knows about a Confluence page from its URL (and, where the URL has no id,
 * the page's meta tags). Plain data: it travels from the content script to the background and
 * the popup, so it must stay JSON-serialisable and small.
 */

/** Content types as the Confluence REST API names them. */
export const CONTENT_TYPES = ['page', 'blogpost', 'whiteboard', 'database', 'folder'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export type PageView = 'view' | 'edit';

/** One piece of content whose id is known. */
export interface ContentPageContext {
  kind: 'content';
  /** The site: a Cloud host (`acme.atlassian.net`) or a Data Center base URL (lib/sites/site-key.ts). */
  host: string;
  /** Decimal string: ids exceed 2^53, so they never pass through a JS number. */
  contentId: string;
  contentType: ContentType;
  view: PageView;
  spaceKey: string | null;
}

/**
 * A Confluence page that does not identify one piece of content (space overview, home, search),
 * or whose content id could not be read (`/wiki/display/KEY/Title` without meta tags).
 */
export interface OtherConfluencePageContext {
  kind: 'confluence-other';
  host: string;
  spaceKey: string | null;
  /** True when the URL names a piece of content but its id could not be read. */
  contentIdUnresolved: boolean;
}

export type PageContext = ContentPageContext | OtherConfluencePageContext;

/** Largest Confluence content id (a Java long). */
export const MAX_CONTENT_ID = 2n ** 63n - 1n;
