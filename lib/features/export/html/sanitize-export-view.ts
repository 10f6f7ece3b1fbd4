// Confluence's rendered HTML (`body.export_view`) → HTML safe to save and open offline: no
// script, no event handler, no form, no frame, nothing loaded from elsewhere; links absolute
// (or bundle paths), images local or turned into links, emoticons into emoji, expands open.
//
// Nothing from the page runs or loads while this works: DOMPurify parses the string with
// DOMParser into an inert document (no scripting, no browsing context, so no fetches) and
// returns a fragment of that same document; the rewrites below happen there, the string is
// read back from it, and the check at the end parses that string once more with DOMParser.
// No `innerHTML` of a live document is ever assigned.
import type { DOMPurify, UponSanitizeAttributeHook, UponSanitizeElementHook } from 'dompurify';
import { applyColours, readColourRules } from './confluence-colours';
import { leaveEmbedPlaceholder } from './embeds';
import { expandToDetails } from './expand';
import { rewriteImages, type ResolveImage } from './images';
import { rewriteLinks, type ResolveLink } from './links';
import { PURIFY_CONFIG, READ_DATA_ATTRIBUTES } from './purify-config';
import { emptyCounts, tallyRemovals, type RemovedCounts } from './removal-tally';
import { filterStyle } from './style-filter';
import { siteBase } from './url-policy';
import { assertSafeOutput } from './verify-output';

export type { ImageInfo, ResolveImage } from './images';
export type { ResolveLink } from './links';
export type { RemovedCounts } from './removal-tally';

export interface SanitizeEnv {
  /** A DOMPurify instance created on `window` (`createDOMPurify(window)`). */
  purify: DOMPurify;
  /** The window whose DOMParser parses the result again for the final check (the page's `window`). */
  window: Window & Pick<typeof globalThis, 'DOMParser'>;
}

export interface SanitizeOptions {
  /** The site, `https://acme.atlassian.net` (a Server context path is kept): relative URLs resolve here. */
  siteUrl: string;
  /** A local source for an image, or undefined when the export does not carry it. */
  resolveImage: ResolveImage;
  /** Tree export: the bundle path of a page inside the bundle. */
  resolveLink?: ResolveLink;
}

export interface SanitizedHtml {
  html: string;
  removed: RemovedCounts;
}

export function sanitizeExportView(html: string, env: SanitizeEnv, options: SanitizeOptions): SanitizedHtml {
  const { purify } = env;
  if (!purify.isSupported) throw new Error('DOMPurify has no DOM here: create it on a window');
  const base = siteBase(options.siteUrl);
  const removed = emptyCounts();
  let colours = new Map<string, string>();
  let walked = false;

  const onElement: UponSanitizeElementHook = (node, event) => {
    // The walk starts at the inert document's body: look at the whole document once, first.
    if (!walked) {
      walked = true;
      const root = node.ownerDocument?.documentElement;
      if (root) {
        tallyRemovals(root, removed);
        colours = readColourRules(root);
      }
    }
    if (node.nodeType === 1) leaveEmbedPlaceholder(node as Element, event.tagName);
  };
  const onAttribute: UponSanitizeAttributeHook = (_node, event) => {
    if (event.attrName !== 'style') return;
    event.attrValue = filterStyle(event.attrValue);
    if (!event.attrValue) event.keepAttr = false;
  };

  purify.addHook('uponSanitizeElement', onElement);
  purify.addHook('uponSanitizeAttribute', onAttribute);
  let fragment: DocumentFragment;
  try {
    fragment = purify.sanitize(html, PURIFY_CONFIG);
  } finally {
    // The instance may be shared: leave it as it was given.
    purify.removeHook('uponSanitizeElement', onElement);
    purify.removeHook('uponSanitizeAttribute', onAttribute);
  }

  expandToDetails(fragment);
  rewriteImages(fragment, base, options.resolveImage, removed);
  rewriteLinks(fragment, base, options.resolveLink);
  applyColours(fragment, colours);
  for (const el of Array.from(fragment.querySelectorAll('*'))) {
    for (const name of READ_DATA_ATTRIBUTES) el.removeAttribute(name);
  }

  // Reading innerHTML of an element of the inert document serializes; it runs nothing.
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  // Leading white space would not survive a parse (the parser drops it before <body>): trim it.
  const out = holder.innerHTML.trim();
  assertSafeOutput(out, new env.window.DOMParser());
  return { html: out, removed };
}
