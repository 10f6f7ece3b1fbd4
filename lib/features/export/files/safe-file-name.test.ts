import { describe, expect, it } from 'vitest';
import { isReservedName, safeFileName, splitExtension, truncateUtf8, utf8ByteLength } from './safe-file-name';
import { nastyNames, safeNameViolations } from './testing/nasty-names';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
  it('keeps an ordinary title as it is', () => {
    expect(safeFileName('Release notes 2024 (draft) & more')).toBe('Release notes 2024 (draft) & more');
    expect(safeFileName('Ünïcödé 日本語 مرحبا 😀')).toBe('Ünïcödé 日本語 مرحبا 😀');
    expect(safeFileName('C# & C++ — 100% ~ok')).toBe('C# & C++ — 100% ~ok');
  });

  it('replaces separators and Windows-reserved characters with one dash per run', () => {
    expect(safeFileName('A/B testing')).toBe('A-B testing');
    expect(safeFileName('a\\b:c*d?e"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i');
    expect(safeFileName('A / B : C')).toBe('A - B - C');
    expect(safeFileName('a<>:|b')).toBe('a-b');
    expect(safeFileName('x／y∕z')).toBe('x-y-z');
  });

  it('leaves no dash where a replaced run was at either end', () => {
    expect(safeFileName('What is X?')).toBe('What is X');
    expect(safeFileName('<draft>')).toBe('draft');
    expect(safeFileName('?? Questions ??')).toBe('Questions');
  });

  it('replaces controls, lone surrogates and non-characters; drops invisible format characters', () => {
    expect(safeFileName('a\u0000b\u001fc\u007fd\u0085e')).toBe('a-b-c-d-e');
    expect(safeFileName('a\ud800b')).toBe('a-b');
    expect(safeFileName('a\udc00b')).toBe('a-b');
    expect(safeFileName('ok\ufffe\u{1ffff}')).toBe('ok');
    expect(safeFileName('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(safeFileName('zero\u200bwidth\u00adsoft')).toBe('zerowidthsoft');
    // A joined emoji loses its joiner (Chromium refuses it) but keeps its parts.
    expect(safeFileName('👩‍💻 dev')).toBe('👩💻 dev');
  });

  it('keeps a surrogate pair whole', () => {
    expect(safeFileName('😀')).toBe('😀');
  });

  it('collapses white space of any kind to single spaces and trims it', () => {
    expect(safeFileName('  tab\there\nnew\r\nline  ')).toBe('tab here new line');
    expect(safeFileName('a\u00a0\u3000\u2028b')).toBe('a b');
    expect(safeFileName('a \u200b b')).toBe('a b');
  });

  it('drops leading dots and trailing dots and spaces', () => {
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('  .. name .. ')).toBe('name');
    expect(safeFileName('name.')).toBe('name');
    expect(safeFileName('Version 2.')).toBe('Version 2');
  });

  it('turns empty, `.` and `..` into the fallback', () => {
    for (const name of ['', '   ', '.', '..', '...', ' . . ', '???', '\u200b', '/']) expect(safeFileName(name)).toBe('untitled');
    expect(safeFileName('..', { fallback: 'page 42' })).toBe('page 42');
    // The fallback is made safe too, and falls back in turn.
    expect(safeFileName('', { fallback: 'a/b' })).toBe('a-b');
    expect(safeFileName('', { fallback: '///' })).toBe('untitled');
    expect(safeFileName('', { fallback: 'con' })).toBe('con_');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301';
    expect(safeFileName(decomposed)).toBe('Caf\u00e9');
    expect(safeFileName(decomposed)).toBe(safeFileName('Caf\u00e9'));
  });

  it('suffixes Windows device names, in any case, with or without extensions', () => {
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('con')).toBe('con_');
    expect(safeFileName('Aux')).toBe('Aux_');
    expect(safeFileName('con.txt')).toBe('con_.txt');
    expect(safeFileName('nul.tar.gz')).toBe('nul_.tar.gz');
    expect(safeFileName('con .txt')).toBe('con_ .txt');
    expect(safeFileName('COM0')).toBe('COM0_');
    expect(safeFileName('com9.log')).toBe('com9_.log');
    expect(safeFileName('LPT¹')).toBe('LPT¹_');
    expect(safeFileName('com³.x')).toBe('com³_.x');
    expect(safeFileName('clock$')).toBe('clock$_');
    expect(safeFileName('CONIN$')).toBe('CONIN$_');
    expect(safeFileName('desktop.ini')).toBe('desktop_.ini');
    expect(safeFileName('Thumbs.db')).toBe('Thumbs_.db');
  });

  it('leaves names that only start like a device name alone', () => {
    for (const name of ['console', 'CONTRIBUTING.md', 'com10', 'lpt', 'nul-byte', 'auxiliary.txt', 'desktop.ini.bak', 'COM1x']) {
      expect(safeFileName(name)).toBe(name);
    }
  });

  it('limits the name to maxBytes of UTF-8, default 200, keeping a short extension', () => {
    const long = `${'x'.repeat(300)}.pdf`;
    const cut = safeFileName(long);
    expect(bytes(cut)).toBe(200);
    expect(cut.endsWith('x.pdf')).toBe(true);
    expect(safeFileName(long, { maxBytes: 50 })).toBe(`${'x'.repeat(46)}.pdf`);
    expect(safeFileName(`${'y'.repeat(80)}.tar.gz`, { maxBytes: 40 })).toBe(`${'y'.repeat(33)}.tar.gz`);
  });

  it('never splits a code point, a surrogate pair or a character with its accents', () => {
    const emoji = safeFileName('😀'.repeat(60));
    expect(emoji).toBe('😀'.repeat(50));
    expect(emoji.isWellFormed()).toBe(true);
    const cjk = safeFileName('日'.repeat(100), { maxBytes: 40 });
    expect(cjk).toBe('日'.repeat(13));
    // e + combining acute that has no precomposed form with the following mark
    const accented = safeFileName('a\u0301\u0323'.repeat(40), { maxBytes: 33 });
    expect(accented.normalize('NFD')).toBe('a\u0323\u0301'.repeat(accented.normalize('NFD').length / 3));
    expect(bytes(accented)).toBeLessThanOrEqual(33);
  });

  it('cuts inside one cluster longer than the limit rather than return nothing', () => {
    const zalgo = `z${'\u0301'.repeat(100)}`;
    const cut = safeFileName(zalgo, { maxBytes: 32 });
    // NFC composes z + the first acute into ź.
    expect(cut.startsWith('\u017a\u0301')).toBe(true);
    expect(bytes(cut)).toBeLessThanOrEqual(32);
  });

  it('does not keep an extension that would crowd out the name', () => {
    // `.abcdefghij` is 11 bytes: more than a quarter of 40.
    const cut = safeFileName(`${'n'.repeat(60)}.abcdefghij`, { maxBytes: 40 });
    expect(cut).toBe('n'.repeat(40));
  });

  it('trims dots and spaces a cut leaves at the end', () => {
    // Collapsed to `a…a . c…c`; 32 bytes end just after the dot.
    const cut = safeFileName(`${'a'.repeat(30)}   .  ${'c'.repeat(40)}`, { maxBytes: 32 });
    expect(cut).toBe('a'.repeat(30));
  });

  it('keeps the device-name suffix within the limit', () => {
    const name = `con.${'x'.repeat(100)}`;
    const safe = safeFileName(name, { maxBytes: 64 });
    expect(safe.startsWith('con_.')).toBe(true);
    expect(bytes(safe)).toBeLessThanOrEqual(64);
  });

  it('refuses a limit too small for a name', () => {
    expect(() => safeFileName('a', { maxBytes: 10 })).toThrow(RangeError);
    expect(() => safeFileName('a', { maxBytes: 40.5 })).toThrow(RangeError);
  });

  it('is idempotent and always safe, on thousands of hostile names', () => {
    let checked = 0;
    for (const name of nastyNames(3000, 7)) {
      const maxBytes = 32 + (checked % 224);
      const safe = safeFileName(name, { maxBytes });
      expect(safeNameViolations(safe, maxBytes), JSON.stringify({ name, safe })).toEqual([]);
      expect(safeFileName(safe, { maxBytes })).toBe(safe);
      checked++;
    }
    expect(checked).toBe(3000);
  });
});

