// The node tree the fast storage parser builds, and the DOM subset the storage walk reads.
// The walk (storage-to-markdown.ts) is typed against the `Storage*Like` interfaces only, which
// the browser's DOM and xmldom satisfy structurally and `StorageNode` implements, so the same
// walk runs on either parse. Everything the walk does not read is left out on purpose.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** What the walk reads from any node. */
export interface StorageNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: StorageNodeLike | null;
  readonly firstChild: StorageNodeLike | null;
  readonly nextSibling: StorageNodeLike | null;
  readonly textContent: string | null;
}

/** What the walk reads from an element. */
export interface StorageElementLike extends StorageNodeLike {
  readonly namespaceURI: string | null;
  getAttribute(name: string): string | null;
}

/** What the walk reads from text and CDATA nodes. */
export interface StorageTextLike extends StorageNodeLike {
  readonly data: string;
}

export interface StorageDocumentLike {
  readonly documentElement: StorageElementLike | null;
}

/**
 * One class for every node kind, so every property read in the walk sees one object shape.
 * Elements have `nodeName` and `attrs`; text, CDATA, comments and processing instructions `data`.
 */
export class StorageNode implements StorageElementLike, StorageTextLike {
  parentNode: StorageNode | null = null;
  firstChild: StorageNode | null = null;
  lastChild: StorageNode | null = null;
  nextSibling: StorageNode | null = null;

  constructor(
    readonly nodeType: number,
    /** The qualified name as written (`ac:link`), or `#text`, `#cdata-section`, `#comment`, the PI target. */
    readonly nodeName: string,
    /** Character data; '' for elements. */
    readonly data: string,
    /** Attribute names and values, alternating, in source order; null when there are none. */
    readonly attrs: string[] | null,
  ) {}

  append(child: StorageNode): void {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }

  getAttribute(name: string): string | null {
    const attrs = this.attrs;
    if (attrs) for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1] as string;
    return null;
  }

  /** As the DOM: an element's text and CDATA descendants in order (comments and PIs excluded). */
  get textContent(): string {
    if (this.nodeType !== ELEMENT_NODE) return this.data;
    const first = this.firstChild;
    if (!first) return '';
    // The common case: one text child (a parameter, a task status).
    if (!first.nextSibling && (first.nodeType === TEXT_NODE || first.nodeType === CDATA_SECTION_NODE)) return first.data;
    // Iterative, so a deeply nested element cannot overflow the stack.
    let out = '';
    let node: StorageNode | null = first;
    while (node && node !== this) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) out += node.data;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== this && !node.nextSibling) node = node.parentNode;
      if (node && node !== this) node = node.nextSibling;
    }
    return out;
  }

  /** The element's namespace, from the `xmlns` declarations in scope (read only for rare prefixes). */
  get namespaceURI(): string | null {
    if (this.nodeType !== ELEMENT_NODE) return null;
    const colon = this.nodeName.indexOf(':');
    return lookupNamespace(this, colon < 0 ? '' : this.nodeName.slice(0, colon));
  }
}

/** The namespace `prefix` ('' for the default namespace) is bound to at `el`, or null. */
export function lookupNamespace(el: StorageNode | null, prefix: string): string | null {
  if (prefix === 'xml') return XML_NAMESPACE;
  const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let node = el; node; node = node.parentNode) {
    const uri = node.getAttribute(attr);
    if (uri !== null) return uri === '' ? null : uri;
  }
  return null;
}

export class StorageDocument implements StorageDocumentLike {
  constructor(readonly documentElement: StorageNode) {}
}
