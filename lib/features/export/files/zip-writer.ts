// A zip written as a stream (fflate's Zip), so an export of hundreds of megabytes never sits
// whole in the export page's JS heap: entries are written one after another, a stream entry
// is pushed chunk by chunk as it is read, and the output is handed, about a megabyte at a
// time, to Blobs, which Chrome keeps out of the renderer's heap (in the browser process, on
// disk when large). `finish()` joins them into one Blob without copying.
//
// fflate writes plain ZIP (no Zip64): entries and archive stay under 4 GiB and 65 535 entries,
// which is checked here rather than left to wrap around into a corrupt file. Names with
// non-ASCII characters get the UTF-8 flag (bit 11), so every unzip tool reads them back.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { isAlreadyCompressed } from './compression-choice';
import { fileNameKey } from './name-allocator';
import { safeFileName, utf8ByteLength } from './safe-file-name';

export interface ZipWriterOptions {
  /** Deflate level, 1 (fast) to 9 (small); default 6. */
  level?: DeflateLevel;
  /** Called as output is produced, with the archive's size so far in bytes. */
  onProgress?: (bytesOut: number) => void;
  /** Modification time for entries that name none (default: when the writer was made). */
  mtime?: Date;
  /** Bytes gathered before they become a Blob (default 1 MiB). */
  blobPartBytes?: number;
  /** ZIP32's limits; lowered in tests. */
  limits?: Partial<ZipLimits>;
}

export type DeflateLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ZipLimits {
  /** Largest offset (and entry size) a 32-bit field holds. */
  bytes: number;
  entries: number;
}

export interface ZipEntryOptions {
  mtime?: Date;
}

export interface ZipBinaryEntryOptions extends ZipEntryOptions {
  /** Deflate (true) or store (false); default: store what {@link isAlreadyCompressed} says is compressed. */
  compress?: boolean;
}

export interface ZipStreamEntryOptions extends ZipBinaryEntryOptions {
  /** Stops reading the stream; the entry is closed with what was read and the call rejects. */
  signal?: AbortSignal;
}

export interface ZipWriter {
  /** A UTF-8 text entry, always deflated. */
  addText(path: string, text: string, options?: ZipEntryOptions): Promise<void>;
  addBytes(path: string, bytes: Uint8Array, options?: ZipBinaryEntryOptions): Promise<void>;
  /**
   * An entry read from `stream` as it comes; resolves with its size in bytes. If the stream
   * fails or is aborted midway, the entry is closed with what was read (the archive stays
   * valid) and the call rejects with a {@link ZipEntryError}: a caller that needs whole
   * entries or none reads the source into a Blob first (`response.blob()`, also kept out of
   * the heap) and passes `blob.stream()`.
   */
  addStream(path: string, stream: ReadableStream<Uint8Array>, options?: ZipStreamEntryOptions): Promise<number>;
  /** The archive, `application/zip`. No entry may be added afterwards. */
  finish(): Promise<Blob>;
  /** Drop everything: pending and later calls reject, a stream being read is cancelled. */
  abort(reason?: unknown): void;
  /** Archive bytes produced so far. */
  readonly bytesWritten: number;
}

/** An entry that was started but could not be completed (it is in the archive, truncated). */
export class ZipEntryError extends Error {
  override readonly name = 'ZipEntryError';
  constructor(
    readonly path: string,
    /** Bytes of the source written before it stopped. */
    readonly bytesWritten: number,
    options: { cause: unknown },
  ) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`The zip entry ${JSON.stringify(path)} is incomplete (${bytesWritten} bytes written): ${cause}`, options);
  }
}

export const ZIP32_LIMITS: ZipLimits = { bytes: 0xffff_ffff, entries: 0xffff };
const DEFAULT_BLOB_PART_BYTES = 1 << 20;
// Input is pushed in slices this big so output reaches a Blob as it is made.
const PUSH_SLICE_BYTES = 1 << 20;
const EMPTY = new Uint8Array(0);
// A path segment may be as long as file systems allow; the layout keeps them far shorter.
const MAX_SEGMENT_BYTES = 255;
const DOS_EPOCH_YEAR = 1980;
const DOS_LAST_YEAR = 2099;

