/**
 * Markdown conversion throughput in real Chromium (issue 9, §6), side by side in one run:
 *
 * - ours: this project's storage → Markdown converter on the shared storage samples, with its
 *   own storage parser (the default) and, for comparison, with the page's native DOMParser;
 * - Turndown + GFM plugin on the shared rendered-HTML samples (what HTML-based exporters do);
 * - Turndown + GFM plugin on the storage samples parsed as HTML (what storage-based tools do).
 *
 * Each corpus is its samples repeated to about 5 MB (UTF-8); every page is converted separately,
 * parse included, in one headless Chromium page. Warm-up runs first, then the median of several
 * timed runs, the variants interleaved so a slower stretch of the machine weighs on all alike.
 * Printed, never asserted (see run.ts). The converter and Turndown are bundled for the page with
 * esbuild (tsx's own). The same figure for ours in Node follows.
 *
 * Environment: CTC_BENCH_CONVERSION_RUNS (default 7), CTC_BENCH_CONVERSION_MB (default 5).
 * Alone: `node --expose-gc --import tsx tests/bench/export-conversion.ts`.
 */
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { benchStorageToMarkdown, repeatToBytes, utf8Bytes } from '../../lib/features/export/storage-to-markdown.bench';
import { readSample, sampleNames } from '../../lib/features/export/testing/samples';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { PROJECT_ROOT } from '../support/extension-build';
import { ChromiumNotFoundError, findChromium } from '../support/find-chromium';

/** Goal: ours at least this many times Turndown's throughput; printed, never asserted. */
const RATIO_GOAL = 2;
const WARM_UPS = 2;

/** The same options as the shared-sample tests, so links and placeholders take their full path. */
const OURS_OPTIONS = {
  siteUrl: 'https://example.atlassian.net',
  spaceKey: 'S',
  pageUrl: 'https://example.atlassian.net/wiki/spaces/S/pages/1',
};

// The page's script: the converter and Turndown, nothing else. Turndown's package maps itself
// to its browser build (which parses with the page's DOMParser) for platform 'browser'.
const PAGE_ENTRY = `
import { storageToMarkdown } from './lib/features/export/storage-to-markdown';
import { browserParseXml } from './lib/features/export/storage-xml';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
const options = ${JSON.stringify(OURS_OPTIONS)};
const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
turndown.use(gfm);
globalThis.__exportBench = {
  ours: (storage) => storageToMarkdown(storage, options).markdown,
  oursDomParser: (storage) => storageToMarkdown(storage, { ...options, parseXml: browserParseXml }).markdown,
  turndown: (html) => turndown.turndown(html),
};
`;

type Converter = 'ours' | 'oursDomParser' | 'turndown';
type CorpusName = 'storage' | 'rendered-html';

interface BenchWindow {
  __exportBench: Record<Converter, (text: string) => string>;
  __corpora: Record<CorpusName, string[]>;
  __sink: number;
  gc?: () => void;
}

interface Variant {
  label: string;
  converter: Converter;
  corpus: CorpusName;
}

const VARIANTS: readonly Variant[] = [
  { label: 'ours: storage → Markdown (own parser)', converter: 'ours', corpus: 'storage' },
  { label: 'ours: storage → Markdown (DOMParser XML)', converter: 'oursDomParser', corpus: 'storage' },
  { label: 'Turndown+GFM: rendered HTML → Markdown', converter: 'turndown', corpus: 'rendered-html' },
  { label: 'Turndown+GFM: storage parsed as HTML', converter: 'turndown', corpus: 'storage' },
];

async function bundlePageScript(): Promise<string> {
  const result = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: PROJECT_ROOT, sourcefile: 'export-bench-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for the conversion benchmark.');
  return file.text;
}

/** Runs in the page: one pass over a corpus, every page converted on its own; ms. */
function timeOnePass(args: { converter: Converter; corpus: CorpusName }): number {
  const w = window as unknown as BenchWindow;
  const convert = w.__exportBench[args.converter];
  const pages = w.__corpora[args.corpus];
  // Garbage left by the previous variant is not this one's cost; its own garbage is.
  w.gc?.();
  let chars = 0;
  const start = performance.now();
  for (const page of pages) chars += convert(page).length;
  const ms = performance.now() - start;
  w.__sink = chars; // keeps the results observable, so no work can be skipped
  return ms;
}

