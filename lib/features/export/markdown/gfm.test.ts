import { describe, expect, it } from 'vitest';
import { alert, details, escapeLineStarts, escapeText, fencedCode, githubSlug, inlineCode, linkDestination, prefixLines } from './gfm';
import { writeTable, type TableCell } from './table';

describe('escapeText', () => {
  it('escapes inline syntax', () => {
    expect(escapeText('*a* `b` [c] <d> |e| ~f~ \\')).toBe('\\*a\\* \\`b\\` \\[c\\] \\<d> \\|e\\| \\~f\\~ \\\\');
  });
  it('keeps intraword underscores but escapes emphasis-capable ones', () => {
    expect(escapeText('snake_case _x_')).toBe('snake_case \\_x\\_');
  });
  it('keeps entity-like text literal', () => {
    expect(escapeText('&copy; & AT&T')).toBe('&amp;copy; & AT&T');
  });
  it('escapes an image opener', () => {
    expect(escapeText('![x]')).toBe('\\!\\[x\\]');
  });
});

describe('escapeLineStarts', () => {
  it('escapes block syntax at the start of each line', () => {
    expect(escapeLineStarts('# a\n> b\n- c\n+ d\n1. e\n2) f\n---\n===')).toBe(
      '\\# a\n\\> b\n\\- c\n\\+ d\n1\\. e\n2\\) f\n\\---\n\\===',
    );
  });
  it('leaves ordinary lines alone', () => {
    expect(escapeLineStarts('C# is fine\n1.0 release\n-x')).toBe('C# is fine\n1.0 release\n-x');
  });
});

describe('inlineCode', () => {
  it('uses more backticks than any run inside', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('x ``` y')).toBe('````x ``` y````');
  });
  it('pads content that starts or ends with a backtick', () => {
    expect(inlineCode('`tick')).toBe('`` `tick ``');
  });
});

describe('fencedCode', () => {
  it('keeps the language exactly, c# included', () => {
    expect(fencedCode('x', 'c#')).toBe('```c#\nx\n```');
    expect(fencedCode('x', 'c++')).toBe('```c++\nx\n```');
    expect(fencedCode('x', 'objective-c')).toBe('```objective-c\nx\n```');
  });
  it('has no info string without a language', () => {
    expect(fencedCode('x')).toBe('```\nx\n```');
  });
  it('is longer than any backtick run inside', () => {
    expect(fencedCode('a\n```\nb', 'md')).toBe('````md\na\n```\nb\n````');
  });
  it('keeps a trailing newline as a blank last line', () => {
    expect(fencedCode('a\n')).toBe('```\na\n\n```');
  });
  it('adds a title', () => {
    expect(fencedCode('x', 'bash', 'My "t"')).toBe('```bash title="My \\"t\\""\nx\n```');
  });
});

describe('blocks', () => {
  it('writes an alert with a title', () => {
    expect(alert('NOTE', 'Body', 'Heads up')).toBe('> [!NOTE]\n> **Heads up**\n>\n> Body');
    expect(alert('TIP', 'Body')).toBe('> [!TIP]\n> Body');
  });
  it('writes details with an escaped summary', () => {
    expect(details('a <b>', 'Body')).toBe('<details>\n<summary>a &lt;b&gt;</summary>\n\nBody\n\n</details>');
  });
  it('prefixes lines', () => {
    expect(prefixLines('a\n\nb', '- ', '  ')).toBe('- a\n\n  b');
  });
  it('makes link destinations safe', () => {
    expect(linkDestination('a b')).toBe('a%20b');
    expect(linkDestination('x_(y)')).toBe('x_(y)');
    expect(linkDestination('x)')).toBe('<x)>');
  });
  it('computes GitHub slugs, deduplicated', () => {
    const seen = new Map<string, number>();
    expect(githubSlug('Hello, World!', seen)).toBe('hello-world');
    expect(githubSlug('Hello World', seen)).toBe('hello-world-1');
  });
});

const cell = (md: string, extra: Partial<TableCell> = {}): TableCell => ({
  header: false,
  colspan: 1,
  rowspan: 1,
  blocks: md ? [{ kind: 'paragraph', md }] : [],
  ...extra,
});

describe('writeTable', () => {
  it('writes a simple table as a pipe table', () => {
    const md = writeTable([
      { head: true, cells: [cell('A', { header: true }), cell('B', { header: true })] },
      { head: false, cells: [cell('1.0'), cell('27 Mar')] },
    ]);
    expect(md).toBe('| A | B |\n| --- | --- |\n| 1.0 | 27 Mar |');
  });
  it('gives a headerless table an empty header rather than promoting a data row', () => {
    expect(writeTable([{ head: false, cells: [cell('a'), cell('b')] }])).toBe('|  |  |\n| --- | --- |\n| a | b |');
  });
  it('escapes pipes and turns breaks into <br>', () => {
    expect(writeTable([{ head: false, cells: [cell('`a|b`'), cell('x\\\ny')] }])).toContain('| `a\\|b` | x<br>y |');
  });
  it('keeps merged cells in an HTML table', () => {
    const md = writeTable([
      { head: false, cells: [cell('a'), cell('b'), cell('c')] },
      { head: false, cells: [cell('wide', { colspan: 2 }), cell('tall', { rowspan: 2 })] },
    ]);
    expect(md).toContain('<td colspan="2">wide</td>');
    expect(md).toContain('<td rowspan="2">tall</td>');
  });
  it('sets Markdown content in an HTML cell off with blank lines', () => {
    const md = writeTable([{ head: false, cells: [cell('**b**', { colspan: 2 })] }]);
    expect(md).toContain('<td colspan="2">\n\n**b**\n\n</td>');
  });
});
