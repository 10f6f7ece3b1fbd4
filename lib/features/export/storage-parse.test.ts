// The fast storage parser on its own: the tree it builds, and the bodies it refuses. The
// refusals were each checked against Chromium 156's DOMParser on the XML path (storage-xml.ts):
// what that path rejects, this parser rejects.
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENT_DEPTH, parseStorageTree, StorageParseError, type StorageNode } from './storage-parse';
import { CDATA_SECTION_NODE, COMMENT_NODE, ELEMENT_NODE, PROCESSING_INSTRUCTION_NODE, TEXT_NODE } from './storage-parse-tree';
import { parseStorage, STORAGE_NAMESPACES } from './storage-xml';
import { parseXml, readSample } from './testing/samples';

const root = (storage: string) => parseStorageTree(storage).documentElement;

function children(node: StorageNode): StorageNode[] {
  const out: StorageNode[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) out.push(n);
  return out;
}

/** The first element named `name`, depth first. */
function find(node: StorageNode, name: string): StorageNode {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as StorageNode;
    if (n.nodeType === ELEMENT_NODE && n.nodeName === name) return n;
    stack.push(...children(n).reverse());
  }
  throw new Error(`no <${name}>`);
}

const refused = (storage: string) => () => parseStorageTree(storage);

describe('tree', () => {
  it('wraps a fragment in an ac:confluence root declaring ac, ri and at', () => {
    const el = root('<p>a</p><p>b</p>');
    expect(el.nodeName).toBe('ac:confluence');
    expect(el.getAttribute('xmlns:ri')).toBe(STORAGE_NAMESPACES.ri);
    expect(children(el).map((c) => c.nodeName)).toEqual(['p', 'p']);
    expect(el.parentNode).toBeNull();
    expect(el.firstChild?.parentNode).toBe(el);
  });

  it('reads elements, attributes in either quote, and self-closing tags', () => {
    const el = root(`<ac:link ac:anchor='a "b"'><ri:page ri:content-title="T's" ri:space-key = "K"/></ac:link><br/>x`);
    const link = find(el, 'ac:link');
    expect(link.getAttribute('ac:anchor')).toBe('a "b"');
    expect(link.getAttribute('missing')).toBeNull();
    const page = find(el, 'ri:page');
    expect([page.getAttribute('ri:content-title'), page.getAttribute('ri:space-key')]).toEqual(["T's", 'K']);
    expect(page.firstChild).toBeNull();
    expect(children(el).map((c) => [c.nodeType, c.nodeName])).toEqual([
      [ELEMENT_NODE, 'ac:link'],
      [ELEMENT_NODE, 'br'],
      [TEXT_NODE, '#text'],
    ]);
  });

  it('keeps case in names (XML is case-sensitive)', () => {
    expect(root('<P>x</P>').firstChild?.nodeName).toBe('P');
  });

  it('keeps whitespace-only text nodes', () => {
    const el = root('<ul>\n  <li>a</li>\n</ul>');
    expect(children(find(el, 'ul')).map((c) => c.nodeType)).toEqual([TEXT_NODE, ELEMENT_NODE, TEXT_NODE]);
    expect(find(el, 'ul').firstChild?.data).toBe('\n  ');
  });

  it('gives textContent as the DOM does: text and CDATA, not comments or PIs', () => {
    const el = root('<p>a<b>b<!-- c --><?pi d?></b><![CDATA[e]]></p>');
    expect(find(el, 'p').textContent).toBe('abe');
    expect(find(el, 'p').firstChild?.textContent).toBe('a');
  });

  it('keeps comments and processing instructions as nodes', () => {
    const nodes = children(root('<!-- a - b --><?target some data?><?bare?>'));
    expect(nodes.map((n) => [n.nodeType, n.nodeName, n.data])).toEqual([
      [COMMENT_NODE, '#comment', ' a - b '],
      [PROCESSING_INSTRUCTION_NODE, 'target', 'some data'],
      [PROCESSING_INSTRUCTION_NODE, 'bare', ''],
    ]);
  });
});

