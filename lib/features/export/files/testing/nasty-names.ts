// Tests only: hostile names, and an independent statement of what a safe name is (the rules
// of Windows, Chromium's IsSafePortablePathComponent and Firefox's DownloadPaths.sanitize),
// so the sanitiser is checked against the rules rather than against itself.

const PIECES = [
  'a', 'Z', '7', ' ', '  ', '.', '..', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f', '\u007f', '\u0085',
  '\u00a0', '\u200b', '\u200d', '\u202e', '\u2028', '\u3000', '\u180e', '\ufeff', '\u00ad', 'é', 'e\u0301', 'ß', '😀',
  '👩‍💻', '\ud800', '\udc00', '\ufffe', '\ufdd0', '\u{1fffe}', '／', '∕', 'con', 'COM1', 'lpt¹', 'nul', 'CLOCK$', 'desktop',
  '.ini', '.txt', '.tar.gz', '~', '%', '-', '_', '\t', '\n', '\r\n', 'Ünïcödé', '日本語', 'مرحبا', '   .   ',
];

/** A deterministic stream of hostile names (a linear congruential generator, seeded). */
export function* nastyNames(count: number, seed = 1): Generator<string> {
  let state = seed >>> 0;
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  for (let i = 0; i < count; i++) {
    const length = next(8) === 0 ? 60 + next(120) : next(12);
    let name = '';
    for (let j = 0; j < length; j++) name += PIECES[next(PIECES.length)];
    yield name;
  }
}

const RESERVED_BASES = new Set([
  'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', 'CLOCK$',
  ...'0123456789\u00b9\u00b2\u00b3'.split('').flatMap((d) => [`COM${d}`, `LPT${d}`]),
]);

/** Every rule a safe name breaks (empty when it breaks none). */
export function safeNameViolations(name: string, maxBytes: number): string[] {
  const out: string[] = [];
  if (name === '' || name === '.' || name === '..') out.push('empty or dot name');
  if (new TextEncoder().encode(name).length > maxBytes) out.push('too long');
  if (!name.isWellFormed()) out.push('lone surrogate');
  if (name !== name.normalize('NFC')) out.push('not NFC');
  if (/[<>:"/\\|?*]/u.test(name)) out.push('Windows-reserved character');
  if (/[\p{Cc}\p{Cf}]/u.test(name)) out.push('control or format character');
  if (/[\ufdd0-\ufdef]|[\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{10fffe}\u{10ffff}]/u.test(name)) out.push('non-character');
  if (/[^\S ]/u.test(name)) out.push('white space other than a space');
  if (/ {2}/u.test(name)) out.push('white space run');
  if (/^[\s.]|[\s.]$/u.test(name)) out.push('white space or dot at an end');
  const base = (name.split('.')[0] ?? '').replace(/ +$/u, '').toUpperCase();
  if (RESERVED_BASES.has(base)) out.push('Windows device name');
  if (/^(desktop\.ini|thumbs\.db)$/iu.test(name)) out.push('shell name');
  return out;
}
