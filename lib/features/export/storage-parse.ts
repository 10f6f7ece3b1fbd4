// A fast parser for Confluence storage format, in one pass over the text, to the minimal tree
// of storage-parse-tree.ts. It replaces the XML path (wrap the fragment, turn named entities
// numeric, hand the text to the browser's DOMParser), which costs most of a conversion in
// Chromium. It gives the same tree for every body that path accepts, and rejects, with a clear
// Error, every body that path rejects (see README.md, "Parsing").
//
// Storage is XHTML: elements with `ac:`/`ri:`/`at:` prefixes, attributes in single or double
// quotes, self-closing tags, CDATA (code bodies, kept byte for byte), comments, processing
// instructions and HTML named entities. No DTD is read; a DOCTYPE's internal entities are
// applied as storage-xml.ts does.
import { decodeText, forbiddenCharAt, isQName, isStoragePrefix, NAME_ASCII, scanName, StorageSyntaxError } from './storage-parse-chars';
import {
  CDATA_SECTION_NODE,
  COMMENT_NODE,
  ELEMENT_NODE,
  lookupNamespace,
  PROCESSING_INSTRUCTION_NODE,
  StorageDocument,
  StorageNode,
  TEXT_NODE,
} from './storage-parse-tree';
import { HTML_ENTITIES } from './html-entities';
import { numericEntities, STORAGE_NAMESPACES, storageParts } from './storage-xml';

