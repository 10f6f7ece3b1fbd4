// Every shared storage sample converts, and what PROVENANCE.md lists for it survives.
import { describe, expect, it } from 'vitest';
import { adfToMarkdown } from './adf-to-markdown';
import { storageToMarkdown } from './storage-to-markdown';
import { parseXml, readSample, sampleNames } from './testing/samples';

const PAGE_URL = 'https://example.atlassian.net/wiki/spaces/S/pages/1';

interface Expect {
  contains?: string[];
  matches?: RegExp[];
  absent?: string[];
  unconverted?: string[];
}

/** Per sample: the features PROVENANCE.md lists for it, as text that must be in the Markdown. */
const EXPECTED: Record<string, Expect> = {
  'atlcli-basic-paired.storage.xml': {
    contains: ['## Paired fixture', '**Bold** and `code`\\\n⚠️', '> Quoted', '- Bullet\n  - Nested bullet', '3. Number\n   8. Nested number',
      '- [x] Done\n- [ ] Open\n  - [ ] Nested task', 'Sidebar\n\nMain', '<th>Header</th>\n<td colspan="2">Cell</td>',
      '> [!NOTE]\n> Information', 'state: **[Done]** date: 2024-01-01', '\n---\n'],
    absent: ['editor-only'],
    unconverted: [],
  },
  'codeclou-adf-extension-forge-macro.xml': {
    contains: ['- [ ] task list item', '[Link to a Confluence Attachment](attachments/atlassian_logo.gif)',
      'Confluence macro “Advanced Codeblocks Multi” (advancedcodeblockmacro) not exported',
      '[![](http://confluence.atlassian.com/images/logo/confluence_48_trans.png)](#anchor-link)', 'emoji inside p ✅', 'template variable “MyList”'],
    unconverted: ['advancedcodeblockmacro', 'at:var'],
  },
  'confluencebuilder-jira.xml': {
    contains: ['[TEST-123](https://example.atlassian.net/browse/TEST-123)', 'Jira issues: [project = "TEST"]', '[TEST-1](https://example.atlassian.net/browse/TEST-1)'],
    unconverted: ['jira'],
  },
  'confluencebuilder-lists-nested.xml': {
    contains: ['- first bullet', '- second item\n\n  second paragraph in the second item', '  - sublist 1', '1. enumerated b\n   1. enumerated b1', '4. enumerated e\n   1. enumerated e1'],
  },
  'confluencebuilder-tables-colspan-rowspan.xml': {
    contains: ['<td colspan="3">\n\n2\\[1-3\\]\n\n</td>', '<td rowspan="2">ZZ</td>', '<td colspan="2" rowspan="2">\n\n- one\n- two\n- three\n\n</td>',
      // Two header rows stay header rows; the nested table is kept inside its cell.
      '<thead>\n<tr>\n<th>a1</th>', '<tr>\n<th>b1</th>', '<td>\n\ncell 4\n\n| a | b |\n| --- | --- |\n| c | d |\n| e | f |\n\n</td>'],
  },
  'jsonix-generating-mappings-from-xml-schemas.xml': {
    matches: [/> \[!WARNING\]/, /> \[!TIP\]/, /```\w*/],
  },
  'jsonix-mapping-xml-to-javascript-objects.xml': {
    contains: ['```javascript\nvar One = {', "unmarshalString('<value>Some text.</value>')", '[Modules](#modules)', 'Confluence macro “include” not exported', '[Compact Naming]('],
    unconverted: ['include'],
  },
  'jsonix-properties.xml': {
    contains: ['## Properties', '[#Value property](#value-property)', '> [!TIP]', '➕', '➖'],
    matches: [/```javascript\n/, /```xml\n/],
  },
  'jsonix-types.xml': {
    contains: ['## Types', '[simple](#simple-types)', '> [!TIP]', '![](attachments/type-hierarchy.gif)', '| XML Schema Type | Jsonix JavaScript Class | Jsonix Type Name |'],
    matches: [/```javascript\n/],
  },
  'kafka-cwiki-eclipse-setup-27835336.xml': {
    contains: ['- [Eclipse setup](#eclipse-setup)', '[KAFKA-4617](https://example.atlassian.net/browse/KAFKA-4617)', '![](attachments/project_layout.JPG)',
      '> [!NOTE]\n> You will need regenerate', '```\ngradle -PscalaVersion=2.12\n./gradlew -PscalaVersion=2.12 eclipse --refresh-dependencies\n```',
      '- Import the generated project (File -> Import -> General -> Existing Projects into Workspace)\n  1. Navigate'],
  },
  'kafka-cwiki-index-27821303.xml': {
    contains: ['## Project Page', '- [Kafka Website](http://kafka.apache.org/)', '[Kafka papers and presentations](', '[Kafka compression]('],
  },
  'let-sunny-ri-user-link.xml': { contains: ['Reach out to @abc123 for review.'] },
  'mark-codes.xml': {
    contains: ['`inline`', '```\nsome code\n```', '```bash\ncode bash\n```', '```bash\nwith a newline\n\n```', '```sh title="A b c"\nno-collapse-title\n```',
      '````nested\ncode\n``` more code ```\neven more code\n````', '```mermaid title="my mermaid graph"\ngraph TD;', '```d2\nvars: {', 'text text 2'],
  },
  'mark-pagelayout.xml': { contains: ['More Content\n\nMore Content\n\nEven More Content\n\nStill More Content'] },
  'mark-quotes-admonitions.xml': {
    contains: ['# Main Heading', '> [!WARNING]\n> **NOTES:**', '> 1. Note number one', '> > a b', '> [!CAUTION]\n> **Warn**', '> [!TIP]\n> Tip', '> \\[\\[!NOTE\\]', '> **TL;DR:** Thingy! More stuff'],
  },
  'md2conf-basic-formatting.xml': {
    contains: ['**bold**, *italic*, `monospace`, <ins>underline</ins> and ~~strikethrough~~', 'H<sub>2</sub>O', 'e<sup>-ix</sup>', '[query string](http://example.com/?key[]=value)',
      '[heading in the same document](#Basic-features)', '- List item 1\n  - Nested item 1\n    1. Item 1', '> Lorem ipsum', 'árvíztűrő tükörfúrógép', '© or ¶'],
  },
  'md2conf-images.xml': {
    contains: ['![](attachments/figure_raster.png)', '![JPEG image with caption](attachments/figure_raster.jpg)\n\n*JPEG image with caption*',
      '![SVG image with caption](attachments/figure_vector.svg "A vector image")', '![draw.io image embedded in PNG](attachments/figure_diagram.drawio.png)',
      'This is an ![inline image](http://confluence.atlassian.com/images/logo/confluence_48_trans.png) at an external location.'],
  },
  'md2conf-panel-custom.xml': { contains: ['> ℹ️\n>\n> **Info**', '> 💡\n>\n> **Tip of the day**', '> ✅\n>\n> **Success**', '[link](https://example.com/)'] },
  'md2conf-status-lozenges.xml': { contains: ['- **[gray]**', '- **[purple]**', '- **[green]**'] },
  'md2conf-toc-children.xml': { contains: ['- [Table of contents](#table-of-contents)', 'Confluence macro “children” not exported'], unconverted: ['children'] },
  'pchuri-01-prose-and-entities.xml': {
    contains: ['# Top heading', '###### H6', '**bold**, *italic*, ~~strike~~, ~~removed~~, and `inline()`', '**bold with *italic inside* still bold**', 'Line one\\\nline two',
      '[external link](https://example.com/?q=1&r=2) and a bare anchor with no href', 'Datetime: 2026-05-01 and 31st.',
      'non-break\u00a0space, smart “quotes”, ‘single’, ellipsis…, eacute é, ndash –, mdash —, copyright ©.', 'hex — and dec —'],
  },
  'pchuri-03-expand-and-anchor.xml': {
    contains: ['<details>\n<summary>Show details</summary>\n\nHidden content with **formatting**.\n\n</details>', '<summary>Click here to expand...</summary>', '<a id="section-one"></a>'],
  },
  'pchuri-04-code-and-mermaid.xml': {
    contains: ['```javascript\nfunction add(a, b) {', '```\nno-language-here\n```', '````markdown\nSome text with ```triple backticks``` inside.\n````', '```mermaid\ngraph TD\nA --> B\nB --> C\n```'],
  },
  'pchuri-06-includes-and-shared-blocks.xml': {
    contains: ['Confluence macro “include” not exported', '[Reference Page](https://example.atlassian.net/wiki/display/DOCS/Reference+Page)', '[Personal Notes](',
      'Confluence macro “shared-block” not exported', 'Inline shared block body.', 'Confluence macro “include-shared-block” not exported', 'Title with \\[brackets\\] (parens)'],
    unconverted: ['include', 'shared-block', 'include-shared-block'],
  },
  'pchuri-10-links.xml': {
    contains: ['[Jump to section](#section-one)', '[example link](https://example.com/path?x=1&y=2)', '[**bold body**](', '[Plain Page](', '[Title (with) \\[chars\\]]('],
  },
  'pchuri-11-layouts-and-edge-cases.xml': {
    contains: ['Left cell content.\n\nRight cell with **bold**.', 'Confluence macro “floatmenu” not exported', 'Confluence macro “not-a-real-macro” not exported', 'silently dropped',
      '`a < b && c > d` compared to literal \\<tag>', '> A quoted paragraph with *emphasis*.\n>\n> And a second.', 'Unknown tag fallback: visible text wraps'],
    unconverted: ['floatmenu', 'not-a-real-macro'],
  },
};

/** Both parse paths, which must agree (storage-parse-equivalence.test.ts says so for every sample too). */
const convert = (name: string) => {
  const opts = { siteUrl: 'https://example.atlassian.net', spaceKey: 'S', pageUrl: PAGE_URL };
  const result = storageToMarkdown(readSample('storage', name), opts);
  expect(storageToMarkdown(readSample('storage', name), { ...opts, parseXml })).toEqual(result);
  return result;
};

describe('shared storage samples', () => {
  it('has expectations for every sample', () => {
    expect(sampleNames('storage')).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(sampleNames('storage'))('%s keeps its listed features', (name) => {
    const result = convert(name);
    const expected = EXPECTED[name] ?? {};
    expect(result.markdown.length).toBeGreaterThan(0);
    for (const text of expected.contains ?? []) expect(result.markdown).toContain(text);
    for (const re of expected.matches ?? []) expect(result.markdown).toMatch(re);
    for (const text of expected.absent ?? []) expect(result.markdown).not.toContain(text);
    if (expected.unconverted) expect([...new Set(result.unconverted.map((u) => u.macro))].sort()).toEqual([...expected.unconverted].sort());
    // Every placeholder counted is visible in the text.
    expect(result.markdown.split('not exported').length - 1 + result.markdown.split('template variable').length - 1 + result.markdown.split('Jira issues:').length - 1).toBe(
      result.unconverted.length,
    );
  });

  it.each(sampleNames('storage'))('%s keeps every code body byte for byte', (name) => {
    const source = readSample('storage', name);
    // Code inside a panel is quoted: compare with the quote markers taken off both sides.
    const unquote = (text: string) => text.replace(/^(?:> ?)+/gm, '');
    const markdown = unquote(convert(name).markdown);
    let count = 0;
    for (const m of source.matchAll(/<ac:structured-macro ac:name="code">[\s\S]*?<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
      expect(markdown).toContain(unquote(m[1] ?? ''));
      count++;
    }
    if (/ac:name="code"/.test(source)) expect(count).toBeGreaterThan(0);
  });

  it('converts the paired storage and ADF documents to the same Markdown', () => {
    const storage = storageToMarkdown(readSample('storage', 'atlcli-basic-paired.storage.xml')).markdown;
    const adf = adfToMarkdown(readSample('adf', 'atlcli-basic-paired.adf.json')).markdown;
    expect(adf).toBe(storage);
  });
});
