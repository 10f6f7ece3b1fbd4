// Test support only: a jsdom window, the DOMPurify instance made on it and its DOMParser,
// standing in for the Export page's own window.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

export type TestWindow = Window & typeof globalThis;

export interface TestDom {
  window: TestWindow;
  purify: DOMPurify;
  parser: DOMParser;
}

export function testDom(options: ConstructorParameters<typeof JSDOM>[1] = {}): TestDom {
  const window = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', options).window as unknown as TestWindow;
  return { window, purify: createDOMPurify(window), parser: new window.DOMParser() };
}
