// Throughput of the storage converter in Node with xmldom: every shared storage sample, 20
// times, parse included. Printed, never asserted. The figure that matters is measured in real
// Chromium with its native DOMParser (issue 9, §6); this one only compares runs on one machine.
// Alone: `npx tsx lib/features/export/storage-to-markdown.bench.ts`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { storageToMarkdown } from './storage-to-markdown';
import { parseXml, readSample, sampleNames } from './testing/samples';

export function benchStorageToMarkdown(rounds = 20): { megabytes: number; seconds: number; mbPerSecond: number } {
  const pages = sampleNames('storage').map((name) => readSample('storage', name));
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page, 'utf8'), 0);
  for (const page of pages) storageToMarkdown(page, { parseXml }); // warm up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const page of pages) storageToMarkdown(page, { parseXml });
  const seconds = (performance.now() - start) / 1000;
  const megabytes = (bytes * rounds) / 1e6;
  return { megabytes, seconds, mbPerSecond: megabytes / seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { megabytes, seconds, mbPerSecond } = benchStorageToMarkdown();
  console.log(`storage → Markdown (xmldom, Node): ${megabytes.toFixed(2)} MB in ${seconds.toFixed(2)} s = ${mbPerSecond.toFixed(2)} MB/s`);
}
