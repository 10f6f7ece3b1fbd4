import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { layoutTree } from './bundle-layout';
import { manifestJson, treeIndexHtml, treeIndexMarkdown, type ExportManifest, type TreeIndexInput } from './export-manifest';

function manifest(): ExportManifest {
  return {
    generator: 'confluence-token-companion',
    manifestVersion: 1,
    exportedAt: '2025-01-02T03:04:05.000Z',
    site: 'example.atlassian.net',
    root: { id: '1', title: 'Home' },
    tree: 'v2-descendants',
    formats: ['markdown'],
    pages: [
      { id: '1', title: 'Home', version: 3, file: 'Home.md', sourceUrl: 'https://example.atlassian.net/wiki/spaces/S/pages/1', attachments: 2 },
      { id: '2', title: 'Child', version: 1, file: 'Home/Child.md', parentId: '1', sourceUrl: 'https://example.atlassian.net/wiki/spaces/S/pages/2', attachments: 0 },
    ],
    failures: [{ stage: 'page', id: '3', title: 'Secret', reason: 'Forbidden (403).', fix: 'Ask a space admin for access.' }],
    unconverted: [{ pageId: '2', macro: 'drawio', count: 2 }],
    stats: { pages: 2, calls: 7, rateLimited: 1, durationMs: 1234 },
  };
}

describe('manifestJson', () => {
  it('writes the manifest pretty-printed with a trailing newline, and it reads back equal', () => {
    const text = manifestJson(manifest());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "generator": "confluence-token-companion",\n');
    expect(JSON.parse(text)).toEqual(manifest());
  });

  it('puts keys in one fixed order, whatever order the object was built in', () => {
    const shuffled = manifest();
    const reordered = {
      stats: { durationMs: 1234, rateLimited: 1, calls: 7, pages: 2 },
      pages: shuffled.pages.map((p) => ({ attachments: p.attachments, sourceUrl: p.sourceUrl, ...(p.parentId ? { parentId: p.parentId } : {}), file: p.file, version: p.version, title: p.title, id: p.id })),
      failures: shuffled.failures.map((f) => ({ fix: f.fix, reason: f.reason, title: f.title, id: f.id, stage: f.stage })),
      unconverted: [{ count: 2, macro: 'drawio', pageId: '2' }],
      formats: shuffled.formats,
      tree: shuffled.tree,
      root: { title: 'Home', id: '1' },
      site: shuffled.site,
      exportedAt: shuffled.exportedAt,
      manifestVersion: 1,
      generator: 'confluence-token-companion',
    } as ExportManifest;
    expect(manifestJson(reordered)).toBe(manifestJson(manifest()));
    const keys = Object.keys(JSON.parse(manifestJson(reordered)));
    expect(keys).toEqual(['generator', 'manifestVersion', 'exportedAt', 'site', 'root', 'tree', 'formats', 'pages', 'failures', 'unconverted', 'stats']);
    expect(Object.keys(JSON.parse(manifestJson(reordered)).pages[1])).toEqual(['id', 'title', 'version', 'file', 'parentId', 'sourceUrl', 'attachments']);
  });

  it('leaves out absent optional fields rather than writing null', () => {
    const m = manifest();
    m.failures = [{ stage: 'tree', reason: 'The tree could not be listed.' }];
    const parsed = JSON.parse(manifestJson(m));
    expect(parsed.failures).toEqual([{ stage: 'tree', reason: 'The tree could not be listed.' }]);
    expect('parentId' in parsed.pages[0]).toBe(false);
    expect(manifestJson(m)).not.toContain('null');
  });
});

function indexInput(): TreeIndexInput {
  const pages = [
    { id: 'r', title: 'Root [v1] *draft*' },
    { id: 'c', title: 'Child', parentId: 'r' },
    { id: 'g', title: 'Grand (x)', parentId: 'c' },
    { id: 'd', title: 'Second', parentId: 'r' },
  ];
  const tree = layoutTree(pages, 'r', '.md');
  return {
    root: { id: 'r', title: 'Root [v1] *draft*' },
    pages: pages.map((p) => ({ ...p, file: tree.pages.get(p.id)!.file })),
    failures: [
      { stage: 'page', id: '9', title: 'Secret', reason: 'Forbidden (403)', fix: 'Ask for access.' },
      { stage: 'attachment', id: 'c', title: 'Child', attachment: 'big_file [1].zip', reason: 'Timed out.' },
      { stage: 'conversion', id: 'd', title: 'Second', reason: 'Storage XML did not parse.' },
      { stage: 'tree', reason: 'v2 descendants refused; v1 used.' },
    ],
  };
}