/** Why a path may not be a zip entry's name, or undefined when it may. */
export function zipPathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.includes('\\')) return 'it contains a backslash';
  if (path.startsWith('/')) return 'it is absolute';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `it has a ${JSON.stringify(segment)} segment`;
    if (utf8ByteLength(segment) > MAX_SEGMENT_BYTES) return `the name ${JSON.stringify(segment)} is longer than ${MAX_SEGMENT_BYTES} bytes`;
    // NFD is allowed (macOS writes it); duplicates are compared after NFC anyway.
    if (safeFileName(segment, { maxBytes: MAX_SEGMENT_BYTES }) !== segment.normalize('NFC')) {
      return `the name ${JSON.stringify(segment)} is not safe on every file system`;
    }
  }
  return undefined;
}

/** DOS time holds 1980–2099 only: clamp rather than let fflate throw. */
function dosRangeDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) return new Date(DOS_EPOCH_YEAR, 0, 1);
  if (date.getFullYear() < DOS_EPOCH_YEAR) return new Date(DOS_EPOCH_YEAR, 0, 1);
  if (date.getFullYear() > DOS_LAST_YEAR) return new Date(DOS_LAST_YEAR, 11, 31, 23, 59, 58);
  return date;
}

function abortError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  return new DOMException(reason === undefined ? 'The zip was aborted.' : String(reason), 'AbortError');
}

type EntryStream = ZipDeflate | ZipPassThrough;

