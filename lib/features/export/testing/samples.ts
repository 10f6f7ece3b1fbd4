// Test support: an XML DOMParser for Node (the extension page uses the browser's own) and the
// shared Confluence samples, read in place from ../shared/confluence-samples (never copied).
import { DOMParser } from '@xmldom/xmldom';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseXml } from '../storage-xml';

export const SAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..', '../shared/confluence-samples');

/** xmldom, strict: a fatal error or an error (an undefined entity, say) fails the test. */
export const parseXml: ParseXml = (text) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`xmldom ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;

export function sampleNames(folder: 'storage' | 'adf' | 'rendered-html'): string[] {
  return readdirSync(join(SAMPLES_DIR, folder)).sort();
}

export function readSample(folder: 'storage' | 'adf' | 'rendered-html', name: string): string {
  return readFileSync(join(SAMPLES_DIR, folder, name), 'utf8');
}
