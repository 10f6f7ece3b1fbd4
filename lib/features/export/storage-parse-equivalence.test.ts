// The fast storage parser and the XML path (xmldom here, the browser's DOMParser in
// tests/bench/export-conversion.ts) give the same conversion: every shared sample, generated
// documents covering the walk's constructs, and samples with one random edit. The fixtures of
// storage-to-markdown.test.ts and storage-samples.test.ts go through both paths as well.
import { describe, expect, it } from 'vitest';
import { storageToMarkdown, type StorageToMarkdownOptions } from './storage-to-markdown';
import { parseXml, readSample, sampleNames } from './testing/samples';

const OPTIONS: StorageToMarkdownOptions = {
  siteUrl: 'https://example.atlassian.net',
  spaceKey: 'S',
  pageUrl: 'https://example.atlassian.net/wiki/spaces/S/pages/1',
};

const fast = (storage: string) => storageToMarkdown(storage, OPTIONS);
const xml = (storage: string) => storageToMarkdown(storage, { ...OPTIONS, parseXml });

/** A small deterministic generator (the tests must not change between runs). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('every shared storage sample', () => {
  it.each(sampleNames('storage'))('%s: identical result from both parsers', (name) => {
    const storage = readSample('storage', name);
    expect(fast(storage)).toEqual(xml(storage));
    expect(storageToMarkdown(storage)).toEqual(storageToMarkdown(storage, { parseXml }));
  });
});

// Text that exercises escaping, whitespace collapsing and entities at node edges.
const TEXTS = ['a', 'b c', ' ', '  ', '\n  ', '\t', '1.0', '27 Mar', '# x', '- y', '1. z', '*', '_x_', 'snake_case', '`', '|', '\\',
  '[a]', '![b]', '&amp;', '&lt;tag&gt;', '&nbsp;', '&copy;', 'R&D', '&bogus;', '~', '>', '===', '+ p', '&#160;', 'é', '😀', '\u00a0'];

function generator(seed: number) {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const many = (max: number, make: () => string) => Array.from({ length: Math.floor(rnd() * (max + 1)) }, make).join('');
  const text = () => many(3, () => pick(TEXTS)) || 'x';
  const inline = (depth: number): string => {
    if (depth > 4 || rnd() < 0.35) return text();
    const kids = () => many(2, () => inline(depth + 1));
    switch (pick(['strong', 'em', 's', 'u', 'code', 'sup', 'span', 'br', 'a', 'link', 'emoticon', 'status', 'jira', 'image', 'unknown', 'p'])) {
      case 'br': return '<br/>';
      case 'a': return `<a href="${pick(['https://e.com/a b', 'javascript:x', '', 'x)'])}">${kids()}</a>`;
      case 'link':
        return `<ac:link${rnd() < 0.3 ? ' ac:anchor="Sec 1"' : ''}>${pick(['<ri:page ri:content-title="P (1)"/>', '<ri:attachment ri:filename="a b.png"/>', '<ri:user ri:account-id="u1"/>', '<ri:url ri:value="https://x.y"/>', ''])}` +
          `${rnd() < 0.5 ? `<ac:link-body>${kids()}</ac:link-body>` : '<ac:plain-text-link-body><![CDATA[ t ]]></ac:plain-text-link-body>'}</ac:link>`;
      case 'emoticon': return '<ac:emoticon ac:name="tick"/>';
      case 'status': return `<ac:structured-macro ac:name="status"><ac:parameter ac:name="title">${text()}</ac:parameter><ac:parameter ac:name="colour">Green</ac:parameter></ac:structured-macro>`;
      case 'jira': return '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">AB-1</ac:parameter></ac:structured-macro>';
      case 'image': return `<ac:image ac:alt="x"><ri:attachment ri:filename="i.png"/>${rnd() < 0.5 ? `<ac:caption>${kids()}</ac:caption>` : ''}</ac:image>`;
      case 'unknown': return `<foo-bar>${kids()}</foo-bar>`;
      case 'span': return `<span style="${pick(['', 'text-decoration: line-through', 'color: red'])}">${kids()}</span>`;
      case 'p': return `<p>${kids()}</p>`;
      default: {
        const tag = pick(['strong', 'em', 's', 'u', 'code', 'sup']);
        return `<${tag}>${kids()}</${tag}>`;
      }
    }
  };
  const inlines = (depth: number) => many(4, () => inline(depth));
  const block = (depth: number): string => {
    if (depth > 3 || rnd() < 0.3) return `<p>${inlines(depth)}</p>`;
    const blocks = () => many(2, () => block(depth + 1));
    const cell = (tag: string) => `<${tag}${rnd() < 0.2 ? ' colspan="2"' : ''}>${rnd() < 0.6 ? inlines(depth) : blocks()}</${tag}>`;
    switch (pick(['h', 'ul', 'ol', 'table', 'quote', 'pre', 'hr', 'code', 'panel', 'expand', 'task', 'layout', 'macro', 'div', 'toc'])) {
      case 'h': {
        const level = 1 + Math.floor(rnd() * 6);
        return `<h${level}>${inlines(depth)}</h${level}>`;
      }
      case 'ul': return `<ul>${many(3, () => `<li>${rnd() < 0.5 ? inlines(depth) : blocks()}</li>`)}</ul>`;
      case 'ol': return `<ol>${many(3, () => `<li>${rnd() < 0.5 ? inlines(depth) : blocks()}</li>`)}</ol>`;
      case 'table': return `<table><tbody>${many(3, () => `<tr>${cell(rnd() < 0.3 ? 'th' : 'td')}${cell('td')}</tr>`)}</tbody></table>`;
      case 'quote': return `<blockquote>${blocks()}</blockquote>`;
      case 'pre': return `<pre>${text()}<br/>${text()}</pre>`;
      case 'hr': return '<hr/>';
      case 'code':
        return `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">${pick(['c#', '', 'js'])}</ac:parameter>` +
          `<ac:plain-text-body><![CDATA[${pick(['a\n```\nb', 'x', '', 'y\n', '\r\nz', '~~~', 'a --> b'])}]]></ac:plain-text-body></ac:structured-macro>`;
      case 'panel': return `<ac:structured-macro ac:name="${pick(['info', 'note', 'tip', 'warning', 'panel'])}"><ac:parameter ac:name="title">${text()}</ac:parameter><ac:rich-text-body>${blocks()}</ac:rich-text-body></ac:structured-macro>`;
      case 'expand': return `<ac:structured-macro ac:name="expand"><ac:rich-text-body>${blocks()}</ac:rich-text-body></ac:structured-macro>`;
      case 'task': return `<ac:task-list><ac:task><ac:task-status>${pick(['complete', 'incomplete'])}</ac:task-status><ac:task-body>${inlines(depth)}</ac:task-body></ac:task></ac:task-list>`;
      case 'layout': return `<ac:layout><ac:layout-section><ac:layout-cell>${blocks()}</ac:layout-cell><ac:layout-cell>${blocks()}</ac:layout-cell></ac:layout-section></ac:layout>`;
      case 'macro': return `<ac:structured-macro ac:name="drawio"><ac:parameter ac:name="x">1</ac:parameter>${rnd() < 0.5 ? `<ac:rich-text-body>${blocks()}</ac:rich-text-body>` : ''}</ac:structured-macro>`;
      case 'div': return `<div>${blocks()}${inlines(depth)}</div>`;
      default: return '<ac:structured-macro ac:name="toc"/>';
    }
  };
  return () => Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => block(0)).join('');
}

describe('generated documents', () => {
  it('give identical results from both parsers (600 documents)', () => {
    const next = generator(20_240_601);
    for (let i = 0; i < 600; i++) {
      const storage = next();
      expect(fast(storage), storage).toEqual(xml(storage));
    }
  });
});

// Edits that make a body malformed, or not quite: the parsers must agree wherever both accept.
const EDITS = ['<', '>', '&', '"', "'", '/', ']]>', '--', '=', ' ', ':', 'x', '&nbsp;', '&#x41;', '<!--', '-->', '<![CDATA[', '<?x ?>', '</p>',
  '<p>', '<br/>', '\r\n', '\t', '&foo;', ' q:a="1"', ' a', "='v'", '\u00a0', 'é'];

const outcome = (convert: () => unknown): string => {
  try {
    return JSON.stringify(convert());
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return 'error';
  }
};

describe('samples with one random edit', () => {
  it('give identical results wherever both parsers accept them (1,500 edits)', () => {
    const rnd = random(7);
    const samples = sampleNames('storage').map((name) => readSample('storage', name));
    let accepted = 0;
    for (let i = 0; i < 1500; i++) {
      const sample = samples[Math.floor(rnd() * samples.length)] as string;
      const at = Math.floor(rnd() * sample.length);
      const storage =
        rnd() < 0.3 ? sample.slice(0, at) + sample.slice(at + 1 + Math.floor(rnd() * 3)) : sample.slice(0, at) + EDITS[Math.floor(rnd() * EDITS.length)] + sample.slice(at);
      const a = outcome(() => fast(storage));
      const b = outcome(() => xml(storage));
      if (a === 'error' || b === 'error') continue;
      accepted++;
      expect(a, storage).toBe(b);
    }
    // Enough edits keep the body well-formed for this to mean something.
    expect(accepted).toBeGreaterThan(400);
  });
});

describe('malformed bodies, through the converter', () => {
  it('throw an Error saying the storage is not well-formed, with where', () => {
    expect(() => fast('<p><strong>x</p>')).toThrow(/^The page's storage format is not well-formed XML: end tag <\/p> does not match <strong> at line 1, column 13$/);
    expect(() => xml('<p><strong>x</p>')).toThrow();
  });

  it('nested deeper than the walk can recurse: a clear Error, not a stack overflow', () => {
    // The fast parser stops at Chromium's 5,000 levels; xmldom does not, so the walk meets this.
    const deep = `${'<ul><li>'.repeat(25_000)}x${'</li></ul>'.repeat(25_000)}`;
    expect(() => xml(deep)).toThrow('The page nests its content too deeply to convert to Markdown.');
    expect(() => fast(deep)).toThrow(/excessive node nesting/);
  });
});
