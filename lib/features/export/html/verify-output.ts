// A last check of the finished HTML, parsed again from the string: the string is what gets
// written to disk and parsed by a browser later, and mutation XSS lives exactly in the gap
// between a sanitized tree and the tree its serialization parses back into. Fails closed.
import { OUTPUT_ATTRIBUTES, OUTPUT_TAGS } from './purify-config';
import { filterStyle } from './style-filter';
import { isLocalImageSource, isRelativePath } from './url-policy';

const TAGS = new Set(OUTPUT_TAGS);
const ATTRIBUTES = new Set(OUTPUT_ATTRIBUTES);
const LINK = /^(?:https?:\/\/|mailto:|tel:|#)/i;

/** The first rule the HTML breaks, or undefined when it keeps them all. */
export function outputViolation(html: string, parser: DOMParser): string | undefined {
  const doc = parser.parseFromString(html, 'text/html');
  // Anything the parser puts in <head> (<meta>, <base>, <style>, <link>) came out of the body.
  if (doc.head.childNodes.length > 0) return `<${doc.head.firstElementChild?.localName ?? '#text'}> in head`;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !TAGS.has(tag)) return `element <${tag}>`;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!ATTRIBUTES.has(name) && !name.startsWith('aria-')) return `attribute ${name} on <${tag}>`;
      if (name === 'style' && filterStyle(attr.value) !== attr.value) return `style ${JSON.stringify(attr.value)}`;
    }
    const href = el.getAttribute('href');
    if (href !== null && (tag !== 'a' || !(LINK.test(href) || isRelativePath(href)))) return `href ${JSON.stringify(href)} on <${tag}>`;
    const src = el.getAttribute('src');
    if (src !== null && (tag !== 'img' || !isLocalImageSource(src))) return `src ${JSON.stringify(src.slice(0, 80))} on <${tag}>`;
    if (tag === 'a' && el.getAttribute('rel') !== 'noopener noreferrer') return 'link without rel="noopener noreferrer"';
  }
  return undefined;
}

export function assertSafeOutput(html: string, parser: DOMParser): void {
  const violation = outputViolation(html, parser);
  if (violation) throw new Error(`Sanitized HTML failed its own check (${violation}); nothing was exported`);
}
