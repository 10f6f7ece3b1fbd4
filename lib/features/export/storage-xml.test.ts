import { describe, expect, it } from 'vitest';
import { numericEntities, parseStorage, storageToXmlDocumentText, STORAGE_NAMESPACES } from './storage-xml';
import { parseXml, readSample, sampleNames } from './testing/samples';

describe('numericEntities', () => {
  it('turns HTML named entities into numeric references', () => {
    expect(numericEntities('a&nbsp;b &ldquo;q&rdquo; &hellip; &eacute; &mdash; &euro; &check;')).toBe(
      'a&#160;b &#8220;q&#8221; &#8230; &#233; &#8212; &#8364; &#10003;',
    );
  });

  it('covers the common typographic and symbol names', () => {
    const names = [
      'nbsp', 'ndash', 'mdash', 'hellip', 'lsquo', 'rsquo', 'ldquo', 'rdquo', 'laquo', 'raquo', 'copy',
      'reg', 'trade', 'times', 'divide', 'middot', 'bull', 'euro', 'pound', 'yen', 'cent', 'sect', 'para',
      'deg', 'plusmn', 'frac12', 'frac14', 'frac34', 'hearts', 'larr', 'rarr', 'uarr', 'darr', 'harr',
    ];
    for (const name of names) expect(numericEntities(`&${name};`)).toMatch(/^&#\d+;$/);
  });

  it('leaves the XML entities and numeric references alone', () => {
    expect(numericEntities('&amp; &lt; &gt; &quot; &apos; &#x2014; &#8212;')).toBe('&amp; &lt; &gt; &quot; &apos; &#x2014; &#8212;');
  });

  it('keeps an unknown name as literal text instead of failing', () => {
    expect(numericEntities('&bogus; here')).toBe('&amp;bogus; here');
  });

  it('escapes a bare ampersand', () => {
    expect(numericEntities('R&D & co')).toBe('R&amp;D &amp; co');
  });

  it('does not touch CDATA sections or comments', () => {
    const text = '<![CDATA[&nbsp; & ]] -->]]><!-- &nbsp; -->&nbsp;';
    expect(numericEntities(text)).toBe('<![CDATA[&nbsp; & ]] -->]]><!-- &nbsp; -->&#160;');
  });

  it('uses entities a DOCTYPE defines when the table lacks them', () => {
    expect(numericEntities('&custom;', new Map([['custom', '&#9827;']]))).toBe('&#9827;');
  });
});

describe('storageToXmlDocumentText', () => {
  it('wraps a fragment in an ac:confluence root declaring ac, ri and at', () => {
    const text = storageToXmlDocumentText('<p>a&nbsp;b</p><p>c</p>');
    expect(text.startsWith('<ac:confluence')).toBe(true);
    for (const uri of Object.values(STORAGE_NAMESPACES)) expect(text).toContain(uri);
    expect(text).toContain('<p>a&#160;b</p><p>c</p></ac:confluence>');
  });

  it('does not double-wrap a document that has a prolog, DOCTYPE and root', () => {
    const src = readSample('storage', 'jsonix-mapping-xml-to-javascript-objects.xml');
    const text = storageToXmlDocumentText(src);
    expect(text.match(/<ac:confluence\b/g)).toHaveLength(1);
    expect(text).not.toContain('<?xml');
    expect(text).not.toContain('<!DOCTYPE');
    // The existing root gains the missing `at` declaration.
    expect(text).toMatch(/^<ac:confluence xmlns:at="http:\/\/atlassian\.com\/template"/);
  });

  it('strips a byte-order mark', () => {
    expect(storageToXmlDocumentText('\ufeff<p>x</p>')).toMatch(/^<ac:confluence/);
  });

  it('gives a parseable document with CDATA intact', () => {
    const doc = parseStorage('<ac:plain-text-body><![CDATA[a --> b ]] c &nbsp;]]></ac:plain-text-body>', parseXml);
    expect(doc.documentElement.textContent).toBe('a --> b ]] c &nbsp;');
  });

  it('reports a broken body as an Error', () => {
    expect(() => parseStorage('<p><strong>x</p>', parseXml)).toThrow();
  });

  it('turns a browser-style <parsererror> document into an Error', () => {
    const fake = (): Document => parseXml('<parsererror>bad</parsererror>');
    expect(() => parseStorage('<p>x</p>', fake)).toThrow(/not well-formed/);
  });

  it.each(sampleNames('storage'))('parses storage sample %s strictly', (name) => {
    const doc = parseStorage(readSample('storage', name), parseXml);
    expect(doc.documentElement.localName).toBe('confluence');
  });
});