describe('CDATA and comments', () => {
  it('keeps a code body byte for byte, --> and entities included', () => {
    const body = 'if (a --> b && c) { x = "&nbsp;" } <!-- no comment -->';
    const cdata = root(`<ac:plain-text-body><![CDATA[${body}]]></ac:plain-text-body>`).firstChild?.firstChild;
    expect(cdata?.nodeType).toBe(CDATA_SECTION_NODE);
    expect(cdata?.data).toBe(body);
  });

  it('keeps ]]> split across two sections as two nodes that read as one', () => {
    const el = find(root('<ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body>'), 'ac:plain-text-body');
    expect(children(el).map((c) => [c.nodeType, c.data])).toEqual([
      [CDATA_SECTION_NODE, 'a]]'],
      [CDATA_SECTION_NODE, '>b'],
    ]);
    expect(el.textContent).toBe('a]]>b');
  });

  it('keeps an empty CDATA section and an empty comment', () => {
    expect(children(root('<![CDATA[]]><!---->')).map((c) => [c.nodeType, c.data])).toEqual([
      [CDATA_SECTION_NODE, ''],
      [COMMENT_NODE, ''],
    ]);
  });

  it('refuses "--" inside a comment, and unclosed comments and CDATA', () => {
    expect(refused('<p><!-- a -- b --></p>')).toThrow(/"--" is not allowed inside a comment/);
    expect(refused('<p><!--b---></p>')).toThrow(StorageParseError);
    expect(refused('<p><!---></p>')).toThrow(StorageParseError);
    expect(refused('<p><!-- x</p>')).toThrow(/comment is never closed/);
    expect(refused('<p><![CDATA[x</p>')).toThrow(/CDATA section is never closed/);
    expect(refused('<p><![cdata[x]]></p>')).toThrow(StorageParseError);
  });

  it('refuses ]]> in text, as XML does', () => {
    expect(refused('<p>a ]]> b</p>')).toThrow(/"]]>" is not allowed in text/);
    expect(root('<p>a ]] > b ]]</p>').textContent).toBe('a ]] > b ]]');
  });
});

