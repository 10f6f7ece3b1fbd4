import { describe, expect, it } from 'vitest';
import { storageToMarkdown, type StorageToMarkdownOptions } from './storage-to-markdown';
import { parseXml } from './testing/samples';

/** Every fixture goes through both parse paths, which must agree: the fast parser (the default) and XML (xmldom). */
const convert = (storage: string, opts: StorageToMarkdownOptions = {}) => {
  const result = storageToMarkdown(storage, opts);
  expect(storageToMarkdown(storage, { ...opts, parseXml }), 'the XML path gives the same result').toEqual(result);
  return result;
};
const md = (storage: string, opts: StorageToMarkdownOptions = {}) => convert(storage, opts).markdown;

const code = (lang: string, body: string) =>
  `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">${lang}</ac:parameter><ac:plain-text-body><![CDATA[${body}]]></ac:plain-text-body></ac:structured-macro>`;

describe('text boundaries (no fused runs)', () => {
  it('keeps sibling paragraphs apart', () => {
    expect(md('<p><strong>1.0</strong></p><p>27 Mar</p>')).toBe('**1.0**\n\n27 Mar\n');
  });
  it('keeps table cells apart', () => {
    expect(md('<table><tbody><tr><td>1.0</td><td>27 Mar</td></tr></tbody></table>')).toBe(
      '|  |  |\n| --- | --- |\n| 1.0 | 27 Mar |\n',
    );
  });
  it('keeps the space between inline siblings', () => {
    expect(md('<p><span>1.0</span><span> 27 Mar</span></p>')).toBe('1.0 27 Mar\n');
    expect(md('<p><span>1.0</span> <em>27 Mar</em></p>')).toBe('1.0 *27 Mar*\n');
  });
  it('keeps divs and layout cells apart', () => {
    expect(md('<div>1.0</div><div>27 Mar</div>')).toBe('1.0\n\n27 Mar\n');
    expect(
      md('<ac:layout><ac:layout-section><ac:layout-cell>1.0</ac:layout-cell><ac:layout-cell>27 Mar</ac:layout-cell></ac:layout-section></ac:layout>'),
    ).toBe('1.0\n\n27 Mar\n');
  });
  it('keeps text around a block inside a list item apart', () => {
    expect(md('<ul><li>one<ul><li>two</li></ul>three</li></ul>')).toBe('- one\n  - two\n\n  three\n');
  });
  it('collapses source indentation as HTML does', () => {
    expect(md('<p>\n   a\n   b   c\n</p>')).toBe('a b c\n');
  });
});

describe('code', () => {
  it('keeps the language exactly: c#, c++, objective-c', () => {
    expect(md(code('c#', 'var x = 1;'))).toBe('```c#\nvar x = 1;\n```\n');
    expect(md(code('c++', 'int x;'))).toContain('```c++\n');
    expect(md(code('objective-c', 'id x;'))).toContain('```objective-c\n');
  });
  it('has no language when none is set', () => {
    expect(md('<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>')).toBe(
      '```\nx\n```\n',
    );
  });
  it('reads the legacy unnamed language parameter', () => {
    expect(md('<ac:structured-macro ac:name="code"><ac:parameter ac:name="">xml</ac:parameter><ac:plain-text-body><![CDATA[<a/>]]></ac:plain-text-body></ac:structured-macro>')).toContain('```xml\n<a/>\n```');
  });
  it('keeps CDATA exactly, with --> and ]] and entities inside', () => {
    const body = '<!-- x --> a ]] b &nbsp; &amp; ``` <b>';
    expect(md(code('html', body))).toBe(`\`\`\`\`html\n${body}\n\`\`\`\`\n`);
  });
  it('keeps a split CDATA (]]> inside code) joined', () => {
    const storage =
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body></ac:structured-macro>';
    expect(md(storage)).toBe('```\na]]>b\n```\n');
  });
  it('keeps the title as an info-string attribute', () => {
    expect(md('<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">sh</ac:parameter><ac:parameter ac:name="title">Run it</ac:parameter><ac:plain-text-body><![CDATA[ls]]></ac:plain-text-body></ac:structured-macro>')).toBe(
      '```sh title="Run it"\nls\n```\n',
    );
  });
  it('writes inline code with enough backticks', () => {
    expect(md('<p><code>a`b</code> and <code><![CDATA[x < y]]></code></p>')).toBe('``a`b`` and `x < y`\n');
  });
  it('writes <pre> with its line breaks', () => {
    expect(md('<pre>a<br/>b</pre>')).toBe('```\na\nb\n```\n');
  });
});

