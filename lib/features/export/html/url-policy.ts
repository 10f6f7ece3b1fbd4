// Which URLs an exported page may hold: links to http(s), mailto, tel or a fragment, made
// absolute against the site; image sources only local (a bundle path, data: or blob: URI).

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The base every relative URL in export_view resolves against: the site (with its context path). */
export function siteBase(siteUrl: string): URL {
  const base = new URL(siteUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`siteUrl must be http(s): ${siteUrl}`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

/** An absolute URL for a link, or undefined when the link may not keep a target. */
export function absoluteLink(href: string, base: URL): URL | undefined {
  try {
    const url = new URL(href.trim(), base);
    return LINK_PROTOCOLS.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `href` is only a fragment (`#Page-Heading`): a link inside the exported page. */
export function isFragment(href: string): boolean {
  return href.trim().startsWith('#');
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A path inside the bundle: no scheme, not protocol-relative (`//host`), no backslash tricks. */
export function isRelativePath(value: string): boolean {
  const v = value.trim();
  return v !== '' && !SCHEME.test(v) && !/^[/\\]{2}/.test(v) && !/[\u0000-\u001f\\]/.test(v);
}

/** What `resolveImage` may return: an image data: URI, a blob: URL, or a bundle path. */
export function isLocalImageSource(value: string): boolean {
  return /^data:image\/[a-z0-9.+-]+[;,]/i.test(value) || /^blob:/i.test(value) || isRelativePath(value);
}

/** What `resolveLink` may return: a bundle path (or fragment), never another scheme. */
export function isBundleLink(value: string): boolean {
  return isRelativePath(value) || isFragment(value);
}
