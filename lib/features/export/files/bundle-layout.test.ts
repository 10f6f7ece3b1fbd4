import { describe, expect, it } from 'vitest';
import { attachmentPath, encodeLinkPath, layoutSinglePage, layoutTree, relativeLink } from './bundle-layout';
import { fileNameKey } from './name-allocator';
import { zipPathProblem } from './zip-writer';

describe('layoutSinglePage', () => {
  it('puts the page at the top and attachments beside it, so the converter’s default links work', () => {
    const layout = layoutSinglePage({ id: '1', title: 'Release: 2.0 / notes' }, '.md');
    expect(layout.file).toBe('Release- 2.0 - notes.md');
    expect(layout.attachmentsDir).toBe('attachments');
    expect(attachmentPath(layout, 'a b.png')).toBe('attachments/a b.png');
    // What the converter writes for that attachment resolves to the same file.
    expect(relativeLink(layout.file, 'attachments/a b.png')).toBe(`attachments/${encodeURIComponent('a b.png')}`);
  });

  it('keeps `attachments` for the attachments when the page is titled so', () => {
    const layout = layoutSinglePage({ id: '1', title: 'attachments' }, '');
    expect(layout.attachmentsDir).toBe('attachments');
    expect(layout.file).toBe('attachments (2)');
  });
});

describe('attachmentPath', () => {
  it('gives attachments that clash ignoring case their own names, extension kept', () => {
    const layout = layoutSinglePage({ id: '1', title: 'Page' }, '.md');
    expect(attachmentPath(layout, 'Report.final.PDF')).toBe('attachments/Report.final.PDF');
    expect(attachmentPath(layout, 'report.final.pdf')).toBe('attachments/report.final (2).pdf');
    expect(attachmentPath(layout, 'backup.tar.gz')).toBe('attachments/backup.tar.gz');
    expect(attachmentPath(layout, 'BACKUP.tar.gz')).toBe('attachments/BACKUP (2).tar.gz');
  });

  it('makes hostile attachment names safe', () => {
    const layout = layoutSinglePage({ id: '1', title: 'Page' }, '.md');
    expect(attachmentPath(layout, '../../etc/passwd')).toBe('attachments/etc-passwd');
    expect(attachmentPath(layout, 'C:\\temp\\x.png')).toBe('attachments/C-temp-x.png');
    expect(attachmentPath(layout, 'nul.txt')).toBe('attachments/nul_.txt');
    expect(attachmentPath(layout, '.htaccess')).toBe('attachments/htaccess');
    expect(attachmentPath(layout, '')).toBe('attachments/untitled');
  });
});

const threeLevels = [
  { id: 'r', title: 'Root' },
  { id: 'c1', title: 'Child', parentId: 'r' },
  { id: 'g1', title: 'Grandchild', parentId: 'c1' },
  { id: 'c2', title: 'Second child', parentId: 'r' },
];