describe('tasks and lists', () => {
  it('writes task states', () => {
    const storage =
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Done</ac:task-body></ac:task>' +
      '<ac:task><ac:task-status> incomplete </ac:task-status><ac:task-body><strong>Open</strong></ac:task-body></ac:task></ac:task-list>';
    expect(md(storage)).toBe('- [x] Done\n- [ ] **Open**\n');
  });
  it('nests lists', () => {
    expect(md('<ul><li><p>a</p><ol><li>b<ul><li>c</li></ul></li></ol></li><li>d</li></ul>')).toBe('- a\n  1. b\n     - c\n- d\n');
  });
  it('keeps an ordered list start', () => {
    expect(md('<ol start="3"><li>x</li><li>y</li></ol>')).toBe('3. x\n4. y\n');
  });
  it('keeps two lists of the same kind apart', () => {
    expect(md('<ul><li>a</li></ul><ul><li>b</li></ul>')).toBe('- a\n\n<!-- -->\n\n- b\n');
  });
});

describe('macros', () => {
  it('writes panels as GitHub alerts with titles', () => {
    const panel = (name: string) =>
      `<ac:structured-macro ac:name="${name}"><ac:parameter ac:name="title">T</ac:parameter><ac:rich-text-body><p>Body</p></ac:rich-text-body></ac:structured-macro>`;
    expect(md(panel('info'))).toBe('> [!NOTE]\n> **T**\n>\n> Body\n');
    expect(md(panel('tip'))).toContain('> [!TIP]');
    expect(md(panel('note'))).toContain('> [!WARNING]');
    expect(md(panel('warning'))).toContain('> [!CAUTION]');
  });
  it('writes expand as details', () => {
    expect(
      md('<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">More</ac:parameter><ac:rich-text-body><p>Hidden</p></ac:rich-text-body></ac:structured-macro>'),
    ).toBe('<details>\n<summary>More</summary>\n\nHidden\n\n</details>\n');
  });
  it('writes a status lozenge as its title and records the colour', () => {
    const r = convert(
      '<p>state: <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">DONE</ac:parameter></ac:structured-macro> ok</p>',
    );
    expect(r.markdown).toBe('state: **[DONE]** ok\n');
    expect(r.statuses).toEqual([{ title: 'DONE', colour: 'Green' }]);
  });
  it('turns an unknown macro into a visible, counted placeholder and keeps its body', () => {
    const r = convert(
      '<ac:structured-macro ac:name="drawio"><ac:parameter ac:name="diagramName">d</ac:parameter></ac:structured-macro>' +
        '<ac:structured-macro ac:name="gliffy"><ac:rich-text-body><p>kept</p></ac:rich-text-body></ac:structured-macro>',
      { pageUrl: 'https://x.atlassian.net/wiki/spaces/S/pages/1' },
    );
    expect(r.markdown).toContain('Confluence macro “drawio” not exported');
    expect(r.markdown).toContain('> \\[Confluence macro “gliffy” not exported: see [the page in Confluence](https://x.atlassian.net/wiki/spaces/S/pages/1)\\]');
    expect(r.markdown).toContain('kept');
    expect(r.unconverted.map((u) => u.macro)).toEqual(['drawio', 'gliffy']);
  });
  it('links a Jira issue', () => {
    expect(md('<p><ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">AB-1</ac:parameter></ac:structured-macro></p>', { siteUrl: 'https://x.atlassian.net' })).toBe(
      '[AB-1](https://x.atlassian.net/browse/AB-1)\n',
    );
  });
  it('generates a table of contents from the headings', () => {
    expect(md('<ac:structured-macro ac:name="toc"/><h1>A b</h1><h2>C</h2><h1>A b</h1>')).toBe(
      '- [A b](#a-b)\n  - [C](#c)\n- [A b](#a-b-1)\n\n# A b\n\n## C\n\n# A b\n',
    );
  });
});