export function createZipWriter(options: ZipWriterOptions = {}): ZipWriter {
  const limits: ZipLimits = { ...ZIP32_LIMITS, ...options.limits };
  const partBytes = options.blobPartBytes ?? DEFAULT_BLOB_PART_BYTES;
  const defaultMtime = options.mtime ?? new Date();
  const level = options.level ?? 6;

  let parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer> | undefined;
  let pendingLength = 0;
  let bytesOut = 0;
  let entryCount = 0;
  let state: 'open' | 'finishing' | 'finished' | 'aborted' | 'failed' = 'open';
  let failure: Error | undefined;
  let archiveEnded = false;
  let activeReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const files = new Set<string>();
  const folders = new Set<string>();

  function flushPending(): void {
    if (!pending || pendingLength === 0) return;
    parts.push(new Blob([pending.subarray(0, pendingLength)]));
    pending = undefined;
    pendingLength = 0;
  }

  function write(chunk: Uint8Array): void {
    bytesOut += chunk.length;
    if (chunk.length >= partBytes) {
      flushPending();
      // fflate allocates its own output buffers, never views of shared memory.
      parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    } else {
      if (pendingLength + chunk.length > partBytes) flushPending();
      pending ??= new Uint8Array(partBytes);
      pending.set(chunk, pendingLength);
      pendingLength += chunk.length;
    }
    options.onProgress?.(bytesOut);
  }

  const zip = new Zip((error, chunk, final) => {
    if (state === 'aborted') return;
    if (error) {
      state = 'failed';
      failure = error;
      return;
    }
    write(chunk);
    if (final) archiveEnded = true;
  });

  /** At run time: entries queued before `finish()` still go in. */
  function checkAlive(): void {
    if (state === 'aborted' || state === 'failed') throw failure ?? abortError(undefined);
  }

  /** When called: nothing may be added once `finish()` was called. */
  function checkOpen(): void {
    checkAlive();
    if (state !== 'open') throw new Error('The zip is finished: no entry can be added.');
  }

  /** Checked when the entry is added, so a duplicate is refused whatever the queue holds. */
  function register(path: string): void {
    const problem = zipPathProblem(path);
    if (problem) throw new Error(`Cannot add ${JSON.stringify(path)} to the zip: ${problem}.`);
    const key = fileNameKey(path);
    if (files.has(key)) throw new Error(`The zip already has ${JSON.stringify(path)} (names are compared ignoring case).`);
    if (folders.has(key)) throw new Error(`The zip already has a folder ${JSON.stringify(path)}.`);
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (files.has(folder)) throw new Error(`Cannot add ${JSON.stringify(path)}: the zip has a file where its folder would be.`);
    }
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
    files.add(key);
  }

  /** Runs `task` after every earlier call, so entries never interleave. */
  function enqueue<T>(path: string, task: () => Promise<T>): Promise<T> {
    try {
      checkOpen();
      register(path);
    } catch (error) {
      return Promise.reject(error);
    }
    const run = queue.then(() => {
      checkAlive();
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  function openEntry(path: string, compress: boolean, mtime: Date | undefined): EntryStream {
    if (entryCount >= limits.entries) throw new Error(`A zip holds at most ${limits.entries} entries.`);
    if (bytesOut > limits.bytes) throw new Error('The zip has reached 4 GiB, the most a zip without Zip64 holds.');
    const entry = compress ? new ZipDeflate(path, { level }) : new ZipPassThrough(path);
    entry.mtime = dosRangeDate(mtime ?? defaultMtime);
    zip.add(entry);
    entryCount++;
    return entry;
  }

  // A function, not an inline test: fflate's callback changes `state` behind TypeScript's back.
  function throwIfFailed(): void {
    if (state === 'failed') throw failure as Error;
  }

  function push(entry: EntryStream, chunk: Uint8Array, final: boolean): void {
    entry.push(chunk, final);
    throwIfFailed();
  }

  function pushSliced(entry: EntryStream, bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; at += PUSH_SLICE_BYTES) push(entry, bytes.subarray(at, at + PUSH_SLICE_BYTES), false);
    push(entry, EMPTY, true);
  }

  function addBytes(path: string, bytes: Uint8Array, entryOptions: ZipBinaryEntryOptions = {}): Promise<void> {
    return enqueue(path, async () => {
      if (bytes.length > limits.bytes) throw new Error(`${JSON.stringify(path)} is larger than 4 GiB, the most a zip entry holds.`);
      const entry = openEntry(path, entryOptions.compress ?? !isAlreadyCompressed(path), entryOptions.mtime);
      pushSliced(entry, bytes);
    });
  }

  async function readInto(path: string, entry: EntryStream, stream: ReadableStream<Uint8Array>, signal: AbortSignal | undefined): Promise<number> {
    const reader = stream.getReader();
    activeReader = reader;
    const cancel = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
    signal?.addEventListener('abort', cancel, { once: true });
    let size = 0;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const { done, value } = await reader.read();
        // A cancelled read ends as `done`: only the checks tell it from a real end.
        signal?.throwIfAborted();
        checkAlive();
        if (done) break;
        if (!(value instanceof Uint8Array)) throw new TypeError('A zip entry stream must yield Uint8Array chunks.');
        if (size + value.length > limits.bytes) throw new Error('The file is larger than 4 GiB, the most a zip entry holds.');
        push(entry, value, false);
        size += value.length;
      }
      push(entry, EMPTY, true);
      return size;
    } catch (error) {
      if (state === 'aborted' || state === 'failed') throw failure ?? error;
      void reader.cancel(error).catch(() => undefined);
      // Closing the entry keeps the archive readable; the caller learns it is short.
      push(entry, EMPTY, true);
      throw new ZipEntryError(path, size, { cause: error });
    } finally {
      signal?.removeEventListener('abort', cancel);
      activeReader = undefined;
      reader.releaseLock();
    }
  }

  return {
    addText(path, text, entryOptions = {}) {
      return addBytes(path, new TextEncoder().encode(text), { ...entryOptions, compress: true });
    },
    addBytes,
    addStream(path, stream, entryOptions = {}) {
      return enqueue(path, async () => {
        entryOptions.signal?.throwIfAborted();
        const entry = openEntry(path, entryOptions.compress ?? !isAlreadyCompressed(path), entryOptions.mtime);
        return readInto(path, entry, stream, entryOptions.signal);
      });
    },
    finish() {
      try {
        checkOpen();
      } catch (error) {
        return Promise.reject(error);
      }
      state = 'finishing';
      const run = queue.then(() => {
        if (state !== 'finishing') throw failure ?? abortError(undefined);
        if (bytesOut > limits.bytes) throw new Error('The zip is larger than 4 GiB, the most a zip without Zip64 holds.');
        zip.end();
        throwIfFailed();
        if (!archiveEnded) throw new Error('The zip did not end.');
        flushPending();
        const blob = new Blob(parts, { type: 'application/zip' });
        parts = [];
        state = 'finished';
        return blob;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    abort(reason) {
      if (state === 'finished' || state === 'aborted') return;
      state = 'aborted';
      failure = abortError(reason);
      parts = [];
      pending = undefined;
      void activeReader?.cancel(failure).catch(() => undefined);
      zip.terminate();
    },
    get bytesWritten() {
      return bytesOut;
    },
  };
}