describe('entities and characters', () => {
  it('turns &nbsp; into U+00A0, and HTML, XML and numeric references into characters', () => {
    expect(root('<p>a&nbsp;b &ldquo;q&rdquo; &eacute; &amp; &lt;&gt;&quot;&apos; &#8212;&#x2014; &#x1F600;</p>').textContent).toBe(
      'a\u00a0b “q” é & <>"\' —— 😀',
    );
  });

  it('keeps a bare & and an unknown name literal, as the XML path does', () => {
    expect(root('<p>R&D &bogus; &nbsp &#; &#12a; &foo_bar; AT&amp;T &amp;nbsp;</p>').textContent).toBe(
      'R&D &bogus; &nbsp &#; &#12a; &foo_bar; AT&T &nbsp;',
    );
  });

  it('decodes entities in attribute values and turns literal tabs and newlines there into spaces', () => {
    const el = root('<ac:link ac:anchor="a&amp;b&nbsp;&lt;c&gt; &#x41;&bogus; R&D" title="x\ty\nz&#10;w&#9;v"/>').firstChild;
    expect(el?.getAttribute('ac:anchor')).toBe('a&b\u00a0<c> A&bogus; R&D');
    expect(el?.getAttribute('title')).toBe('x y z\nw\tv');
  });

  it('refuses characters XML forbids, literal or referenced, and &#X', () => {
    expect(refused('<p>\u0001</p>')).toThrow(/U\+0001 is not allowed/);
    expect(refused('<p>\uffff</p>')).toThrow(StorageParseError);
    expect(refused('<p>&#0;</p>')).toThrow(/names a character XML forbids/);
    expect(refused('<p>&#xD800;</p>')).toThrow(StorageParseError);
    expect(refused('<p>&#x110000;</p>')).toThrow(StorageParseError);
    expect(refused('<p>&#99999999999999999999;</p>')).toThrow(StorageParseError);
    expect(refused('<p>&#X41;</p>')).toThrow(/&#x/);
    expect(root('<p>&#0000000065;&#9;&#13;</p>').textContent).toBe('A\t\r');
  });

  it('normalizes line ends, in CDATA too, and strips a byte-order mark', () => {
    const el = root('\ufeff<p>a\r\nb\rc</p><ac:x><![CDATA[d\r\ne]]></ac:x>');
    expect(el.textContent).toBe('a\nb\ncd\ne');
  });

  it('turns an unpaired surrogate into U+FFFD, as it is on its way into the browser parser', () => {
    expect(root('<p>\ud800x</p>').textContent).toBe('\ufffdx');
  });
});

describe('tags and attributes', () => {
  it('refuses an attribute without a value, unquoted, duplicated or not set apart', () => {
    expect(refused('<p a/>')).toThrow(/attribute a of <p> has no value/);
    expect(refused('<td nowrap>x</td>')).toThrow(/has no value/);
    expect(refused('<p a=1/>')).toThrow(/must be quoted/);
    expect(refused('<p a="1" a="2"/>')).toThrow(/appears twice/);
    expect(refused('<p a="1"b="2"/>')).toThrow(/white space between them/);
    expect(refused('<p a="<"/>')).toThrow(/"<" is not allowed in the value of a/);
    expect(refused('<p a="x/>')).toThrow(StorageParseError);
  });

  it('refuses malformed tags and names', () => {
    for (const body of ['< p>x</p>', '<p/ >', '<1p/>', '<:p/>', '<p:/>', '<a:b:c/>', '<p -x="1"/>', '<p', '<p>a</p', '<p>x</p>z<']) {
      expect(refused(body), body).toThrow(StorageParseError);
    }
    // Names browsers accept: non-ASCII letters, dots and dashes, a local part starting with a digit.
    expect(children(root('<café/><p·/><p-x.y/><_p/><ac:1x/>')).map((c) => c.nodeName)).toEqual(['café', 'p·', 'p-x.y', '_p', 'ac:1x']);
    expect(root('<p\n>x</p\n>').textContent).toBe('x');
  });

  it('throws on mismatched, stray, unclosed and root-closing end tags', () => {
    expect(refused('<p><strong>x</p>')).toThrow(/end tag <\/p> does not match <strong>/);
    expect(refused('<p>a</P>')).toThrow(/does not match/);
    expect(refused('<p>x</p></p>')).toThrow(/closes nothing/);
    expect(refused('<p>x')).toThrow(/<p> is never closed/);
    // The wrapper's own end tag would then close nothing.
    expect(refused('<p>x</p></ac:confluence><p>y</p>')).toThrow(/closes nothing/);
  });

  it('refuses what only a document start may hold', () => {
    expect(refused('<p>x</p><?xml version="1.0"?>')).toThrow(/XML declaration/);
    expect(refused('<p>x</p><!DOCTYPE x>')).toThrow(/only comments and CDATA/);
    expect(refused('<p>x</p><!foo>')).toThrow(StorageParseError);
  });

  it('says where a body went wrong', () => {
    const error = (() => {
      try {
        parseStorageTree('<p>one</p>\n<p>two <b>x</p>');
      } catch (e) {
        return e as StorageParseError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(StorageParseError);
    expect(error.message).toBe("The page's storage format is not well-formed XML: end tag </p> does not match <b> at line 2, column 12");
    expect([error.line, error.column]).toEqual([2, 12]);
  });
});

describe('namespaces', () => {
  it('resolves prefixes through nested declarations', () => {
    const el = root('<x:a xmlns:x="http://atlassian.com/content"><y:b xmlns:y="urn:y"><x:c/></y:b><p/></x:a><ac:d/><q xmlns="urn:q"/>');
    expect(find(el, 'x:a').namespaceURI).toBe(STORAGE_NAMESPACES.ac);
    expect(find(el, 'y:b').namespaceURI).toBe('urn:y');
    expect(find(el, 'x:c').namespaceURI).toBe(STORAGE_NAMESPACES.ac);
    expect(find(el, 'ac:d').namespaceURI).toBe(STORAGE_NAMESPACES.ac);
    expect(find(el, 'p').namespaceURI).toBeNull();
    expect(find(el, 'q').namespaceURI).toBe('urn:q');
    // A prefix redeclared further in applies there only.
    const re = root('<p xmlns:ac="urn:other"><ac:x/></p><ac:y/>');
    expect([find(re, 'ac:x').namespaceURI, find(re, 'ac:y').namespaceURI]).toEqual(['urn:other', STORAGE_NAMESPACES.ac]);
  });

  it('refuses undeclared prefixes, undeclaring and reserved bindings', () => {
    expect(refused('<p><foo:bar/></p>')).toThrow(/prefix of <foo:bar> is not declared/);
    expect(refused('<p foo:x="1"/>')).toThrow(/prefix of attribute foo:x/);
    expect(refused('<x:a xmlns:x="urn:x"/><x:b/>')).toThrow(/not declared/);
    expect(refused('<p xmlns:x=""/>')).toThrow(/cannot undeclare/);
    expect(refused('<ac:foo xmlns:ac=""/>')).toThrow(/cannot undeclare/);
    expect(refused('<p xmlns:xml="urn:bad"/>')).toThrow(/reserved/);
    expect(refused('<xmlns:p/>')).toThrow(/not declared/);
    expect(root('<p xml:lang="en" xmlns=""/>').firstChild?.getAttribute('xml:lang')).toBe('en');
  });

  it('refuses one attribute written twice under two prefixes of one namespace', () => {
    expect(refused('<p xmlns:z="http://atlassian.com/content" ac:n="1" z:n="2"/>')).toThrow(/are the same attribute/);
    expect(root('<p ac:n="1" ri:n="2" at:n="3"/>').firstChild?.getAttribute('ri:n')).toBe('2');
  });
});

describe('documents with their own root', () => {
  it('drops the prolog and DOCTYPE, applies its entities and keeps the root', () => {
    const el = root('<?xml version="1.0"?>\n<!DOCTYPE ac:confluence SYSTEM "x.dtd" [\n<!ENTITY custom "&#9827;">\n]>\n<ac:confluence xmlns:ac="urn:ac"><p>&custom;&nbsp;</p></ac:confluence>\n<!-- after -->\n');
    expect(el.nodeName).toBe('ac:confluence');
    expect(el.getAttribute('xmlns:ac')).toBe('urn:ac');
    expect(el.getAttribute('xmlns:ri')).toBe(STORAGE_NAMESPACES.ri);
    expect(el.textContent).toBe('♣\u00a0');
  });

  it('parses the Jsonix samples (prolog, DOCTYPE, root) like the XML path', () => {
    const el = root(readSample('storage', 'jsonix-types.xml'));
    const xml = parseStorage(readSample('storage', 'jsonix-types.xml'), parseXml).documentElement;
    expect(el.textContent).toBe(xml.textContent);
  });

  it('refuses content around the root and a second root', () => {
    expect(refused('<ac:confluence>x</ac:confluence>y')).toThrow(/text outside the root element/);
    expect(refused('<ac:confluence/><p/>')).toThrow(/second root element/);
    expect(refused('<ac:confluence/><![CDATA[x]]>')).toThrow(/CDATA outside the root/);
    expect(refused('<ac:confluence>')).toThrow(/never closed/);
  });
});

describe('deep nesting', () => {
  it(`parses ${MAX_ELEMENT_DEPTH - 1} nested elements with an explicit stack (no recursion)`, () => {
    const depth = MAX_ELEMENT_DEPTH - 1;
    const el = root(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`);
    expect(el.textContent).toBe('deep');
    let levels = 0;
    for (let n: StorageNode | null = el.firstChild; n && n.nodeType === ELEMENT_NODE; n = n.firstChild) levels++;
    expect(levels).toBe(depth);
  });

  it('refuses deeper nesting with the words Chromium uses, not a stack overflow', () => {
    expect(refused(`${'<div>'.repeat(MAX_ELEMENT_DEPTH)}x${'</div>'.repeat(MAX_ELEMENT_DEPTH)}`)).toThrow(/excessive node nesting/);
    expect(refused(`${'<b>'.repeat(20_000)}`)).toThrow(/excessive node nesting/);
  });
});

describe('the same refusals as the XML path', () => {
  // Bodies xmldom (strict, as the tests run it) rejects too: both paths throw.
  it.each([
    '<p><strong>x</p>',
    '<p>',
    '</p>',
    '<p a="1" a="2"/>',
    '<p a="<"/>',
    '<p><foo:bar/></p>',
    '<p foo:x="1"/>',
    '<p><!-- a -- b --></p>',
    '<p>x</p><!DOCTYPE x>',
    '<p>x</p><?xml version="1.0"?>',
    '<p>&#X41;</p>',
    '<p><![CDATA[x</p>',
    '< p>x</p>',
    '<a:b:c/>',
    '<p>x</p></ac:confluence><p>y</p>',
  ])('%s', (body) => {
    expect(() => parseStorage(body, parseXml)).toThrow();
    expect(refused(body)).toThrow(StorageParseError);
  });
});
