import { describe, expect, it } from 'vitest';
import { adfToMarkdown, type AdfNode } from './adf-to-markdown';
import { readSample } from './testing/samples';

const doc = (...content: AdfNode[]): AdfNode => ({ type: 'doc', content });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): AdfNode => ({ type: 'text', text, marks: marks.map((type) => ({ type })) });
const md = (...content: AdfNode[]) => adfToMarkdown(doc(...content)).markdown;

describe('ADF samples', () => {
  it('converts the paired atlcli document', () => {
    const r = adfToMarkdown(readSample('adf', 'atlcli-basic-paired.adf.json'));
    for (const text of ['## Paired fixture', '**Bold** and `code`\\\n⚠️', '- [x] Done\n- [ ] Open\n  - [ ] Nested task', '<td colspan="2">Cell</td>',
      '> [!NOTE]\n> Information', 'state: **[Done]** date: 2024-01-01', '3. Number\n   8. Nested number']) {
      expect(r.markdown).toContain(text);
    }
    expect(r.statuses).toEqual([{ title: 'Done', colour: 'green' }]);
  });

  it('converts the open-cli document to its paired Markdown', () => {
    const sample = JSON.parse(readSample('adf', 'open-cli-combined.json')) as { adf: AdfNode; markdown: string };
    expect(adfToMarkdown(sample.adf).markdown).toBe(`${sample.markdown}\n`);
  });
});

describe('ADF rules', () => {
  it('merges adjacent marks and keeps spaces outside them', () => {
    expect(md(p(t('a ', 'strong'), t('b', 'strong', 'em'), t(' c')))).toBe('**a *b*** c\n');
  });
  it('keeps inline siblings apart', () => {
    expect(md(p(t('1.0')), p(t('27 Mar')))).toBe('1.0\n\n27 Mar\n');
  });
  it('writes links, code, strike, underline, sub/sup', () => {
    const link = { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://e.com/a b' } }] };
    const sub = { type: 'text', text: '2', marks: [{ type: 'subsup', attrs: { type: 'sub' } }] };
    expect(md(p(link, t(' '), t('c`d', 'code'), t(' '), t('s', 'strike'), t(' '), t('u', 'underline'), t(' H'), sub))).toBe(
      '[x](https://e.com/a%20b) ``c`d`` ~~s~~ <ins>u</ins> H<sub>2</sub>\n',
    );
  });
  it('drops script links but keeps their text', () => {
    expect(md(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }))).toBe('x\n');
  });
  it('keeps the code language exactly', () => {
    expect(md({ type: 'codeBlock', attrs: { language: 'c#' }, content: [t('a ``` b')] })).toBe('````c#\na ``` b\n````\n');
  });
  it('writes panels as alerts', () => {
    const panel = (panelType: string) => md({ type: 'panel', attrs: { panelType }, content: [p(t('x'))] });
    expect(panel('info')).toBe('> [!NOTE]\n> x\n');
    expect(panel('success')).toContain('[!TIP]');
    expect(panel('warning')).toContain('[!WARNING]');
    expect(panel('error')).toContain('[!CAUTION]');
    expect(panel('note')).toContain('[!IMPORTANT]');
  });
  it('writes expand as details', () => {
    expect(md({ type: 'expand', attrs: { title: 'More' }, content: [p(t('x'))] })).toBe('<details>\n<summary>More</summary>\n\nx\n\n</details>\n');
  });
  it('keeps merged cells in an HTML table', () => {
    const cell = (text: string, attrs = {}) => ({ type: 'tableCell', attrs, content: [p(t(text))] });
    const out = md({ type: 'table', content: [{ type: 'tableRow', content: [cell('a', { colspan: 2 }), cell('b')] }] });
    expect(out).toContain('<td colspan="2">a</td>\n<td>b</td>');
  });
  it('writes mentions, emoji, dates, cards', () => {
    const out = md(
      p(
        { type: 'mention', attrs: { id: 'acc-1', text: '@Ada' } },
        t(' '),
        { type: 'emoji', attrs: { shortName: ':smile:', text: '😀' } },
        t(' '),
        { type: 'date', attrs: { timestamp: '1704067200000' } },
        t(' '),
        { type: 'inlineCard', attrs: { url: 'https://e.com' } },
      ),
    );
    expect(out).toBe('@Ada 😀 2024-01-01 [https://e.com](https://e.com)\n');
  });
  it('writes media by file name, else a placeholder', () => {
    const single = (attrs: Record<string, unknown>) => ({ type: 'mediaSingle', content: [{ type: 'media', attrs }] });
    expect(md(single({ type: 'file', id: 'f1', alt: 'a b.png' }))).toBe('![a b.png](attachments/a%20b.png)\n');
    expect(md(single({ type: 'external', url: 'https://e.com/i.png' }))).toBe('![](https://e.com/i.png)\n');
    const r = adfToMarkdown(doc(single({ type: 'file', id: 'f2' })));
    expect(r.markdown).toContain('not exported');
    expect(r.unconverted).toEqual([{ macro: 'media', title: 'file f2' }]);
  });
  it('turns extensions and unknown nodes into visible placeholders', () => {
    const r = adfToMarkdown(
      doc(
        { type: 'extension', attrs: { extensionKey: 'drawio', parameters: { extensionTitle: 'Diagram' } } },
        { type: 'bodiedExtension', attrs: { extensionKey: 'app' }, content: [p(t('body'))] },
        { type: 'futureNode', content: [t('inside')] },
      ),
    );
    expect(r.markdown).toContain('Confluence macro “Diagram” (drawio) not exported');
    expect(r.markdown).toContain('Confluence macro “app” not exported');
    expect(r.markdown).toContain('body');
    expect(r.markdown).toContain('Confluence macro “adf:futureNode” not exported');
    expect(r.markdown).toContain('inside');
    expect(r.unconverted.map((u) => u.macro)).toEqual(['drawio', 'app', 'adf:futureNode']);
  });
  it('writes task states and decisions', () => {
    const out = md(
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { state: 'DONE' }, content: [t('a')] }, { type: 'taskItem', attrs: { state: 'TODO' }, content: [t('b')] }] },
      { type: 'decisionList', content: [{ type: 'decisionItem', attrs: { state: 'DECIDED' }, content: [t('go')] }] },
    );
    expect(out).toBe('- [x] a\n- [ ] b\n\n<!-- -->\n\n- **Decision:** go\n');
  });
  it('accepts JSON text and rejects what is not ADF', () => {
    expect(adfToMarkdown(JSON.stringify(doc(p(t('x'))))).markdown).toBe('x\n');
    expect(() => adfToMarkdown('[]')).toThrow(/Not an ADF document/);
  });
});