describe('layoutTree', () => {
  it('puts each page’s children and attachments in a folder named as the page', () => {
    const tree = layoutTree(threeLevels, 'r', '.md');
    expect(tree.indexFile).toBe('index.md');
    expect(tree.manifestFile).toBe('manifest.json');
    const at = (id: string) => tree.pages.get(id);
    expect(at('r')).toMatchObject({ file: 'Root.md', dir: 'Root', attachmentsDir: 'Root/_attachments', depth: 0 });
    expect(at('r')?.parentId).toBeUndefined();
    expect(at('c1')).toMatchObject({ file: 'Root/Child.md', dir: 'Root/Child', attachmentsDir: 'Root/Child/_attachments', parentId: 'r', depth: 1 });
    expect(at('g1')).toMatchObject({
      file: 'Root/Child/Grandchild.md',
      dir: 'Root/Child/Grandchild',
      attachmentsDir: 'Root/Child/Grandchild/_attachments',
      parentId: 'c1',
      depth: 2,
    });
    expect(at('c2')).toMatchObject({ file: 'Root/Second child.md', attachmentsDir: 'Root/Second child/_attachments' });
  });

  it('gives attachments paths that link relatively from their page', () => {
    const tree = layoutTree(threeLevels, 'r', '.md');
    const child = tree.pages.get('c1')!;
    const grandchild = tree.pages.get('g1')!;
    const logo = attachmentPath(child, 'logo.png');
    expect(logo).toBe('Root/Child/_attachments/logo.png');
    expect(relativeLink(child.file, logo)).toBe('Child/_attachments/logo.png');
    // The grandchild sits in its parent's folder, beside that folder's `_attachments`.
    expect(relativeLink(grandchild.file, logo)).toBe('_attachments/logo.png');
    expect(relativeLink(grandchild.file, tree.pages.get('c2')!.file)).toBe('../Second%20child.md');
    // Every page's attachments folder is its own.
    expect(attachmentPath(grandchild, 'logo.png')).toBe('Root/Child/Grandchild/_attachments/logo.png');
  });

  it('keeps the fixed top-level names and `_attachments` for themselves', () => {
    const tree = layoutTree(
      [
        { id: 'r', title: 'index' },
        { id: 'm', title: 'manifest', parentId: 'r' },
        { id: 'a', title: '_attachments', parentId: 'r' },
      ],
      'r',
      '.md',
    );
    expect(tree.pages.get('r')).toMatchObject({ file: 'index (2).md', dir: 'index (2)' });
    expect(tree.pages.get('a')).toMatchObject({ file: 'index (2)/_attachments (2).md', dir: 'index (2)/_attachments (2)' });
    expect(tree.pages.get('m')?.file).toBe('index (2)/manifest.md');
  });

  it('numbers siblings that clash ignoring case, file and folder alike', () => {
    const tree = layoutTree(
      [
        { id: 'r', title: 'R' },
        { id: 'a', title: 'Notes', parentId: 'r' },
        { id: 'b', title: 'NOTES', parentId: 'r' },
        { id: 'b1', title: 'Inside', parentId: 'b' },
      ],
      'r',
      '.md',
    );
    expect(tree.pages.get('a')).toMatchObject({ file: 'R/Notes.md', dir: 'R/Notes' });
    expect(tree.pages.get('b')).toMatchObject({ file: 'R/NOTES (2).md', dir: 'R/NOTES (2)' });
    expect(tree.pages.get('b1')?.file).toBe('R/NOTES (2)/Inside.md');
  });

  it('hangs pages with an unexported parent under the root and lays out a repeated id once', () => {
    const tree = layoutTree(
      [
        { id: 'r', title: 'R' },
        { id: 'x', title: 'Orphan', parentId: 'restricted' },
        { id: 'y', title: 'Kid', parentId: 'r' },
        { id: 'y', title: 'Kid again', parentId: 'x' },
      ],
      'r',
      '.md',
    );
    expect([...tree.pages.keys()]).toEqual(['r', 'x', 'y']);
    expect(tree.pages.get('x')).toMatchObject({ file: 'R/Orphan.md', parentId: 'r' });
    expect(tree.pages.get('y')?.file).toBe('R/Kid.md');
  });

  it('returns pages in the order given, not tree order', () => {
    const tree = layoutTree([{ id: 'g', title: 'G', parentId: 'c' }, { id: 'r', title: 'R' }, { id: 'c', title: 'C', parentId: 'r' }], 'r', '.html');
    expect([...tree.pages.keys()]).toEqual(['g', 'r', 'c']);
    expect(tree.pages.get('g')?.file).toBe('R/C/G.html');
    expect(tree.indexFile).toBe('index.html');
  });

  it('refuses a root that is not in the list', () => {
    expect(() => layoutTree([{ id: 'a', title: 'A' }], 'r', '.md')).toThrow(/root/);
  });

  it('keeps every segment within the tree’s shorter limit', () => {
    const tree = layoutTree([{ id: 'r', title: 'T'.repeat(300) }], 'r', '.md');
    const file = tree.pages.get('r')!.file;
    expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(100);
    expect(tree.pages.get('r')!.dir).toBe(file.slice(0, -3));
  });

  it('lays out 600 pages 30 deep, uniquely and quickly, every path one the zip accepts', () => {
    const pages = [{ id: 'p0', title: 'Space home' }];
    for (let i = 1; i < 600; i++) {
      // A spine 30 deep, with same-titled leaves hanging off it.
      const parent = i < 30 ? `p${i - 1}` : `p${i % 30}`;
      pages.push({ id: `p${i}`, title: i < 30 ? `Level ${i}: “Design”/Notes` : `Meeting notes ${i % 7}`, parentId: parent } as never);
    }
    const start = performance.now();
    const tree = layoutTree(pages, 'p0', '.md');
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(500);
    expect(tree.pages.size).toBe(600);
    expect(tree.pages.get('p29')?.depth).toBe(29);
    const files = [...tree.pages.values()].map((p) => p.file);
    expect(new Set(files.map(fileNameKey)).size).toBe(600);
    for (const file of files) expect(zipPathProblem(file)).toBeUndefined();
    expect(tree.pages.get('p2')?.file).toBe('Space home/Level 1- “Design”-Notes/Level 2- “Design”-Notes.md');
  });
});

describe('relativeLink', () => {
  it('links between files as paths relative to the linking file’s folder', () => {
    expect(relativeLink('A/B.md', 'A/C/D.md')).toBe('C/D.md');
    expect(relativeLink('A/B.md', 'E.md')).toBe('../E.md');
    expect(relativeLink('A/B.md', 'A/B.md')).toBe('B.md');
    expect(relativeLink('index.md', 'A/B/C.md')).toBe('A/B/C.md');
    expect(relativeLink('A/B/C/D.md', 'A/X/Y.md')).toBe('../../X/Y.md');
    expect(relativeLink('A/B.md', 'A')).toBe('../A');
  });

  it('does not treat a file named like a folder as shared', () => {
    expect(relativeLink('A/x.md', 'A')).toBe('../A');
    expect(relativeLink('A/B/c.md', 'A/B')).toBe('../B');
  });

  it('percent-encodes each segment for Markdown and HTML, keeping the slashes', () => {
    expect(relativeLink('index.md', 'My page/Sub page (2).md')).toBe('My%20page/Sub%20page%20%282%29.md');
    expect(relativeLink('a.md', 'Ünï/#?&\'.md')).toBe('%C3%9Cn%C3%AF/%23%3F%26%27.md');
    expect(encodeLinkPath('a b/c*d!.md')).toBe('a%20b/c%2Ad%21.md');
  });
});