describe('links, images, mentions, emoticons', () => {
  it('links a page by title, even without an id', () => {
    expect(md('<p><ac:link><ri:page ri:content-title="Other Page"/></ac:link></p>')).toBe('[Other Page]()\n');
    expect(
      md('<p><ac:link><ri:page ri:space-key="DOC" ri:content-title="A b"/><ac:plain-text-link-body><![CDATA[see]]></ac:plain-text-link-body></ac:link></p>', {
        siteUrl: 'https://x.atlassian.net',
      }),
    ).toBe('[see](https://x.atlassian.net/wiki/display/DOC/A+b)\n');
    expect(md('<p><ac:link><ri:page ri:content-title="T"/></ac:link></p>', { resolvePageLink: (r) => `../${r.title}.md` })).toBe('[T](../T.md)\n');
  });
  it('links attachments and images to attachments/<filename>', () => {
    expect(md('<p><ac:link><ri:attachment ri:filename="a b.pdf"/></ac:link></p>')).toBe('[a b.pdf](attachments/a%20b.pdf)\n');
    expect(md('<ac:image ac:alt="Logo"><ri:attachment ri:filename="logo.png"/></ac:image>')).toBe('![Logo](attachments/logo.png)\n');
    expect(md('<p>x <ac:image><ri:url ri:value="https://e.com/i.png"/></ac:image></p>')).toBe('x ![](https://e.com/i.png)\n');
  });
  it('writes a mention as @account-id, or the resolved name', () => {
    const s = '<p>ask <ac:link><ri:user ri:account-id="5b10ac8d82e05b22cc7d4ef5"/></ac:link></p>';
    expect(md(s)).toBe('ask @5b10ac8d82e05b22cc7d4ef5\n');
    expect(md(s, { resolveUser: () => 'Ada Lovelace' })).toBe('ask @Ada Lovelace\n');
  });
  it('writes emoticons as Unicode', () => {
    expect(md('<p><ac:emoticon ac:name="tick"/> <ac:emoticon ac:name="x" ac:emoji-fallback="🎉"/></p>')).toBe('✅ 🎉\n');
  });
  it('links an anchor to its slug', () => {
    expect(md('<p><ac:link ac:anchor="Value property"><ac:link-body>#Value</ac:link-body></ac:link></p>')).toBe('[#Value](#value-property)\n');
  });
});

describe('formatting', () => {
  it('writes headings, marks, breaks, rules and quotes', () => {
    expect(
      md('<h2>Title #</h2><p><strong>b</strong> <em>i</em> <s>s</s> <u>u</u> H<sub>2</sub>O e<sup>x</sup><br/>next</p><hr/><blockquote><p>q</p></blockquote>'),
    ).toBe('## Title \\#\n\n**b** *i* ~~s~~ <ins>u</ins> H<sub>2</sub>O e<sup>x</sup>\\\nnext\n\n---\n\n> q\n');
  });
  it('moves edge spaces outside emphasis', () => {
    expect(md('<p>a<strong> b </strong>c</p>')).toBe('a **b** c\n');
  });
  it('writes no empty emphasis', () => {
    expect(md('<p>a<strong><br/></strong>b <em> </em>c</p>')).toBe('a\\\nb c\n');
    expect(md('<p><strong>a<br/></strong>b</p>')).toBe('**a**\\\nb\n');
  });
  it('does not double nested marks', () => {
    expect(md('<p><strong>a <b>b</b></strong></p>')).toBe('**a b**\n');
  });
  it('turns entities into characters and escapes Markdown in text', () => {
    expect(md('<p>a&nbsp;b &ldquo;c&rdquo; 1 * 2 [x] &lt;tag&gt;</p>')).toBe('a\u00a0b “c” 1 \\* 2 \\[x\\] \\<tag>\n');
  });
  it('escapes text that would start a block', () => {
    expect(md('<p># not a heading</p><p>1. not a list</p>')).toBe('\\# not a heading\n\n1\\. not a list\n');
  });
  it('drops script links but keeps their text', () => {
    expect(md('<p><a href="javascript:alert(1)">x</a> <a href=" JaVa\tScript:alert(1)">y</a> <a href="https://e.com">z</a></p>')).toBe(
      'x y [z](https://e.com)\n',
    );
  });
  it('keeps an unknown element’s text', () => {
    expect(md('<p>a <unknown-tag>visible</unknown-tag> b</p>')).toBe('a visible b\n');
  });
});

describe('tables', () => {
  it('uses a pipe table with its header row', () => {
    expect(md('<table><tbody><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x<br/>y</td></tr></tbody></table>')).toBe(
      '| A | B |\n| --- | --- |\n| 1 | x<br>y |\n',
    );
  });
  it('keeps merged cells in an HTML table without shifting the row', () => {
    const out = md('<table><tbody><tr><th>a</th><th>b</th><th>c</th></tr><tr><td colspan="2">ab</td><td>c</td></tr></tbody></table>');
    expect(out).toContain('<td colspan="2">ab</td>\n<td>c</td>');
  });
  it('keeps block content in an HTML table', () => {
    expect(md('<table><tbody><tr><td><ul><li>x</li></ul></td></tr></tbody></table>')).toContain('<td>\n\n- x\n\n</td>');
  });
});
