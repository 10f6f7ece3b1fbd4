// Throughput of the storage converter in Node: the shared storage samples repeated to about
// 5 MB, every page converted on its own, parse included; warm-up runs, then the median of
// several runs, for each parser. Printed, never asserted. The figure that matters is measured
// in real Chromium (tests/bench/export-conversion.ts, issue 9 §6), which follows the same method
// and prints this one after its own; this one compares runs on one machine without a browser.
// Alone: `node --expose-gc --import tsx lib/features/export/storage-to-markdown.bench.ts`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { storageToMarkdown, type StorageToMarkdownOptions } from './storage-to-markdown';
import { parseXml, readSample, sampleNames } from './testing/samples';

/** `pages` repeated in order until they hold at least `bytes` bytes of UTF-8. */
export function repeatToBytes(pages: readonly string[], bytes: number): string[] {
  const size = utf8Bytes(pages);
  if (size === 0) return [];
  const rounds = Math.max(1, Math.ceil(bytes / size));
  const out: string[] = [];
  for (let r = 0; r < rounds; r++) out.push(...pages);
  return out;
}

export function utf8Bytes(pages: readonly string[]): number {
  return pages.reduce((sum, page) => sum + Buffer.byteLength(page, 'utf8'), 0);
}

export interface NodeFigure {
  parser: string;
  megabytes: number;
  mbPerSecond: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const PARSERS: { name: string; options: StorageToMarkdownOptions }[] = [
  { name: 'own parser', options: {} },
  { name: 'xmldom', options: { parseXml } },
];

export function benchStorageToMarkdown({ megabytes = 5, runs = 7, warmUps = 2 } = {}): NodeFigure[] {
  const pages = repeatToBytes(
    sampleNames('storage').map((name) => readSample('storage', name)),
    megabytes * 1e6,
  );
  const size = utf8Bytes(pages) / 1e6;
  const gc = (globalThis as { gc?: () => void }).gc;
  const times = PARSERS.map(() => [] as number[]);
  let sink = 0;
  // Interleaved, like the Chromium figures.
  for (let round = 0; round < warmUps + runs; round++) {
    for (const [i, parser] of PARSERS.entries()) {
      gc?.();
      const start = performance.now();
      for (const page of pages) sink += storageToMarkdown(page, parser.options).markdown.length;
      if (round >= warmUps) times[i]!.push(performance.now() - start);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  return PARSERS.map((parser, i) => ({ parser: parser.name, megabytes: size, mbPerSecond: size / (median(times[i]!) / 1000) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { parser, megabytes, mbPerSecond } of benchStorageToMarkdown()) {
    console.log(`storage → Markdown (${parser}, Node): ${megabytes.toFixed(2)} MB, ${mbPerSecond.toFixed(2)} MB/s`);
  }
}
