/**
 * Data Center's attachment download: the one request whose path comes from an answer (the
 * attachment's `_links.download`) rather than from a template. It carries the PAT, so the link is
 * taken only when it is plainly a path under the servlet's prefix, below the DC base URL: anything
 * that could point elsewhere (a scheme or host, `//`, a backslash, `..`, control characters,
 * whether written plainly or percent-encoded) is refused, and the caller joins what is left to the
 * base URL, never the other way round.
 */
import { MAX_LINK_CHARS } from '../schemas/bounds';

export type ServletPath = { ok: true; path: string } | { ok: false; invalid: string };

// C0 and C1 controls and DEL: a link never has them, and a server may cut or split on them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function unsafeIn(text: string): string | undefined {
  if (CONTROL.test(text)) return 'it contains control characters';
  if (text.includes('\\')) return 'it contains a backslash';
  if (text.includes('//')) return 'it contains "//"';
  if (text.includes('..')) return 'it contains ".."';
  return undefined;
}

/**
 * `link` (`/download/attachments/4000001/a.png?version=1`, or with `contextPath` in front) as the
 * path and query to put after the base URL, or why it is refused. `prefix` is the fixed start the
 * path must have below the base URL (`/download/attachments/`).
 */
export function servletPathBelowBase(link: unknown, prefix: string, contextPath: string): ServletPath {
  const refuse = (why: string): ServletPath => ({ ok: false, invalid: `the download link is refused: ${why}` });
  if (typeof link !== 'string' || link === '') return refuse('it is missing');
  if (link.length > MAX_LINK_CHARS) return refuse('it is too long');
  if (CONTROL.test(link)) return refuse('it contains control characters');
  if (link.includes('#')) return refuse('it has a #fragment');
  if (!link.startsWith('/') || link.startsWith('//')) return refuse('it is not a path on the server (it names a scheme or host, or is relative)');
  const at = link.indexOf('?');
  let path = at < 0 ? link : link.slice(0, at);
  const query = at < 0 ? '' : link.slice(at);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refuse('it is not a valid URL path');
  }
  // Checked both ways: the server (and the URL parser, for `%2e%2e`) may decode what we pass on.
  const unsafe = unsafeIn(path) ?? unsafeIn(decoded);
  if (unsafe !== undefined) return refuse(unsafe);
  // Links may arrive with the context path in front (`/confluence/download/...`) or without.
  if (contextPath !== '' && path.startsWith(`${contextPath}${prefix}`)) path = path.slice(contextPath.length);
  if (!path.startsWith(prefix) || path.length === prefix.length) return refuse(`it is not under ${prefix}`);
  return { ok: true, path: `${path}${query}` };
}
