/** The actions the dispatcher runs. Zod-free: the popup imports the list. */
export const ACTION_NAMES = [
  'watch-status',
  'watch',
  'unwatch',
  'toggle-watch',
  'space-watch-status',
  'watch-space',
  'unwatch-space',
  'page-card',
  'copy-link',
  'copy-tiny-link',
  'copy-id',
  'copy-markdown',
  'copy-rest-v1',
  'copy-rest-v2',
  'copy-curl',
  'copy-page-markdown',
  'export-page',
  'export-tree',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** What a copy action copies; the popup labels its buttons with these. */
export const COPY_KINDS = ['link', 'tiny-link', 'id', 'markdown', 'rest-v1', 'rest-v2', 'curl', 'page-markdown'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];
