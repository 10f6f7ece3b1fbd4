import { describe, expect, it } from 'vitest';
import { readSample } from '../testing/samples';
import { sanitizeExportView } from './sanitize-export-view';
import { STANDALONE_CSP, standaloneHtml, type StandaloneInput } from './standalone-html';
import { testDom } from './testing';

const dom = testDom();
const input: StandaloneInput = {
  title: 'Release <notes> & "plans"',
  bodyHtml: '<p>Body <a href="https://example.com/x" rel="noopener noreferrer">link</a></p>',
  facts: [
    ['Space', 'ENG'],
    ['Version', '7'],
    ['Author', 'Ada <admin>'],
  ],
  sourceUrl: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1/Release',
};

function parse(html: string): Document {
  return dom.parser.parseFromString(html, 'text/html');
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('standaloneHtml', () => {
  const html = standaloneHtml(input);
  const doc = parse(html);

  it('is a complete HTML5 document: doctype, charset first, CSP before anything that loads', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html>')).toBe(true);
    const head = Array.from(doc.head.children);
    expect(head[0]!.outerHTML).toBe('<meta charset="utf-8">');
    expect(head[1]!.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(head[1]!.getAttribute('content')).toBe(STANDALONE_CSP);
    expect(head.findIndex((e) => e.localName === 'style')).toBeGreaterThan(1);
  });

  it('has a policy under which nothing remote loads and nothing runs', () => {
    const policy = directives(STANDALONE_CSP);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false); // falls back to 'none'
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    for (const values of policy.values()) {
      for (const v of values) expect(v).not.toMatch(/^(?:\*|https?:|http|wss?:)/);
    }
  });

  it('escapes the title and the facts, and links the source', () => {
    expect(doc.title).toBe('Release <notes> & "plans"');
    expect(doc.querySelector('h1')!.textContent).toBe('Release <notes> & "plans"');
    expect(html).not.toContain('<notes>');
    expect(html).not.toContain('<admin>');
    const facts = Array.from(doc.querySelectorAll('.export-facts dt')).map((dt) => `${dt.textContent}=${dt.nextElementSibling!.textContent}`);
    expect(facts).toEqual(['Space=ENG', 'Version=7', 'Author=Ada <admin>', `Source=${input.sourceUrl}`]);
    const source = doc.querySelector('.export-facts a')!;
    expect(source.getAttribute('href')).toBe(input.sourceUrl);
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('does not link a source that is not http(s)', () => {
    const out = parse(standaloneHtml({ ...input, sourceUrl: 'javascript:alert(1)' }));
    expect(out.querySelector('.export-facts a')).toBeNull();
    expect(out.querySelector('.export-facts')!.textContent).toContain('javascript:alert(1)');
  });

  it('puts the body in <main> as given', () => {
    expect(doc.querySelector('main.wiki-content')!.innerHTML.trim()).toBe(input.bodyHtml);
  });

  it('contains no script and no remote reference outside the body', () => {
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    const outside = html.replace(input.bodyHtml, '').replaceAll(input.sourceUrl, '');
    expect(outside).not.toMatch(/https?:\/\//);
    expect(outside).not.toMatch(/url\(|@import|@font-face/);
  });

  it('styles for reading on screen and for paper', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/max-width: 50em/);
    expect(css).toMatch(/font: [^;]*system-ui/);
    expect(css).toMatch(/pre \{[^}]*white-space: pre-wrap/);
    for (const cls of ['.confluence-information-macro-note', '.code.panel', 'details.expand-container', '.status-macro.aui-lozenge', 'ul.inline-task-list', '.columnLayout']) {
      expect(css).toContain(cls);
    }
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/body \{ max-width: none/);
    expect(print).toMatch(/break-inside: avoid/);
    expect(print).toMatch(/tr[, ][^{]*\{[^}]*break-inside: avoid/);
    expect(print).toMatch(/a\[href\^="http"\]:not\(\.export-bare-url\)[^{]*::after \{\s*content: " \(" attr\(href\) "\)"/);
  });

  it('has no print note outside the print view', () => {
    expect(doc.querySelector('.export-print-note')).toBeNull();
    expect(doc.documentElement.classList.contains('print-view')).toBe(false);
  });
});

describe('standaloneHtml, print view', () => {
  const html = standaloneHtml({ ...input, print: true });
  const doc = parse(html);

  it('is the same document with a visible note that print hides', () => {
    expect(doc.documentElement.classList.contains('print-view')).toBe(true);
    expect(doc.querySelector('.export-print-note')!.textContent).toBe("Use your browser's print dialog to save as PDF.");
    const css = doc.querySelector('style')!.textContent!;
    expect(css.slice(css.indexOf('@media print'))).toMatch(/\.export-print-note \{ display: none; \}/);
    expect(css).toMatch(/@media screen \{\s*html\.print-view/);
    expect(doc.querySelector('main')!.innerHTML.trim()).toBe(input.bodyHtml);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('a shared sample, sanitized, as a standalone page', () => {
  it('loads nothing but its own images and links nowhere it should not', () => {
    const page = sanitizeExportView(readSample('rendered-html', 'dlx-ux-design-documentation.html'), dom, {
      siteUrl: 'https://varlab-dev.atlassian.net',
      resolveImage: (_src, img) => (img.fileName ? `attachments/${encodeURIComponent(img.fileName)}` : undefined),
    });
    const doc = parse(standaloneHtml({ title: 'UX Design Documentation', bodyHtml: page.html, facts: [['Space', 'VAR']], sourceUrl: 'https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/824049665' }));
    const images = Array.from(doc.querySelectorAll('img'));
    expect(images.length).toBeGreaterThan(5);
    for (const img of images) expect(img.getAttribute('src')).toMatch(/^attachments\/[^/]+$/);
    expect(doc.querySelectorAll('script, iframe, link, base, object, embed, form')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('meta')).toHaveLength(4);
  });
});
