// Links: absolute on the site (export_view links are mostly `/wiki/spaces/…`), or the bundle
// path the caller gives for a page inside a tree export; fragments stay as they are. A link
// whose target is not http(s)/mailto/tel keeps its text only. Every link is `noopener
// noreferrer`: nothing learns where the reader came from, no opened page gets a handle back.
import { absoluteLink, isBundleLink, isFragment } from './url-policy';

/** A relative path inside the bundle for a link, or undefined to keep the absolute URL. */
export type ResolveLink = (href: URL) => string | undefined;

export function rewriteLinks(root: ParentNode, base: URL, resolveLink: ResolveLink | undefined): void {
  for (const a of Array.from(root.querySelectorAll('a'))) {
    rewriteLink(a, base, resolveLink);
    // Last, so attributes come out in the same order however often the HTML is sanitized.
    a.setAttribute('rel', 'noopener noreferrer');
  }
}

function rewriteLink(a: Element, base: URL, resolveLink: ResolveLink | undefined): void {
  const href = a.getAttribute('href');
  if (href === null || isFragment(href)) return;
  const url = absoluteLink(href, base);
  if (!url) {
    a.removeAttribute('href');
    return;
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  const local = web ? resolveLink?.(url) : undefined;
  if (local !== undefined && !isBundleLink(local)) {
    throw new Error(`resolveLink must answer a relative path, not ${JSON.stringify(local.slice(0, 80))}`);
  }
  a.setAttribute('href', local ?? url.href);
  // Print styles show a link's URL after it, except where the text already is the URL.
  const text = (a.textContent ?? '').trim();
  if (web && local === undefined && (text === url.href || text === href.trim())) a.classList.add('export-bare-url');
}
