// The DOMPurify configuration for export_view HTML: an explicit allowlist, so what a newer
// DOMPurify (or Confluence) adds by default never widens what an exported file may contain.
import type { Config } from 'dompurify';

/** Elements an exported page may contain: text structure only, no SVG or MathML at all. */
export const OUTPUT_TAGS: readonly string[] = [
  // `body` is the root DOMPurify walks from; it must be allowed or the root itself is dropped.
  'body',
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img',
  'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

/**
 * Attributes an exported page keeps. `rel` is not taken from the page: every link gets ours.
 * No `target`, no `srcset`, no `on*`, no `name` (DOM clobbering), no `cite`/`background` URLs.
 */
export const OUTPUT_ATTRIBUTES: readonly string[] = [
  'href', 'src', 'alt', 'title', 'class', 'id', 'style', 'lang', 'dir',
  'colspan', 'rowspan', 'scope', 'headers', 'abbr', 'span', 'width', 'height', 'align', 'valign',
  'datetime', 'start', 'reversed', 'type', 'value', 'open', 'rel',
];

/**
 * Confluence's data attributes the rewrite after sanitizing reads (image file names, emoji,
 * text and cell colours). They are removed from the output once read.
 */
export const READ_DATA_ATTRIBUTES: readonly string[] = [
  'data-image-src',
  'data-linked-resource-default-alias',
  'data-linked-resource-container-id',
  'data-emoticon-name',
  'data-emoji-id',
  'data-emoji-fallback',
  'data-colorid',
  'data-highlight-colour',
];

/** Elements that go with everything inside them (DOMPurify's list plus form controls). */
const DROPPED_WITH_CONTENT: readonly string[] = ['select', 'option', 'optgroup', 'textarea', 'datalist', 'button', 'object', 'embed', 'frameset', 'frame', 'applet', 'portal', 'fencedframe'];

/** http(s), mailto and tel, or scheme-less (relative, `#fragment`). Everything else is dropped. */
export const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...OUTPUT_TAGS],
  ALLOWED_ATTR: [...OUTPUT_ATTRIBUTES.filter((a) => a !== 'rel'), ...READ_DATA_ATTRIBUTES],
  // Names, file names and emoji are text, not URLs: DOMPurify must not test them as URLs.
  ADD_URI_SAFE_ATTR: READ_DATA_ATTRIBUTES.filter((a) => a !== 'data-image-src'),
  // Redundant with the allowlist on purpose: these must never appear whatever the allowlist says.
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'applet', 'portal', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math',
    'noscript', 'template', 'video', 'audio', 'source', 'track', 'picture', 'image', 'use', 'area', 'map',
  ],
  FORBID_ATTR: ['srcset', 'imagesrcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'ping', 'target'],
  ADD_FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  // DOMPurify keeps the text of removed elements (a `<font>`'s words), except its drop-with-content list.
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};