describe('splitExtension', () => {
  it('splits at the last dot of a short alphanumeric extension', () => {
    expect(splitExtension('report.final.pdf')).toEqual({ stem: 'report.final', ext: '.pdf' });
    expect(splitExtension('photo.JPEG')).toEqual({ stem: 'photo', ext: '.JPEG' });
    expect(splitExtension('archive.7z')).toEqual({ stem: 'archive', ext: '.7z' });
  });

  it('keeps .tar.* together', () => {
    expect(splitExtension('backup.tar.gz')).toEqual({ stem: 'backup', ext: '.tar.gz' });
    expect(splitExtension('x.TAR.XZ')).toEqual({ stem: 'x', ext: '.TAR.XZ' });
    expect(splitExtension('.tar.gz')).toEqual({ stem: '.tar', ext: '.gz' });
  });

  it('finds no extension in dot files, version numbers, sentences or trailing dots', () => {
    for (const name of ['.env', 'Release 1.0', 'Notes v2. Draft', 'name.', 'README', 'a.verylongextension', 'file.2024']) {
      expect(splitExtension(name)).toEqual({ stem: name, ext: '' });
    }
  });
});

describe('utf8ByteLength and truncateUtf8', () => {
  it('counts bytes as TextEncoder does', () => {
    for (const text of ['', 'abc', 'é', '日本', '😀', 'a\ud800', '\udc00z', '👩‍💻']) expect(utf8ByteLength(text)).toBe(bytes(text));
  });

  it('truncates to whole characters', () => {
    expect(truncateUtf8('abc', 5)).toBe('abc');
    expect(truncateUtf8('日本語', 7)).toBe('日本');
    expect(truncateUtf8('a😀', 4)).toBe('a');
    expect(truncateUtf8('👩‍💻x', 11)).toBe('👩‍💻');
    // A single cluster longer than the room is cut between its code points.
    expect(truncateUtf8('👩‍💻x', 10)).toBe('👩\u200d');
    expect(truncateUtf8('👩‍💻x', 3)).toBe('');
  });
});

describe('isReservedName', () => {
  it('knows device and shell names', () => {
    expect(isReservedName('PRN')).toBe(true);
    expect(isReservedName('prn.md')).toBe(true);
    expect(isReservedName('thumbs.db')).toBe(true);
    expect(isReservedName('prn_.md')).toBe(false);
    expect(isReservedName('printer')).toBe(false);
  });
});
