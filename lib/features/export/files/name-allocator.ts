// Unique names inside a bundle. Windows and macOS fold case and (macOS) Unicode normalisation
// when they compare names, so `Notes.md`, `notes.md` and `Notes.md` in NFD are one file there:
// names are compared after NFC and case folding. Files and folders share one namespace,
// because a folder `Foo` and a file `foo` cannot both exist in one directory.
import { DEFAULT_MAX_NAME_BYTES, isReservedName, safeFileName, truncateUtf8, utf8ByteLength } from './safe-file-name';

/**
 * The key two names clash on. Upper- then lower-casing folds more than either alone
 * (`ß`/`SS`, `ſ`/`s`, `K`/Kelvin sign): a spurious clash only costs a ` (2)`, a missed one a file.
 */
export function fileNameKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

export interface NameAllocatorOptions {
  /** Longest segment in UTF-8 bytes, counter and extension included (default 200, at least 64). */
  maxBytes?: number;
}

export interface NameAllocator {
  /**
   * A file `stem + ext` in `dir` (`''` is the top), unique in `dir`: `dir/Stem.md`, then
   * `dir/Stem (2).md`, … The stem goes through {@link safeFileName}; `ext` is `''` or `.xyz`.
   */
  claim(dir: string, stem: string, ext: string): string;
  /** A folder `name` in `dir`, unique in `dir` against files and folders alike. */
  claimDir(dir: string, name: string): string;
  /** A file `stem + ext` and a folder `stem` beside it with the same counter (`A (2).md`, `A (2)/`). */
  claimFileAndDir(dir: string, stem: string, ext: string): { file: string; dir: string };
  /**
   * Claim this exact name in `dir` (a fixed name such as `index.md`); throws if it is unsafe
   * or taken. Returns the path.
   */
  reserve(dir: string, name: string): string;
  /** Whether a path is taken, compared as the file systems do. */
  isTaken(path: string): boolean;
}

const EXTENSION = /^(\.[\p{L}\p{N}_-]{1,16})+$/u;

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function checkExtension(ext: string): void {
  if (ext !== '' && !EXTENSION.test(ext)) throw new Error(`Not a file extension: ${JSON.stringify(ext)}`);
}

export const MIN_SEGMENT_BYTES = 64;

export function createNameAllocator(options: NameAllocatorOptions = {}): NameAllocator {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NAME_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < MIN_SEGMENT_BYTES) {
    throw new RangeError(`A path segment needs at least ${MIN_SEGMENT_BYTES} bytes (got ${maxBytes}).`);
  }
  const taken = new Set<string>();
  // Only folders made here (or the top, '') may hold names: a typo'd or hand-built folder
  // would bypass the checks that make every segment safe and unique.
  const folders = new Set<string>(['']);
  // Where the counter search for a name last ended, so many same-titled siblings (500
  // "Meeting notes") cost one probe each instead of a scan from (2).
  const nextCounter = new Map<string, number>();

  function checkDir(dir: string): void {
    if (!folders.has(dir)) throw new Error(`Not a folder this allocator made: ${JSON.stringify(dir)}`);
  }

  /** The n-th candidate stem: the safe stem, then `stem (n)`, each within `room` bytes. */
  function candidate(stem: string, n: number, room: number): string {
    if (n === 1) return stem;
    const counter = ` (${n})`;
    const cut = truncateUtf8(stem, room - counter.length).replace(/[\s.]+$/u, '');
    return cut + counter;
  }

  function safeStem(stem: string, ext: string): { stem: string; room: number } {
    const room = maxBytes - utf8ByteLength(ext);
    let safe = safeFileName(stem, { maxBytes: room });
    // `desktop` + `.ini` is only reserved once joined.
    if (isReservedName(safe + ext)) safe = safeFileName(`${truncateUtf8(safe, room - 1)}_`, { maxBytes: room });
    return { stem: safe, room };
  }

  function isFree(path: string): boolean {
    return !taken.has(fileNameKey(path));
  }

  function claim(dir: string, stem: string, ext: string): string {
    checkDir(dir);
    checkExtension(ext);
    const safe = safeStem(stem, ext);
    const search = fileNameKey(join(dir, safe.stem + ext));
    for (let n = nextCounter.get(search) ?? 1; ; n++) {
      const path = join(dir, candidate(safe.stem, n, safe.room) + ext);
      if (isFree(path)) {
        taken.add(fileNameKey(path));
        nextCounter.set(search, n + 1);
        return path;
      }
    }
  }

  return {
    claim,
    claimDir(dir, name) {
      const folder = claim(dir, name, '');
      folders.add(folder);
      return folder;
    },
    claimFileAndDir(dir, stem, ext) {
      checkDir(dir);
      checkExtension(ext);
      if (ext === '') throw new Error('A file beside a folder of the same stem needs an extension.');
      const safe = safeStem(stem, ext);
      // Keyed apart from plain claims: this search needs the folder free as well.
      const search = `${fileNameKey(join(dir, safe.stem + ext))}/`;
      for (let n = nextCounter.get(search) ?? 1; ; n++) {
        const name = candidate(safe.stem, n, safe.room);
        const file = join(dir, name + ext);
        const folder = join(dir, name);
        if (isFree(file) && isFree(folder)) {
          taken.add(fileNameKey(file));
          taken.add(fileNameKey(folder));
          folders.add(folder);
          nextCounter.set(search, n + 1);
          return { file, dir: folder };
        }
      }
    },
    reserve(dir, name) {
      checkDir(dir);
      const path = join(dir, name);
      if (safeFileName(name, { maxBytes }) !== name) throw new Error(`Not a safe file name: ${JSON.stringify(name)}`);
      if (!isFree(path)) throw new Error(`Already taken: ${JSON.stringify(path)}`);
      taken.add(fileNameKey(path));
      return path;
    },
    isTaken: (path) => !isFree(path),
  };
}