/** Runs in the page: ours with its own parser against ours with DOMParser, page by page. */
function compareParsers(samples: string[]): { identical: number; differing: number[] } {
  const w = window as unknown as BenchWindow;
  const differing: number[] = [];
  samples.forEach((sample, i) => {
    if (w.__exportBench.ours(sample) !== w.__exportBench.oursDomParser(sample)) differing.push(i);
  });
  return { identical: samples.length - differing.length, differing };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function readCorpus(folder: CorpusName): string[] {
  return sampleNames(folder).map((name) => readSample(folder, name));
}

async function measureInChromium(page: Page, label: (name: string) => string, runs: number, megabytes: number): Promise<void> {
  const samples = { storage: readCorpus('storage'), 'rendered-html': readCorpus('rendered-html') };
  const corpora = {
    storage: repeatToBytes(samples.storage, megabytes * 1e6),
    'rendered-html': repeatToBytes(samples['rendered-html'], megabytes * 1e6),
  };
  const bytes = { storage: utf8Bytes(corpora.storage), 'rendered-html': utf8Bytes(corpora['rendered-html']) };
  await page.evaluate((c) => {
    (window as unknown as BenchWindow).__corpora = c;
  }, corpora);

  const check = await page.evaluate(compareParsers, samples.storage);
  const names = sampleNames('storage');
  console.log(
    `${label('ours in Chromium: own parser vs DOMParser')} ${check.identical}/${samples.storage.length} samples give identical Markdown` +
      (check.differing.length ? ` (differ: ${check.differing.map((i) => names[i]).join(', ')})` : ''),
  );

  const times = VARIANTS.map(() => [] as number[]);
  for (let round = 0; round < WARM_UPS + runs; round++) {
    for (const [i, v] of VARIANTS.entries()) {
      const ms = await page.evaluate(timeOnePass, { converter: v.converter, corpus: v.corpus });
      if (round >= WARM_UPS) times[i]!.push(ms);
    }
  }
  const rate = (i: number, ms: number) => bytes[VARIANTS[i]!.corpus] / 1e6 / (ms / 1000);
  const mbPerSecond = VARIANTS.map((_, i) => rate(i, median(times[i]!)));
  for (const [i, v] of VARIANTS.entries()) {
    const ms = times[i]!;
    console.log(
      `${label(v.label)} ${mbPerSecond[i]!.toFixed(2).padStart(10)} MB/s  ` +
        `(${(bytes[v.corpus] / 1e6).toFixed(2)} MB in ${corpora[v.corpus].length} pages; median of ${runs} runs ${median(ms).toFixed(0)} ms, ` +
        `min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)})`,
    );
  }
  // Ratios per round, then their median: the variants of one round ran side by side, so a busy
  // stretch of the machine slows both sides of a ratio alike.
  const ratio = (a: number, b: number) => median(times[a]!.map((ms, r) => rate(a, ms) / rate(b, times[b]![r]!)));
  const ratios = [
    { name: 'ours ÷ Turndown on rendered HTML', value: ratio(0, 2) },
    { name: 'ours ÷ Turndown on storage as HTML', value: ratio(0, 3) },
  ];
  for (const { name, value } of ratios) console.log(`${label(name)} ${value.toFixed(2).padStart(10)}×`);
  console.log(`${label('ours with DOMParser ÷ Turndown on rendered HTML')} ${ratio(1, 2).toFixed(2).padStart(10)}×  (the XML path, for comparison)`);
  const met = ratios.every(({ value }) => value >= RATIO_GOAL);
  console.log(`${label(`goal: ours ≥ ${RATIO_GOAL}× Turndown on both corpora`)} ${(met ? 'met' : 'not met').padStart(10)}`);
}

export async function benchExportConversion(label: (name: string) => string): Promise<void> {
  const runs = Math.max(1, Number(process.env.CTC_BENCH_CONVERSION_RUNS) || 7);
  const megabytes = Math.max(0.1, Number(process.env.CTC_BENCH_CONVERSION_MB) || 5);
  let chromiumPath: string | undefined;
  try {
    chromiumPath = findChromium().path;
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError)) throw error;
    console.log(`${label('Markdown conversion in Chromium')} skipped: ${error.message}`);
  }
  if (chromiumPath) {
    const script = await bundlePageScript();
    // The e2e switches (no background traffic on this closed network), minus the extension:
    // this page needs none, and every host name resolves nowhere.
    const args = chromiumExtensionArgs({ extensionDir: '', hostResolverRules: 'MAP * ~NOTFOUND' }).filter(
      (arg) => !arg.startsWith('--disable-extensions-except=') && !arg.startsWith('--load-extension='),
    );
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...args, '--js-flags=--expose-gc'] });
    try {
      console.log(`${label('Markdown conversion in')} Chromium ${browser.version()}, headless (${WARM_UPS} warm-up runs, median of ${runs})`);
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>conversion bench</title></head><body></body></html>');
      await page.addScriptTag({ content: script });
      await measureInChromium(page, label, runs, megabytes);
    } finally {
      await browser.close();
    }
  }
  const node = benchStorageToMarkdown({ megabytes, runs });
  for (const figure of node) {
    console.log(`${label(`ours in Node: ${figure.parser}`)} ${figure.mbPerSecond.toFixed(2).padStart(10)} MB/s  (${figure.megabytes.toFixed(2)} MB; median of ${runs})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchExportConversion((name) => name.padEnd(52));
}