export { StorageDocument, StorageNode } from './storage-parse-tree';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The same words as the XML path's error, with where in the body it went wrong. */
export class StorageParseError extends Error {
  override name = 'StorageParseError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`The page's storage format is not well-formed XML: ${reason} at line ${line}, column ${column}`);
  }
}

/**
 * Chromium's XML parser refuses elements nested deeper than this ("Excessive node nesting"),
 * the root counting as one; so does this parser, with the same words, rather than accept a
 * body the XML path rejects.
 */
export const MAX_ELEMENT_DEPTH = 5000;

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const QUOT = 34;
const APOS = 39;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const isNameStart = (c: number) => c >= 128 || NAME_ASCII[c] === 1;
// What makes an attribute value more than its slice of the text.
const ATTR_SPECIAL = /[<&\t\n]/;

function wrapperRoot(): StorageNode {
  const attrs: string[] = [];
  for (const [prefix, uri] of Object.entries(STORAGE_NAMESPACES)) attrs.push(`xmlns:${prefix}`, uri);
  return new StorageNode(ELEMENT_NODE, 'ac:confluence', '', attrs);
}

/**
 * Parse a page's storage body (as the REST API returns it) into a tree the storage walk reads.
 * A fragment gets an `ac:confluence` root declaring `ac`, `ri` and `at`, as on the XML path; a
 * body with its own root (after an optional prolog and DOCTYPE) keeps it.
 * Throws a {@link StorageParseError} for a body the XML path rejects.
 */
export function parseStorageTree(storage: string): StorageDocument {
  const { root, body, entities } = storageParts(storage);
  let text = root === undefined ? body : root + body;
  // DOCTYPE-defined entities are replaced in the text, exactly as the XML path does (rare). A
  // definition of a name XML or the HTML table already has is never used there, so a DOCTYPE
  // defining only those (as the Jsonix pages do) costs no extra pass.
  for (const name of entities.keys()) {
    if (!XML_PREDEFINED.has(name) && !HTML_ENTITIES.has(name)) {
      text = numericEntities(text, entities);
      break;
    }
  }
  // As an XML parser: line ends normalized; unpaired surrogates become U+FFFD, as they do on
  // their way into the browser's parser.
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (!text.isWellFormed()) text = text.toWellFormed();
  try {
    const bad = forbiddenCharAt(text);
    if (bad >= 0) throw new StorageSyntaxError(`character U+${text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad);
    return new StorageDocument(root === undefined ? parseContent(text, wrapperRoot()) : parseDocument(text));
  } catch (error) {
    if (!(error instanceof StorageSyntaxError)) throw error;
    const { line, column } = position(text, error.offset);
    throw new StorageParseError(error.reason, line, column);
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A fragment: everything is content of `root`, which the text itself may not close. */
function parseContent(text: string, root: StorageNode): StorageNode {
  new Tokenizer(text, root).run();
  return root;
}

/** A whole document: comments, PIs and spaces around exactly one root element. */
function parseDocument(text: string): StorageNode {
  const tokenizer = new Tokenizer(text, null);
  tokenizer.run();
  const root = tokenizer.documentElement;
  if (!root) throw new StorageSyntaxError('the document has no root element', text.length);
  return root;
}

class Tokenizer {
  private pos = 0;
  /** The innermost open element; null at document level (between prolog and root). */
  private parent: StorageNode | null;
  /** Where the next `]]>` is (text may not hold one); recomputed once passed. */
  private nextCdataEnd: number;
  /** Where the next `&` is, so a text run without one costs no search to the end of the body. */
  private nextAmp: number;
  /** Offset of the colon in the name last read by {@link qualifiedName}, or -1. */
  private colon = -1;
  /** How many elements are open, the root included. */
  private depth: number;
  documentElement: StorageNode | null = null;

  constructor(
    private readonly s: string,
    /** A fragment's implicit root, never closed by the text; null for a whole document. */
    private readonly implicitRoot: StorageNode | null,
  ) {
    this.parent = implicitRoot;
    this.documentElement = implicitRoot;
    this.depth = implicitRoot ? 1 : 0;
    this.nextCdataEnd = s.indexOf(']]>');
    this.nextAmp = s.indexOf('&');
  }

  run(): void {
    const s = this.s;
    const n = s.length;
    while (this.pos < n) {
      const lt = s.indexOf('<', this.pos);
      const end = lt < 0 ? n : lt;
      if (end > this.pos) this.text(end);
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) this.endTag(lt);
      else if (c === BANG) this.bang(lt);
      else if (c === QUESTION) this.processingInstruction(lt);
      else this.startTag(lt);
    }
    const open = this.parent;
    if (open && open !== this.implicitRoot) throw new StorageSyntaxError(`<${open.nodeName}> is never closed`, n);
    if (!this.implicitRoot && !this.documentElement) throw new StorageSyntaxError('the document has no root element', n);
  }

  private text(end: number): void {
    const s = this.s;
    const start = this.pos;
    this.pos = end;
    if (this.nextCdataEnd >= 0 && this.nextCdataEnd < start) this.nextCdataEnd = s.indexOf(']]>', start);
    if (this.nextCdataEnd >= 0 && this.nextCdataEnd < end) throw new StorageSyntaxError('"]]>" is not allowed in text', this.nextCdataEnd);
    const parent = this.parent;
    if (!parent) {
      // Document level: only white space between the prolog, the root and the end.
      for (let i = start; i < end; i++) {
        if (!isSpace(s.charCodeAt(i))) throw new StorageSyntaxError('text outside the root element', i);
      }
      return;
    }
    if (this.nextAmp >= 0 && this.nextAmp < start) this.nextAmp = s.indexOf('&', start);
    const data = this.nextAmp >= 0 && this.nextAmp < end ? decodeText(s, start, end, false) : s.slice(start, end);
    parent.append(new StorageNode(TEXT_NODE, '#text', data, null));
  }

  /**
   * End of the qualified name at `start` (whose first character may start a name), checked as
   * browsers check it: at most one colon, with name characters after it (`ac:1x` passes, as in
   * Chromium and Firefox). Its colon is left in {@link colon}.
   */
  private qualifiedName(start: number, what: string): number {
    const s = this.s;
    const n = s.length;
    let colon = -1;
    let wide = false;
    let i = start;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) wide = true;
      else {
        const kind = NAME_ASCII[c];
        if (kind === 0) break;
        if (kind === 3) {
          if (colon >= 0) throw new StorageSyntaxError(`${what} name "${s.slice(start, scanName(s, start))}" has more than one colon`, i);
          colon = i;
        }
      }
    }
    if (wide ? !isQName(s.slice(start, i)) : colon === i - 1) {
      throw new StorageSyntaxError(`invalid ${what} name "${s.slice(start, i)}"`, start);
    }
    this.colon = colon < 0 ? -1 : colon - start;
    return i;
  }

  private startTag(lt: number): void {
    const s = this.s;
    const nameStart = lt + 1;
    if (!isNameStart(s.charCodeAt(nameStart))) throw new StorageSyntaxError('"<" must start a tag (write &lt; for a literal "<")', lt);
    const nameEnd = this.qualifiedName(nameStart, 'element');
    const name = s.slice(nameStart, nameEnd);
    // Namespaces: ac, ri and at are bound on the root (and cannot be undeclared); an element
    // using another prefix, or mixing prefixes on its attributes, gets the full check.
    let namespaceCheck = this.colon >= 0 && !isStoragePrefix(name, this.colon);
    let attrPrefix = -1;
    let attrs: string[] | null = null;
    let i = nameEnd;
    let selfClosing = false;
    for (;;) {
      const spaceStart = i;
      while (isSpace(s.charCodeAt(i))) i++;
      const ch = s.charCodeAt(i);
      if (ch === GT) {
        i++;
        break;
      }
      if (ch === SLASH) {
        if (s.charCodeAt(i + 1) !== GT) throw new StorageSyntaxError(`"/" in <${name}> must be followed by ">"`, i);
        i += 2;
        selfClosing = true;
        break;
      }
      if (i >= s.length) throw new StorageSyntaxError(`<${name}> is not closed with ">"`, i);
      if (i === spaceStart) throw new StorageSyntaxError(`attributes of <${name}> need white space between them`, i);
      if (!isNameStart(ch)) throw new StorageSyntaxError(`unexpected "${s[i]}" in <${name}>`, i);
      const attrStart = i;
      i = this.qualifiedName(i, 'attribute');
      const attrName = s.slice(attrStart, i);
      const colon = this.colon;
      while (isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== EQUALS) throw new StorageSyntaxError(`attribute ${attrName} of <${name}> has no value (write ${attrName}="…")`, i);
      i++;
      while (isSpace(s.charCodeAt(i))) i++;
      const quote = s.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) throw new StorageSyntaxError(`the value of ${attrName} in <${name}> must be quoted`, i);
      const valueStart = i + 1;
      const valueEnd = s.indexOf(quote === QUOT ? '"' : "'", valueStart);
      if (valueEnd < 0) throw new StorageSyntaxError(`the value of ${attrName} in <${name}> is never closed`, i);
      let value = s.slice(valueStart, valueEnd);
      if (ATTR_SPECIAL.test(value)) {
        const lessThan = value.indexOf('<');
        if (lessThan >= 0) throw new StorageSyntaxError(`"<" is not allowed in the value of ${attrName} (write &lt;)`, valueStart + lessThan);
        // Literal tabs and newlines in a value are spaces (XML attribute normalization).
        value = value.indexOf('&') >= 0 ? decodeText(s, valueStart, valueEnd, true) : value.replace(/[\t\n]/g, ' ');
      }
      i = valueEnd + 1;
      if (attrs) {
        for (let k = 0; k < attrs.length; k += 2) {
          if (attrs[k] === attrName) throw new StorageSyntaxError(`attribute ${attrName} appears twice in <${name}>`, attrStart);
        }
        attrs.push(attrName, value);
      } else attrs = [attrName, value];
      if (colon === 5 && attrName.startsWith('xmlns')) checkDeclaration(attrName, value, attrStart);
      else if (colon >= 0) {
        if (!isStoragePrefix(attrName, colon)) namespaceCheck = true;
        else {
          const prefix = attrName.charCodeAt(0) * 256 + attrName.charCodeAt(1);
          if (attrPrefix >= 0 && attrPrefix !== prefix) namespaceCheck = true;
          attrPrefix = prefix;
        }
      }
    }
    this.pos = i;

    const el = new StorageNode(ELEMENT_NODE, name, '', attrs);
    const parent = this.parent;
    if (parent) parent.append(el);
    else if (this.documentElement) throw new StorageSyntaxError(`a second root element <${name}>`, lt);
    else this.documentElement = el;
    if (namespaceCheck) checkPrefixes(el, name, attrs, lt);
    if (this.depth >= MAX_ELEMENT_DEPTH) throw new StorageSyntaxError(`excessive node nesting: <${name}> is nested more than ${MAX_ELEMENT_DEPTH} elements deep`, lt);
    if (!selfClosing) {
      this.parent = el;
      this.depth++;
    }
  }

  private endTag(lt: number): void {
    const s = this.s;
    const open = this.parent;
    const nameStart = lt + 2;
    if (open && open !== this.implicitRoot && s.startsWith(open.nodeName, nameStart)) {
      let i = nameStart + open.nodeName.length;
      const c = s.charCodeAt(i);
      if (c === GT || isSpace(c)) {
        while (isSpace(s.charCodeAt(i))) i++;
        if (s.charCodeAt(i) !== GT) throw new StorageSyntaxError(`</${open.nodeName}> is not closed with ">"`, i);
        this.pos = i + 1;
        this.parent = open.parentNode;
        this.depth--;
        return;
      }
    }
    const found = s.slice(nameStart, scanName(s, nameStart));
    if (!open || open === this.implicitRoot) throw new StorageSyntaxError(`end tag </${found}> closes nothing`, lt);
    throw new StorageSyntaxError(`end tag </${found}> does not match <${open.nodeName}>`, lt);
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; anything else after `<!` (a DOCTYPE in the body) is refused. */
  private bang(lt: number): void {
    const s = this.s;
    if (s.startsWith('<!--', lt)) {
      const dashes = s.indexOf('--', lt + 4);
      if (dashes < 0) throw new StorageSyntaxError('a comment is never closed', lt);
      if (s.charCodeAt(dashes + 2) !== GT) throw new StorageSyntaxError('"--" is not allowed inside a comment', dashes);
      this.parent?.append(new StorageNode(COMMENT_NODE, '#comment', s.slice(lt + 4, dashes), null));
      this.pos = dashes + 3;
      return;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) throw new StorageSyntaxError('a CDATA section is never closed', lt);
      if (!this.parent) throw new StorageSyntaxError('CDATA outside the root element', lt);
      this.parent.append(new StorageNode(CDATA_SECTION_NODE, '#cdata-section', s.slice(lt + 9, end), null));
      this.pos = end + 3;
      return;
    }
    throw new StorageSyntaxError(`unexpected "${s.slice(lt, lt + 9)}" (only comments and CDATA may start with "<!" here)`, lt);
  }

  private processingInstruction(lt: number): void {
    const s = this.s;
    const targetStart = lt + 2;
    if (!isNameStart(s.charCodeAt(targetStart))) throw new StorageSyntaxError('a processing instruction needs a target name', targetStart);
    const targetEnd = this.qualifiedName(targetStart, 'processing instruction');
    const target = s.slice(targetStart, targetEnd);
    if (target.toLowerCase() === 'xml') throw new StorageSyntaxError('an XML declaration is only allowed at the very start', lt);
    const close = s.indexOf('?>', targetEnd);
    if (close < 0) throw new StorageSyntaxError(`processing instruction <?${target} is never closed`, lt);
    let i = targetEnd;
    if (close > i && !isSpace(s.charCodeAt(i))) throw new StorageSyntaxError(`processing instruction target "${target}" must be followed by a space`, i);
    while (i < close && isSpace(s.charCodeAt(i))) i++;
    this.parent?.append(new StorageNode(PROCESSING_INSTRUCTION_NODE, target, s.slice(i, close), null));
    this.pos = close + 2;
  }
}