describe('treeIndexMarkdown', () => {
  it('writes a title and the tree as a nested list of escaped, relative links', () => {
    const md = treeIndexMarkdown(indexInput());
    expect(md.startsWith('# Root \\[v1\\] \\*draft\\*\n\n4 pages exported, 4 problems listed below.\n\n')).toBe(true);
    expect(md).toContain(
      [
        '- [Root \\[v1\\] \\*draft\\*](Root%20%5Bv1%5D%20-draft.md)',
        '  - [Child](Root%20%5Bv1%5D%20-draft/Child.md)',
        '    - [Grand (x)](Root%20%5Bv1%5D%20-draft/Child/Grand%20%28x%29.md)',
        '  - [Second](Root%20%5Bv1%5D%20-draft/Second.md)',
      ].join('\n'),
    );
  });

  it('lists every failure with its reason and fix under “Not exported”', () => {
    const md = treeIndexMarkdown(indexInput());
    const section = md.slice(md.indexOf('## Not exported'));
    expect(section).toBe(
      [
        '## Not exported',
        '',
        '- Page **Secret** (id 9): Forbidden (403). Ask for access.',
        '- Attachment **big_file \\[1\\].zip** of **Child** (id c): Timed out.',
        '- Conversion of **Second** (id d): Storage XML did not parse.',
        '- The page tree: v2 descendants refused; v1 used.',
        '',
      ].join('\n'),
    );
  });

  it('has no “Not exported” section when nothing failed', () => {
    const md = treeIndexMarkdown({ ...indexInput(), failures: [] });
    expect(md).not.toContain('Not exported');
    expect(md).toContain('4 pages exported.\n');
    expect(md.endsWith('.md)\n')).toBe(true);
  });

  it('links relative to where the index is written', () => {
    const md = treeIndexMarkdown({ ...indexInput(), indexFile: 'Root [v1] -draft/index.md', failures: [] });
    expect(md).toContain('- [Root \\[v1\\] \\*draft\\*](../Root%20%5Bv1%5D%20-draft.md)');
    expect(md).toContain('  - [Child](Child.md)');
  });

  it('keeps a title’s trailing # and link text that would end the link', () => {
    const md = treeIndexMarkdown({
      root: { id: 'r', title: 'Issue #' },
      pages: [
        { id: 'r', title: 'Issue #', file: 'Issue #.md' },
        { id: 'x', title: 'a](javascript:alert(1))', parentId: 'r', file: 'Issue #/a](javascript-alert(1)).md' },
        { id: 'y', title: '', parentId: 'r', file: 'Issue #/untitled.md' },
      ],
      failures: [],
    });
    expect(md.split('\n')[0]).toBe('# Issue \\#');
    expect(md).toContain('  - [a\\](javascript:alert(1))](Issue%20%23/a%5D%28javascript-alert%281%29%29.md)');
    // A page without a title is listed by its id.
    expect(md).toContain('  - [y](Issue%20%23/untitled.md)');
  });

  it('nests a 30-deep chain 30 levels deep', () => {
    const pages = Array.from({ length: 31 }, (_, i) => ({ id: `p${i}`, title: `L${i}`, file: `f${i}.md`, ...(i > 0 ? { parentId: `p${i - 1}` } : {}) }));
    const md = treeIndexMarkdown({ root: { id: 'p0', title: 'L0' }, pages, failures: [] });
    expect(md).toContain(`\n${'  '.repeat(30)}- [L30](f30.md)\n`);
  });
});

describe('treeIndexHtml', () => {
  it('writes the same tree as nested lists, links and text escaped', () => {
    const html = treeIndexHtml({ ...indexInput(), indexFile: 'index.html' });
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('Root [v1] *draft*');
    const top = doc.querySelectorAll('body > ul:first-of-type > li');
    expect(top).toHaveLength(1);
    const rootLink = top[0]!.querySelector(':scope > a')!;
    expect(rootLink.textContent).toBe('Root [v1] *draft*');
    expect(rootLink.getAttribute('href')).toBe('Root%20%5Bv1%5D%20-draft.md');
    const children = top[0]!.querySelectorAll(':scope > ul > li');
    expect([...children].map((li) => li.querySelector(':scope > a')?.textContent)).toEqual(['Child', 'Second']);
    expect(children[0]!.querySelector(':scope > ul > li > a')?.textContent).toBe('Grand (x)');
    expect(children[1]!.querySelector('ul')).toBeNull();
    const failures = [...doc.querySelectorAll('h2 + ul > li')].map((li) => li.textContent);
    expect(failures[0]).toBe('Page Secret (id 9): Forbidden (403). Ask for access.');
    expect(failures).toHaveLength(4);
  });

  it('escapes markup in titles and reasons', () => {
    const html = treeIndexHtml({
      root: { id: 'r', title: '<script>x</script>' },
      pages: [{ id: 'r', title: '<img src=x onerror=alert(1)>', file: 'r.html' }],
      failures: [{ stage: 'page', title: '"><b>', reason: '<i>no</i>' }],
    });
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>no');
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('li a')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('closes every list it opens, also when a deep branch is last', () => {
    const pages = [
      { id: 'r', title: 'R', file: 'R.html' },
      { id: 'a', title: 'A', parentId: 'r', file: 'R/A.html' },
      { id: 'b', title: 'B', parentId: 'a', file: 'R/A/B.html' },
      { id: 'c', title: 'C', parentId: 'b', file: 'R/A/B/C.html' },
    ];
    const html = treeIndexHtml({ root: { id: 'r', title: 'R' }, pages, failures: [] });
    const count = (tag: string) => html.split(tag).length - 1;
    expect(count('<ul>')).toBe(count('</ul>'));
    expect(count('<li>')).toBe(count('</li>'));
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('body > ul > li > ul > li > ul > li > ul > li > a')?.textContent).toBe('C');
  });
});
