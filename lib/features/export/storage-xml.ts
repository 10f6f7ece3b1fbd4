// Storage format → a well-formed XML document text, then a Document.
// A page body is an XHTML *fragment*: several top-level elements, `ac:`/`ri:`/`at:` prefixes
// that nothing declares, and HTML named entities. Parsed as HTML it loses every code body
// (CDATA becomes a comment, and a `-->` inside code ends it early), so we parse it as XML:
// wrap it in a root declaring the prefixes and turn every named entity XML does not know
// into a numeric reference. This is the XML path; the converter's default is the faster
// storage-parse.ts, which shares `storageParts` and follows the same rules.
import { HTML_ENTITIES } from './html-entities';

export const STORAGE_NAMESPACES = {
  ac: 'http://atlassian.com/content',
  ri: 'http://atlassian.com/resource/identifier',
  at: 'http://atlassian.com/template',
} as const;

/** An XML parser for the XML path: the browser's `DOMParser`, or xmldom in Node tests. */
export type ParseXml = (text: string) => Document;

/** The browser's own XML parser (not available in a service worker). */
export const browserParseXml: ParseXml = (text) => new DOMParser().parseFromString(text, 'application/xml');

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// CDATA sections and comments are copied untouched: an `&nbsp;` inside code is code.
const RAW_OR_REF = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?/g;

/** Replace named entities XML does not predefine; `extra` holds a DOCTYPE's own definitions. */
export function numericEntities(text: string, extra: ReadonlyMap<string, string> = new Map()): string {
  return text.replace(RAW_OR_REF, (match, ref: string | undefined) => {
    if (match.charCodeAt(0) === 60 /* < */) return match;
    if (ref === undefined) return '&amp;'; // a bare `&` (not well-formed, but seen): literal
    if (ref.charCodeAt(0) === 35 /* # */) return match;
    const name = ref.slice(0, -1);
    if (XML_PREDEFINED.has(name)) return match;
    const code = HTML_ENTITIES.get(name);
    if (code !== undefined) return `&#${code};`;
    const defined = extra.get(name);
    if (defined !== undefined) return defined;
    return `&amp;${ref}`; // unknown name: keep it visible as the literal text `&name;`
  });
}

const PROLOG = /^\s*<\?xml[\s\S]*?\?>/;
// A DOCTYPE with an optional internal subset: `<!DOCTYPE root SYSTEM "…" [ … ]>`.
const DOCTYPE = /^\s*<!DOCTYPE[^[>]*(\[([\s\S]*?)\])?\s*>/;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z][A-Za-z0-9]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const ROOT_START = /^\s*<ac:confluence\b[^>]*>/;
// Per prefix: whether a root start tag declares it already.
const DECLARES = Object.entries(STORAGE_NAMESPACES).map(([prefix, uri]) => ({
  prefix,
  uri,
  test: new RegExp(`\\sxmlns:${prefix}\\s*=`),
}));

/** A storage body with its prolog and DOCTYPE taken off, as both parsers read it. */
export interface StorageParts {
  /** The body's own `ac:confluence` start tag, with any missing `ac`/`ri`/`at` declaration added; absent for a fragment. */
  root?: string;
  /** What follows the prolog, DOCTYPE and root start tag. */
  body: string;
  /** Entities the DOCTYPE's internal subset defines (name → replacement text). */
  entities: Map<string, string>;
}

/**
 * Split a storage body: a byte-order mark, an XML prolog and a DOCTYPE are dropped (a browser
 * parser would not load an external DTD), the DOCTYPE's internal entity definitions kept, and
 * an existing `ac:confluence` root (as some exports have) found so it is not wrapped again.
 */
export function storageParts(storage: string): StorageParts {
  let body = storage.charCodeAt(0) === 0xfeff ? storage.slice(1) : storage;
  const entities = new Map<string, string>();
  body = body.replace(PROLOG, '');
  const doctype = DOCTYPE.exec(body);
  if (doctype) {
    for (const m of (doctype[2] ?? '').matchAll(ENTITY_DECL)) {
      entities.set(m[1] ?? '', m[2] ?? m[3] ?? '');
    }
    body = body.slice(doctype[0].length);
  }
  const root = ROOT_START.exec(body);
  if (!root) return { body, entities };
  let start = root[0].trimStart();
  for (const { prefix, uri, test } of DECLARES) {
    if (!test.test(start)) start = start.replace(/^(\s*<ac:confluence)\b/, `$1 xmlns:${prefix}="${uri}"`);
  }
  return { root: start, body: body.slice(root[0].length), entities };
}

const WRAPPER_START = `<ac:confluence${Object.entries(STORAGE_NAMESPACES)
  .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
  .join('')}>`;

/**
 * Storage body → XML document text with one `ac:confluence` root declaring `ac`, `ri` and `at`.
 * A body that already has that root (with or without an XML prolog and DOCTYPE, as some exports
 * do) is not wrapped again; its prolog and DOCTYPE are dropped and the DOCTYPE's internal
 * entity definitions are applied instead.
 */
export function storageToXmlDocumentText(storage: string): string {
  const { root, body, entities } = storageParts(storage);
  if (root !== undefined) return numericEntities(root + body, entities);
  return `${WRAPPER_START}${numericEntities(body, entities)}</ac:confluence>`;
}

/** Parse a storage body with the given XML parser; a parser error becomes a thrown Error. */
export function parseStorage(storage: string, parseXml: ParseXml): Document {
  const doc = parseXml(storageToXmlDocumentText(storage));
  // Browsers do not throw: they return a document holding a <parsererror> element.
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0) {
    const detail = root?.textContent?.trim().slice(0, 200) ?? '';
    throw new Error(`The page's storage format is not well-formed XML${detail ? `: ${detail}` : ''}`);
  }
  return doc;
}
