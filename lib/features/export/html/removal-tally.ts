// Counts what sanitizing removes, by kind, from the whole parsed input.
//
// Why over the whole document and not node by node in DOMPurify's element hook: DOMPurify
// drops some elements with everything inside them unseen (`<svg><script>`, `<noscript>`,
// `<template>`), and a fragment's leading `<meta>`, `<base>`, `<link>` or `<style>` is parsed
// into `<head>`, which DOMPurify never walks. Every kind counted here is always removed by the
// configuration, so "present in the input" is "removed".

export interface RemovedCounts {
  /** `<script>` elements and `javascript:`/`vbscript:` URLs. */
  scripts: number;
  /** `on*` event-handler attributes. */
  handlers: number;
  /**
   * Things that would load from elsewhere: `<link href>`, `<base href>`, `<meta http-equiv=refresh>`, media elements,
   * `srcset`, CSS `url()`/`@import`, and images not available locally (see images.ts).
   */
  remote: number;
  /** Form controls: `<form>`, `<input>`, `<button>`, `<select>`, `<textarea>`. */
  forms: number;
  /** Embedded browsing contexts and plug-ins: `<iframe>`, `<frame>`, `<object>`, `<embed>`. */
  iframes: number;
}

export function emptyCounts(): RemovedCounts {
  return { scripts: 0, handlers: 0, remote: 0, forms: 0, iframes: 0 };
}

const KIND_BY_TAG: Record<string, keyof RemovedCounts> = {
  script: 'scripts',
  video: 'remote',
  audio: 'remote',
  source: 'remote',
  track: 'remote',
  picture: 'remote',
  form: 'forms',
  input: 'forms',
  button: 'forms',
  select: 'forms',
  textarea: 'forms',
  iframe: 'iframes',
  frame: 'iframes',
  frameset: 'iframes',
  object: 'iframes',
  embed: 'iframes',
  applet: 'iframes',
  portal: 'iframes',
  fencedframe: 'iframes',
};

const REMOTE_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'background', 'poster', 'ping']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'codebase', 'cite', 'poster', 'background', 'data-image-src']);
const CSS_LOAD = /url\s*\(|@import|image-set\s*\(/i;

/** Browsers ignore spaces and control characters in a URL's scheme; so does this test. */
export function isScriptUrl(value: string): boolean {
  return /^(?:javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, ''));
}

/** Adds to `counts` what the document rooted at `root` holds of each removed kind. */
export function tallyRemovals(root: Element, counts: RemovedCounts): void {
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of elements) {
    const tag = el.localName.toLowerCase();
    const kind = KIND_BY_TAG[tag];
    if (kind) counts[kind]++;
    // A `<meta charset>` loads nothing; a refresh navigates, a base redirects every relative URL.
    if ((tag === 'link' || tag === 'base') && el.hasAttribute('href')) counts.remote++;
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) counts.remote++;
    if (tag === 'style' && CSS_LOAD.test(el.textContent ?? '')) counts.remote++;
    // svg `<use href>`/`<image href>` pointing anywhere but inside the document.
    if ((tag === 'use' || tag === 'image') && /^\s*[^#\s]/.test(el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '')) counts.remote++;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) counts.handlers++;
      else if (REMOTE_ATTRIBUTES.has(name)) counts.remote++;
      else if (name === 'style' && CSS_LOAD.test(attr.value)) counts.remote++;
      if (URL_ATTRIBUTES.has(name) && isScriptUrl(attr.value)) counts.scripts++;
    }
    // A template's content is a separate fragment the selector above does not reach.
    const content = (el as Partial<HTMLTemplateElement>).content;
    if (tag === 'template' && content) {
      for (const child of Array.from(content.children)) tallyRemovals(child, counts);
    }
  }
}
