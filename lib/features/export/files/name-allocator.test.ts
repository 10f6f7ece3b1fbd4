import { describe, expect, it } from 'vitest';
import { createNameAllocator, fileNameKey } from './name-allocator';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('createNameAllocator', () => {
  it('returns POSIX paths without a leading ./', () => {
    const names = createNameAllocator();
    expect(names.claim('', 'Home', '.md')).toBe('Home.md');
    const dir = names.claimDir('', 'Home');
    expect(dir).toBe('Home');
    expect(names.claim(dir, 'Child', '.md')).toBe('Home/Child.md');
  });

  it('numbers clashes before the extension: (2), (3)', () => {
    const names = createNameAllocator();
    expect(names.claim('', 'Notes', '.md')).toBe('Notes.md');
    expect(names.claim('', 'Notes', '.md')).toBe('Notes (2).md');
    expect(names.claim('', 'Notes', '.md')).toBe('Notes (3).md');
    expect(names.claim('', 'Notes', '.html')).toBe('Notes.html');
    expect(names.claim('', 'Notes', '')).toBe('Notes');
  });

  it('compares names ignoring case and Unicode normalisation, as Windows and macOS do', () => {
    const names = createNameAllocator();
    expect(names.claim('', 'Résumé', '.md')).toBe('Résumé.md');
    expect(names.claim('', 'RÉSUMÉ', '.md')).toBe('RÉSUMÉ (2).md');
    expect(names.claim('', 'Re\u0301sume\u0301', '.MD')).toBe('Résumé (3).MD');
    expect(names.isTaken('résumé (2).md')).toBe(true);
  });

  it('keeps files and folders in one namespace', () => {
    const names = createNameAllocator();
    expect(names.claimDir('', 'Foo')).toBe('Foo');
    expect(names.claim('', 'foo', '')).toBe('foo (2)');
    // A title that looks numbered is numbered again rather than guessed at.
    expect(names.claimDir('', 'FOO (2)')).toBe('FOO (2) (2)');
    // A file with an extension is another name.
    expect(names.claim('', 'foo', '.md')).toBe('foo.md');
  });

  it('keeps names unique per folder, not across folders', () => {
    const names = createNameAllocator();
    const a = names.claimDir('', 'A');
    const b = names.claimDir('', 'B');
    expect(names.claim(a, 'x', '.md')).toBe('A/x.md');
    expect(names.claim(b, 'x', '.md')).toBe('B/x.md');
    expect(names.claim(a, 'X', '.md')).toBe('A/X (2).md');
  });

  it('makes every stem safe first, and a stem made safe can still clash', () => {
    const names = createNameAllocator();
    expect(names.claim('', 'a/b', '.md')).toBe('a-b.md');
    expect(names.claim('', 'a:b', '.md')).toBe('a-b (2).md');
    expect(names.claim('', '..', '.md')).toBe('untitled.md');
    expect(names.claim('', '', '.md')).toBe('untitled (2).md');
    expect(names.claim('', 'con', '.md')).toBe('con_.md');
  });

  it('catches names that are only reserved once the extension is added', () => {
    const names = createNameAllocator();
    expect(names.claim('', 'desktop', '.ini')).toBe('desktop_.ini');
    expect(names.claim('', 'thumbs', '.DB')).toBe('thumbs_.DB');
  });

  it('keeps a numbered name within the byte limit', () => {
    const names = createNameAllocator({ maxBytes: 64 });
    const first = names.claim('', '日'.repeat(40), '.md');
    expect(bytes(first)).toBeLessThanOrEqual(64);
    const second = names.claim('', '日'.repeat(40), '.md');
    expect(second.endsWith(' (2).md')).toBe(true);
    expect(bytes(second)).toBeLessThanOrEqual(64);
    expect(second.isWellFormed()).toBe(true);
  });

  it('does not leave a dot or space before the counter when it cuts', () => {
    const names = createNameAllocator({ maxBytes: 64 });
    const stem = `${'a'.repeat(55)}. b`;
    names.claim('', stem, '.md');
    expect(names.claim('', stem, '.md')).toBe(`${'a'.repeat(55)} (2).md`);
  });

  it('claims a file and a same-named folder together, with one counter', () => {
    const names = createNameAllocator();
    expect(names.claimFileAndDir('', 'Page', '.md')).toEqual({ file: 'Page.md', dir: 'Page' });
    expect(names.claimFileAndDir('', 'page', '.md')).toEqual({ file: 'page (2).md', dir: 'page (2)' });
    // Only the folder is taken: the pair still moves on together.
    names.claimDir('', 'Other');
    expect(names.claimFileAndDir('', 'Other', '.md')).toEqual({ file: 'Other (2).md', dir: 'Other (2)' });
    // Only the file is taken.
    names.claim('', 'Third', '.md');
    expect(names.claimFileAndDir('', 'Third', '.md')).toEqual({ file: 'Third (2).md', dir: 'Third (2)' });
    expect(() => names.claimFileAndDir('', 'x', '')).toThrow(/extension/);
  });

  it('reserves exact names and refuses unsafe or taken ones', () => {
    const names = createNameAllocator();
    expect(names.reserve('', 'index.md')).toBe('index.md');
    expect(names.claim('', 'Index', '.md')).toBe('Index (2).md');
    expect(() => names.reserve('', 'INDEX.md')).toThrow(/taken/);
    expect(() => names.reserve('', 'a/b')).toThrow(/safe/);
    expect(() => names.reserve('', 'con.md')).toThrow(/safe/);
    expect(() => names.reserve('', '')).toThrow(/safe/);
  });

  it('only puts names in folders it made', () => {
    const names = createNameAllocator();
    expect(() => names.claim('Nowhere', 'x', '.md')).toThrow(/folder/);
    expect(() => names.claim('../up', 'x', '.md')).toThrow(/folder/);
    names.claim('', 'file', '');
    expect(() => names.claim('file', 'x', '.md')).toThrow(/folder/);
  });

  it('refuses odd extensions and too small limits', () => {
    const names = createNameAllocator();
    expect(() => names.claim('', 'x', 'md')).toThrow(/extension/);
    expect(() => names.claim('', 'x', '.m/d')).toThrow(/extension/);
    expect(() => names.claim('', 'x', '. md')).toThrow(/extension/);
    expect(names.claim('', 'x', '.storage.xml')).toBe('x.storage.xml');
    expect(() => createNameAllocator({ maxBytes: 20 })).toThrow(RangeError);
  });

  it('hands out hundreds of same-named siblings quickly and uniquely', () => {
    const names = createNameAllocator();
    const start = performance.now();
    const paths = Array.from({ length: 3000 }, () => names.claim('', 'Meeting notes', '.md'));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(new Set(paths.map(fileNameKey)).size).toBe(3000);
    expect(paths[2999]).toBe('Meeting notes (3000).md');
  });
});

describe('fileNameKey', () => {
  it('folds case and normalisation, including characters whose case mapping changes length', () => {
    expect(fileNameKey('ABC')).toBe(fileNameKey('abc'));
    expect(fileNameKey('Cafe\u0301')).toBe(fileNameKey('CAFÉ'));
    expect(fileNameKey('straße')).toBe(fileNameKey('STRASSE'));
    expect(fileNameKey('a')).not.toBe(fileNameKey('b'));
  });
});
