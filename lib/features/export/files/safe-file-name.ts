// One path segment that every file system and both browsers' `downloads` APIs accept.
// The rules are the union of what Windows (reserved device names, `<>:"/\|?*`, trailing dots
// and spaces), macOS (`:`, NFC/NFD-insensitive names), Linux (255 bytes), Chromium
// (`IsSafePortablePathComponent`: control and format characters, non-characters, white space
// or `.` at either end) and Firefox (`DownloadPaths.sanitize`: the same, plus collapsed
// white space) refuse, so a name made here never needs a second, browser-side rename.

export interface SafeFileNameOptions {
  /**
   * Longest name in UTF-8 bytes. The default 200 leaves room within the usual 255-byte limit
   * for a ` (12)` counter and for a browser's own suffix (`.download`, `.crdownload`).
   */
  maxBytes?: number;
  /** Used when nothing usable is left of the name (default `untitled`). */
  fallback?: string;
}

export const DEFAULT_MAX_NAME_BYTES = 200;
/** Below this a name plus an extension and a counter no longer fits. */
export const MIN_MAX_NAME_BYTES = 32;
const DEFAULT_FALLBACK = 'untitled';

// Format characters (bidi overrides that can disguise an extension, zero-width joiners, soft
// hyphens): invisible, refused by Chromium anywhere in a name, so they are dropped, not replaced.
const FORMAT_CHARS = /\p{Cf}/gu;
const WHITE_SPACE_RUN = /\s+/gu;
// Replaced by a visible `-`: what Windows refuses, controls (C0, DEL, C1), lone surrogates,
// non-characters, and slash look-alikes that some Windows code pages map back to `/` or `\`.
const UNSAFE_RUN = /[<>:"/\\|?*\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u2044\u2215\u29f8\u29f9\uff0f\uff3c]+/gu;
// `/` cannot survive the step above, so it marks replaced runs until the ends are trimmed:
// a run at either end disappears instead of leaving a dangling `-`.
const REPLACED = '/';
const ENDS = /^[\s./]+|[\s./]+$/gu;
const TRAILING_DOTS_AND_SPACES = /[\s.]+$/u;

// Windows opens a device instead of a file for these, with any extension and even with spaces
// before the dot (`con .txt`); Windows 11 also knows COM0/LPT0 and the superscript digits.
// CLOCK$, desktop.ini and thumbs.db are refused by Chromium's `IsReservedNameOnWindows`.
const RESERVED_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]) *(?=\.|$)/iu;
const RESERVED_SHELL_NAME = /^(desktop\.ini|thumbs\.db)$/iu;
const RESERVED_SUFFIX = '_';

// Extensions are short and alphanumeric with at least one letter, so `Release 1.0` or
// `Notes v2. Draft` keep their dots in the stem.
const EXTENSION = /^[\p{L}\p{N}]{1,10}$/u;
const HAS_LETTER = /\p{L}/u;
const DOUBLE_EXTENSION_INNER = /\.tar$/iu;
const DOUBLE_EXTENSION_OUTER = /^(gz|bz2|xz|zst|lz|lz4|lzma|z|br)$/iu;

/** A name split at its extension: `stem + ext` is the name; `ext` is `''` or starts with `.`. */
export interface SplitName {
  stem: string;
  ext: string;
}

/**
 * Split a file name at its extension: `report.final.pdf` → `report.final` + `.pdf`,
 * `backup.tar.gz` → `backup` + `.tar.gz`. A leading dot (`.env`), a trailing dot, or a last
 * part that is long, contains spaces or has no letter (`Release 1.0`) is not an extension.
 */
export function splitExtension(name: string): SplitName {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, ext: '' };
  const last = name.slice(dot + 1);
  if (!EXTENSION.test(last) || !HAS_LETTER.test(last)) return { stem: name, ext: '' };
  const stem = name.slice(0, dot);
  if (DOUBLE_EXTENSION_OUTER.test(last) && DOUBLE_EXTENSION_INNER.test(stem) && stem.length > 4) {
    return { stem: stem.slice(0, -4), ext: name.slice(dot - 4) };
  }
  return { stem, ext: name.slice(dot) };
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD it becomes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

let graphemes: Intl.Segmenter | undefined;

function truncateCodePoints(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8ByteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * The longest start of `text` within `maxBytes` UTF-8 bytes, cut between user-perceived
 * characters (so no code point, surrogate pair, accent or emoji sequence is split).
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8ByteLength(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  // One cluster can be longer than the whole limit (stacked combining marks): cut inside it
  // rather than return nothing.
  return out === '' ? truncateCodePoints(text, maxBytes) : out;
}

/** Whether Windows (or Chromium on every system) reserves this exact name. */
export function isReservedName(name: string): boolean {
  return RESERVED_DEVICE.test(name) || RESERVED_SHELL_NAME.test(name);
}

/** The visible text of a name, made safe, before any length limit. */
function cleanText(name: string): string {
  return name
    .normalize('NFC')
    .replace(FORMAT_CHARS, '')
    .replace(WHITE_SPACE_RUN, ' ')
    .replace(UNSAFE_RUN, REPLACED)
    .replace(ENDS, '')
    .replaceAll(REPLACED, '-');
}

function fitBytes(name: string, maxBytes: number): string {
  if (utf8ByteLength(name) <= maxBytes) return name;
  const { stem, ext } = splitExtension(name);
  // A kept extension never takes more than a quarter of the room: the stem is what says what it is.
  const keepExt = ext !== '' && utf8ByteLength(ext) <= maxBytes / 4;
  const room = keepExt ? maxBytes - utf8ByteLength(ext) : maxBytes;
  const cut = truncateUtf8(keepExt ? stem : name, room).replace(TRAILING_DOTS_AND_SPACES, '');
  return keepExt ? cut + ext : cut;
}

function markReserved(name: string): string {
  if (RESERVED_SHELL_NAME.test(name)) {
    const { stem, ext } = splitExtension(name);
    return stem + RESERVED_SUFFIX + ext;
  }
  const device = RESERVED_DEVICE.exec(name);
  if (!device) return name;
  const base = device[1] as string;
  return base + RESERVED_SUFFIX + name.slice(base.length);
}

/**
 * A single path segment safe on Windows, macOS and Linux and accepted by the `downloads` API
 * of Chrome and Firefox: NFC; white space collapsed to single spaces; format characters
 * dropped; separators, `<>:"|?*`, controls and other unsafe characters replaced by `-` (a run
 * by one `-`, none at either end); no leading or trailing dots or spaces; `.`, `..` and empty
 * names become the fallback; Windows device names get `_` (`con.txt` → `con_.txt`); at most
 * `maxBytes` UTF-8 bytes, cut between characters, keeping a short extension.
 */
export function safeFileName(name: string, options: SafeFileNameOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NAME_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < MIN_MAX_NAME_BYTES) {
    throw new RangeError(`A file name needs at least ${MIN_MAX_NAME_BYTES} bytes (got ${maxBytes}).`);
  }
  const clean = cleanText(name);
  if (clean !== '') {
    const fitted = fitBytes(clean, maxBytes);
    // The `_` must fit too; only a long name that starts with a device name needs the byte.
    return isReservedName(fitted) ? markReserved(fitBytes(clean, maxBytes - RESERVED_SUFFIX.length)) : fitted;
  }
  const fallback = options.fallback ?? DEFAULT_FALLBACK;
  return fallback === DEFAULT_FALLBACK ? DEFAULT_FALLBACK : safeFileName(fallback, { maxBytes });
}