/** `xmlns:p=""` cannot undeclare a prefix, and `xml`/`xmlns` cannot be rebound. */
function checkDeclaration(attrName: string, value: string, offset: number): void {
  if (attrName === 'xmlns') return;
  if (!attrName.startsWith('xmlns:')) return;
  const prefix = attrName.slice(6);
  if (value === '') throw new StorageSyntaxError(`${attrName}="" cannot undeclare the prefix ${prefix}`, offset);
  if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NAMESPACE)) {
    throw new StorageSyntaxError(`${attrName} cannot bind the reserved prefix or namespace`, offset);
  }
}

function isBound(el: StorageNode, prefix: string): boolean {
  return prefix === 'xml' || lookupNamespace(el, prefix) !== null;
}

/**
 * Every prefix must be declared in scope; only prefixes other than the storage ones are looked
 * up. Two attributes with the same local name and namespace under different prefixes are one
 * attribute twice.
 */
function checkPrefixes(el: StorageNode, name: string, attrs: string[] | null, offset: number): void {
  const colon = name.indexOf(':');
  if (colon >= 0 && !isStoragePrefix(name, colon)) {
    const prefix = name.slice(0, colon);
    if (prefix === 'xmlns' || !isBound(el, prefix)) throw new StorageSyntaxError(`the prefix of <${name}> is not declared`, offset);
  }
  if (!attrs) return;
  let prefixed = 0;
  for (let k = 0; k < attrs.length; k += 2) {
    const attr = attrs[k] as string;
    const c = attr.indexOf(':');
    if (c < 0 || (c === 5 && attr.startsWith('xmlns'))) continue;
    prefixed++;
    if (!isStoragePrefix(attr, c) && !isBound(el, attr.slice(0, c))) {
      throw new StorageSyntaxError(`the prefix of attribute ${attr} in <${name}> is not declared`, offset);
    }
  }
  if (prefixed < 2) return;
  for (let a = 0; a < attrs.length; a += 2) {
    const first = attrs[a] as string;
    const ca = first.indexOf(':');
    if (ca < 0 || (ca === 5 && first.startsWith('xmlns'))) continue;
    for (let b = a + 2; b < attrs.length; b += 2) {
      const second = attrs[b] as string;
      const cb = second.indexOf(':');
      if (cb < 0 || (cb === 5 && second.startsWith('xmlns'))) continue;
      // The usual case, the same prefix on both (`ac:name`, `ac:schema-version`): distinct names.
      if (ca === cb && first.startsWith(second.slice(0, cb + 1))) continue;
      if (first.slice(ca) !== second.slice(cb)) continue;
      if (lookupNamespace(el, first.slice(0, ca)) === lookupNamespace(el, second.slice(0, cb))) {
        throw new StorageSyntaxError(`attributes ${first} and ${second} of <${name}> are the same attribute`, offset);
      }
    }
  }
}
