import type { ContentType, PageView } from './page-context';

/**
 * Confluence Cloud URL shapes that carry a content id in the path, matched against the path
 * after `/wiki`. `space` and `id` are capture groups; anything after the id (title, trailing
 * slash) is ignored. Query-string and tiny-link shapes are handled in parse-page-context.ts.
 */
export interface ContentUrlShape {
  pattern: RegExp;
  type: ContentType;
  view: PageView;
}

/** Shapes documented or checked (API-FACTS.md "Page URLs"). */
export const KNOWN_CONTENT_URL_SHAPES: readonly ContentUrlShape[] = [
  { pattern: /^\/spaces\/(?<space>[^/]+)\/pages\/(?<id>\d+)(?:\/.*)?$/, type: 'page', view: 'view' },
  { pattern: /^\/spaces\/(?<space>[^/]+)\/whiteboard\/(?<id>\d+)(?:\/.*)?$/, type: 'whiteboard', view: 'view' },
  { pattern: /^\/spaces\/(?<space>[^/]+)\/database\/(?<id>\d+)(?:\/.*)?$/, type: 'database', view: 'view' },
  { pattern: /^\/spaces\/(?<space>[^/]+)\/folder\/(?<id>\d+)(?:\/.*)?$/, type: 'folder', view: 'view' },
];

/**
 * Shapes API-FACTS.md marks as *guess*. If Confluence turns out to use other URLs, correct them
 * here (and their cases in parse-page-context.test.ts); nothing else depends on their form.
 */
export const GUESSED_CONTENT_URL_SHAPES: readonly ContentUrlShape[] = [
  { pattern: /^\/spaces\/(?<space>[^/]+)\/pages\/edit-v2\/(?<id>\d+)(?:\/.*)?$/, type: 'page', view: 'edit' },
  {
    pattern: /^\/spaces\/(?<space>[^/]+)\/blog\/\d{4}\/\d{2}\/\d{2}\/(?<id>\d+)(?:\/.*)?$/,
    type: 'blogpost',
    view: 'view',
  },
];

export const CONTENT_URL_SHAPES: readonly ContentUrlShape[] = [
  ...KNOWN_CONTENT_URL_SHAPES,
  ...GUESSED_CONTENT_URL_SHAPES,
];
