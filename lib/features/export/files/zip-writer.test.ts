import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createZipWriter, ZipEntryError, zipPathProblem, type ZipWriter } from './zip-writer';
import { zipRecords } from './testing/zip-structure';

const MiB = 1 << 20;
const CHUNK = 64 * 1024;

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Bytes that do not deflate (xorshift), so sizes say whether anything was compressed. */
function noise(length: number, seed = 9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Byte equality without a deep-equality walk (which takes seconds on megabytes). */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** A stream that makes each chunk only when asked (pull), recording what the writer had written by then. */
function pulledStream(chunks: number, chunkBytes: number, onPull?: (index: number) => void): ReadableStream<Uint8Array> {
  const block = noise(chunkBytes);
  let index = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.(index);
        if (index === chunks) {
          controller.close();
          return;
        }
        const chunk = block.slice();
        chunk[0] = index & 0xff; // each chunk distinct, so order is checked too
        controller.enqueue(chunk);
        index++;
      },
    },
    { highWaterMark: 0 },
  );
}

describe('createZipWriter', () => {
  it('writes text deflated and compressed formats stored, and they read back', async () => {
    const zip = createZipWriter();
    const page = '# Title\n\n' + 'Some text that repeats. '.repeat(200);
    const png = noise(5000);
    await zip.addText('Page.md', page);
    await zip.addBytes('attachments/logo.png', png);
    await zip.addBytes('attachments/notes.txt', new TextEncoder().encode('plain '.repeat(100)));
    await zip.addBytes('forced.png', png.slice(0, 100), { compress: true });
    const blob = await zip.finish();
    expect(blob.type).toBe('application/zip');
    const bytes = await bytesOf(blob);
    expect(bytes.length).toBe(zip.bytesWritten);

    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['Page.md', 'attachments/logo.png', 'attachments/notes.txt', 'forced.png']);
    expect(new TextDecoder().decode(files['Page.md'])).toBe(page);
    expect(files['attachments/logo.png']).toEqual(png);

    const methods = Object.fromEntries(zipRecords(bytes).map((r) => [r.name, [r.method, r.localMethod]]));
    expect(methods).toEqual({
      'Page.md': [8, 8],
      'attachments/logo.png': [0, 0],
      'attachments/notes.txt': [8, 8],
      'forced.png': [8, 8],
    });
    const text = zipRecords(bytes).find((r) => r.name === 'Page.md')!;
    expect(text.compressedSize).toBeLessThan(text.size / 10);
  });

  it('writes non-ASCII names with the UTF-8 flag, and they read back', async () => {
    const zip = createZipWriter();
    const names = ['Ünïcödé/日本語 😀.md', 'Ünïcödé/_attachments/café (2).png', 'plain.md'];
    for (const name of names) await zip.addText(name, name);
    const bytes = await bytesOf(await zip.finish());
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(names);
    for (const name of names) expect(new TextDecoder().decode(files[name])).toBe(name);
    const flags = Object.fromEntries(zipRecords(bytes).map((r) => [r.name, (r.flags & 0x800) !== 0]));
    expect(flags).toEqual({ [names[0]!]: true, [names[1]!]: true, 'plain.md': false });
  });

  it('sets the modification time, clamped to what DOS time can hold', async () => {
    const zip = createZipWriter({ mtime: new Date(2023, 0, 15, 8, 0, 0) });
    await zip.addText('given.md', 'x', { mtime: new Date(2024, 4, 6, 10, 20, 30) });
    await zip.addText('default.md', 'x');
    await zip.addBytes('old.bin', new Uint8Array(1), { mtime: new Date(1970, 0, 1) });
    await zip.addBytes('future.bin', new Uint8Array(1), { mtime: new Date(2150, 0, 1) });
    await zip.addBytes('invalid.bin', new Uint8Array(1), { mtime: new Date(Number.NaN) });
    const times = Object.fromEntries(zipRecords(await bytesOf(await zip.finish())).map((r) => [r.name, r.modified]));
    expect(times['given.md']).toEqual({ year: 2024, month: 5, day: 6, hours: 10, minutes: 20, seconds: 30 });
    expect(times['default.md']).toEqual({ year: 2023, month: 1, day: 15, hours: 8, minutes: 0, seconds: 0 });
    expect(times['old.bin']).toMatchObject({ year: 1980, month: 1, day: 1 });
    expect(times['future.bin']).toMatchObject({ year: 2099, month: 12, day: 31 });
    expect(times['invalid.bin']).toMatchObject({ year: 1980, month: 1, day: 1 });
  });

  it('streams a 20 MB entry as it is read: output is produced long before finish', async () => {
    const progress: number[] = [];
    const zip = createZipWriter({ onProgress: (bytes) => progress.push(bytes) });
    const writtenAtPull: number[] = [];
    const chunks = (20 * MiB) / CHUNK;
    const stream = pulledStream(chunks, CHUNK, () => writtenAtPull.push(zip.bytesWritten));

    const size = await zip.addStream('big/video.bin', stream, { compress: false });
    expect(size).toBe(20 * MiB);
    const callsBeforeFinish = progress.length;
    expect(callsBeforeFinish).toBeGreaterThan(chunks / 2);
    // While chunk k is asked for, the chunks before it are already in the archive: nothing is held back.
    for (const k of [10, 100, chunks - 1]) expect(writtenAtPull[k]!).toBeGreaterThanOrEqual((k - 1) * CHUNK);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const blob = await zip.finish();
    expect(progress.length).toBeGreaterThan(callsBeforeFinish);
    expect(progress.at(-1)).toBe(blob.size);
    const video = unzipSync(await bytesOf(blob))['big/video.bin']!;
    expect(video.length).toBe(20 * MiB);
    const expected = noise(CHUNK);
    for (const k of [0, 200, chunks - 1]) {
      expected[0] = k & 0xff;
      expect(sameBytes(video.subarray(k * CHUNK, (k + 1) * CHUNK), expected), `chunk ${k}`).toBe(true);
    }
  });

  it('deflates a stream entry chunk by chunk', async () => {
    const zip = createZipWriter();
    const line = 'log line with some repeated content\n';
    const text = line.repeat(100_000);
    const encoded = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < encoded.length; at += CHUNK) controller.enqueue(encoded.slice(at, at + CHUNK));
        controller.close();
      },
    });
    expect(await zip.addStream('app.log', stream)).toBe(encoded.length);
    const bytes = await bytesOf(await zip.finish());
    expect(zipRecords(bytes)[0]).toMatchObject({ method: 8, size: encoded.length });
    expect(new TextDecoder().decode(unzipSync(bytes)['app.log'])).toBe(text);
  });

  it('writes entries one after another even when calls are not awaited', async () => {
    const zip = createZipWriter();
    const first = zip.addText('a.md', 'A');
    const second = zip.addStream('b.bin', pulledStream(20, 1000), { compress: false });
    const third = zip.addBytes('c.png', new Uint8Array([1, 2, 3]));
    const blob = zip.finish();
    await Promise.all([first, second, third]);
    const bytes = await bytesOf(await blob);
    expect(zipRecords(bytes).map((r) => r.name)).toEqual(['a.md', 'b.bin', 'c.png']);
    const files = unzipSync(bytes);
    expect(files['b.bin']!.length).toBe(20_000);
    expect(files['c.png']).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('writes an empty archive and empty entries', async () => {
    expect(unzipSync(await bytesOf(await createZipWriter().finish()))).toEqual({});
    const zip = createZipWriter();
    await zip.addText('empty.md', '');
    await zip.addBytes('empty.png', new Uint8Array(0));
    expect(await zip.addStream('empty.bin', pulledStream(0, 1))).toBe(0);
    const files = unzipSync(await bytesOf(await zip.finish()));
    expect(Object.values(files).map((f) => f.length)).toEqual([0, 0, 0]);
  });

  it('gathers small output into parts and passes big chunks through, both ways readable', async () => {
    for (const blobPartBytes of [16, 4096, MiB]) {
      const zip = createZipWriter({ blobPartBytes });
      for (let i = 0; i < 300; i++) await zip.addText(`p/${i}.md`, `page ${i}`);
      await zip.addBytes('big.png', noise(3 * MiB));
      const files = unzipSync(await bytesOf(await zip.finish()));
      expect(Object.keys(files)).toHaveLength(301);
      expect(new TextDecoder().decode(files['p/299.md'])).toBe('page 299');
      expect(sameBytes(files['big.png'], noise(3 * MiB))).toBe(true);
    }
  });

  describe('refuses', () => {
    async function refused(zip: ZipWriter, path: string): Promise<void> {
      await expect(zip.addText(path, 'x')).rejects.toThrow(Error);
    }

    it('paths that are empty, absolute, climb out or use backslashes', async () => {
      const zip = createZipWriter();
      for (const path of ['', '/etc/passwd', '../x.md', 'a/../../x.md', 'a/./b.md', '.', 'a\\b.md', 'C:/x.md', 'a//b.md', 'a/', 'con.md', 'a/nul', 'x. ', 'a\u0000b']) {
        await refused(zip, path);
        expect(zipPathProblem(path), path).toBeDefined();
      }
      // The writer is still usable after refusals.
      await zip.addText('ok.md', 'fine');
      expect(Object.keys(unzipSync(await bytesOf(await zip.finish())))).toEqual(['ok.md']);
    });

    it('a path added twice, also when it differs only in case or normalisation', async () => {
      const zip = createZipWriter();
      await zip.addText('Notes/Résumé.md', 'x');
      await expect(zip.addText('Notes/Résumé.md', 'y')).rejects.toThrow(/already has/);
      await expect(zip.addBytes('notes/RÉSUMÉ.MD', new Uint8Array(1))).rejects.toThrow(/already has/);
      await expect(zip.addStream('Notes/Re\u0301sume\u0301.md', pulledStream(1, 1))).rejects.toThrow(/already has/);
      // Refused before the queue: a pending duplicate is refused too.
      const pending = zip.addText('x.md', '1');
      await expect(zip.addText('X.md', '2')).rejects.toThrow(/already has/);
      await pending;
      expect(Object.keys(unzipSync(await bytesOf(await zip.finish())))).toEqual(['Notes/Résumé.md', 'x.md']);
    });

    it('a file where a folder is, and a folder where a file is', async () => {
      const zip = createZipWriter();
      await zip.addText('A/b.md', 'x');
      await expect(zip.addText('a', 'y')).rejects.toThrow(/folder/);
      await zip.addText('C', 'z');
      await expect(zip.addText('c/d.md', 'w')).rejects.toThrow(/file where its folder/);
    });

    it('entries after finish, and a second finish', async () => {
      const zip = createZipWriter();
      await zip.finish();
      await expect(zip.addText('late.md', 'x')).rejects.toThrow(/finished/);
      await expect(zip.finish()).rejects.toThrow(/finished/);
    });

    it('more entries or bytes than ZIP32 holds, instead of writing a corrupt archive', async () => {
      const few = createZipWriter({ limits: { entries: 2 } });
      await few.addText('1.md', '1');
      await few.addText('2.md', '2');
      await expect(few.addText('3.md', '3')).rejects.toThrow(/at most 2 entries/);

      const small = createZipWriter({ limits: { bytes: 1000 } });
      await expect(small.addBytes('big.png', new Uint8Array(2000))).rejects.toThrow(/larger than 4 GiB/);
      await expect(small.addStream('big.bin', pulledStream(10, 200), { compress: false })).rejects.toThrow(ZipEntryError);
      await expect(small.addText('after.md', 'x')).rejects.toThrow(/reached 4 GiB/);
    });
  });

  it('aborts: the stream being read is cancelled and everything after rejects', async () => {
    let cancelled: unknown;
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          pulls++;
          await new Promise((resolve) => setTimeout(resolve, 1));
          controller.enqueue(new Uint8Array(1024));
        },
        cancel(reason) {
          cancelled = reason;
        },
      },
      { highWaterMark: 0 },
    );
    const zip = createZipWriter();
    await zip.addText('first.md', 'x');
    const reading = zip.addStream('endless.bin', endless);
    const queued = zip.addText('queued.md', 'y');
    while (pulls < 5) await new Promise((resolve) => setTimeout(resolve, 1));
    zip.abort();
    await expect(reading).rejects.toThrow(/aborted/);
    await expect(queued).rejects.toThrow(/aborted/);
    expect(cancelled).toBeInstanceOf(Error);
    const pullsAtAbort = pulls;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulls).toBeLessThanOrEqual(pullsAtAbort + 1);
    await expect(zip.addText('later.md', 'z')).rejects.toThrow(/aborted/);
    await expect(zip.finish()).rejects.toThrow(/aborted/);
  });

  it('aborts with the caller’s reason', async () => {
    const zip = createZipWriter();
    zip.abort(new Error('Export cancelled'));
    await expect(zip.addText('a.md', 'x')).rejects.toThrow('Export cancelled');
  });

  it('closes an entry whose signal aborts, reports it, and goes on', async () => {
    const zip = createZipWriter();
    const controller = new AbortController();
    const stream = pulledStream(100, 1000, (index) => {
      if (index === 3) controller.abort(new Error('attachment timed out'));
    });
    const error = await zip.addStream('slow.bin', stream, { signal: controller.signal, compress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipEntryError);
    expect(error).toMatchObject({ path: 'slow.bin', bytesWritten: 3000 });
    expect((error as Error).message).toContain('attachment timed out');
    expect((error as Error).cause).toEqual(new Error('attachment timed out'));

    await zip.addText('next.md', 'still here');
    const files = unzipSync(await bytesOf(await zip.finish()));
    expect(files['slow.bin']!.length).toBe(3000);
    expect(new TextDecoder().decode(files['next.md'])).toBe('still here');
  });

  it('refuses to start a stream entry whose signal has already aborted', async () => {
    const zip = createZipWriter();
    const error = await zip.addStream('never.bin', pulledStream(1, 1), { signal: AbortSignal.abort(new Error('no')) }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('no'));
    expect(zipRecords(await bytesOf(await zip.finish()))).toEqual([]);
  });

  it('closes an entry whose stream fails, reports it, and goes on', async () => {
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 2) controller.error(new Error('network reset'));
        else {
          sent++;
          controller.enqueue(new Uint8Array(500).fill(7));
        }
      },
    });
    const zip = createZipWriter();
    const error = await zip.addStream('broken.pdf', failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipEntryError);
    expect(error).toMatchObject({ path: 'broken.pdf', bytesWritten: 1000 });
    await zip.addText('after.md', 'ok');
    const files = unzipSync(await bytesOf(await zip.finish()));
    expect(files['broken.pdf']).toEqual(new Uint8Array(1000).fill(7));
    expect(new TextDecoder().decode(files['after.md'])).toBe('ok');
  });

  it('refuses chunks that are not bytes', async () => {
    const zip = createZipWriter();
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue('text, not bytes');
        controller.close();
      },
    }) as unknown as ReadableStream<Uint8Array>;
    const error = await zip.addStream('x.bin', stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipEntryError);
    expect((error as Error).message).toMatch(/Uint8Array/);
  });
});
