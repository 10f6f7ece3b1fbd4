// Every shared rendered-HTML sample (real pages, ../shared/confluence-samples/rendered-html)
// through the sanitizer: what must never be in the output, what must stay, and stability.
import { describe, expect, it } from 'vitest';
import { readSample, sampleNames } from '../testing/samples';
import { sanitizeExportView, type SanitizedHtml } from './sanitize-export-view';
import { testDom } from './testing';
import { outputViolation } from './verify-output';

const dom = testDom();
const names = sampleNames('rendered-html').filter((n) => n.endsWith('.html'));

/** The site each sample came from (its absolute links say so); relative URLs resolve there. */
function siteOf(name: string): string {
  if (name.startsWith('jenkins-')) return 'https://wiki.jenkins.io';
  if (name.startsWith('meridius-')) return 'https://confluence.example.cz';
  return 'https://varlab-dev.atlassian.net';
}

const results = new Map<string, SanitizedHtml>();
function sanitized(name: string): SanitizedHtml {
  let result = results.get(name);
  if (!result) {
    result = sanitizeExportView(readSample('rendered-html', name), dom, { siteUrl: siteOf(name), resolveImage: () => undefined });
    results.set(name, result);
  }
  return result;
}

function parse(html: string): Document {
  return dom.parser.parseFromString(html, 'text/html');
}

/** What the input shows, read from the input itself with the same inert parser. */
function input(name: string): Document {
  return parse(readSample('rendered-html', name));
}

function cells(doc: Document): string[] {
  return Array.from(doc.body.querySelectorAll('td, th')).map((c) => `${c.localName} ${c.getAttribute('colspan') ?? 1}x${c.getAttribute('rowspan') ?? 1}`);
}

it('reads all twelve samples', () => {
  expect(names).toHaveLength(12);
});

describe.each(names)('%s', (name) => {
  it('holds nothing that runs or loads', () => {
    const { html } = sanitized(name);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/<(?:iframe|link|style|meta|base|object|embed|form|input)\b/i);
    expect(outputViolation(html, dom.parser)).toBeUndefined();
    expect(parse(html).querySelectorAll('img')).toHaveLength(0); // no image was resolved
  });

  it('has only absolute http(s), mailto, tel or fragment links, all noopener noreferrer', () => {
    const links = Array.from(parse(sanitized(name).html).querySelectorAll('a'));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const href = a.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(?:https?:\/\/[^/]|mailto:|tel:|#)/);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('is stable: parsing and serializing again, or sanitizing again, changes nothing', () => {
    const { html } = sanitized(name);
    expect(parse(html).body.innerHTML).toBe(html);
    const again = sanitizeExportView(html, dom, { siteUrl: siteOf(name), resolveImage: () => undefined });
    expect(again.html).toBe(html);
    expect(again.removed).toEqual({ scripts: 0, handlers: 0, remote: 0, forms: 0, iframes: 0 });
  });

  it('keeps every code block byte-exact, every merged cell, every heading id', () => {
    const before = input(name);
    const after = parse(sanitized(name).html);
    expect(Array.from(after.querySelectorAll('pre')).map((p) => p.textContent)).toEqual(Array.from(before.querySelectorAll('pre')).map((p) => p.textContent));
    expect(cells(after)).toEqual(cells(before));
    const ids = (doc: Document) => Array.from(doc.body.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')).map((h) => h.id);
    expect(ids(after)).toEqual(ids(before));
  });

  it('keeps mentions, status lozenges, task states and expands', () => {
    const before = input(name);
    const after = parse(sanitized(name).html);
    const texts = (doc: Document, selector: string) => Array.from(doc.querySelectorAll(selector)).map((e) => e.textContent?.trim());
    expect(texts(after, 'a.user-mention')).toEqual(texts(before, 'a.user-mention'));
    expect(texts(after, '.status-macro')).toEqual(texts(before, '.status-macro'));
    expect(after.querySelectorAll('ul.inline-task-list > li.checked')).toHaveLength(before.querySelectorAll('ul.inline-task-list > li.checked').length);
    expect(after.querySelectorAll('details.expand-container[open] > summary')).toHaveLength(before.querySelectorAll('div.expand-container').length);
  });

  it('counts what it removed: the stylesheet link and every content image left out', () => {
    const { removed } = sanitized(name);
    const doc = input(name);
    // Whole-document samples link a stylesheet from <head>; expand arrows go with the expand.
    const expected = doc.querySelectorAll('link[href]').length + doc.querySelectorAll('img:not(.emoticon):not(.expand-control-image)').length;
    expect(removed.remote).toBe(expected);
    expect(removed.scripts + removed.handlers + removed.forms + removed.iframes).toBe(0);
  });
});

describe('content checks on particular samples', () => {
  it('dlx-bulldozer: the C# code survives byte-exact, quotes and braces included', () => {
    const pre = parse(sanitized('dlx-bulldozer-analytics-code-layout.html').html).querySelector('pre.syntaxhighlighter-pre')!;
    expect(pre.textContent).toContain('SegmentCompleteContainer data = new SegmentCompleteContainer("InspectionsComplete", numInspectionsCompleted);');
    expect(pre.textContent!.startsWith('using System.Collections;\nusing System.Collections.Generic;\n')).toBe(true);
  });

  it('dlx-gr-test-report: colspan=3 cells stay, text colours from <style> are inline, Jira issues keep key and status', () => {
    const doc = parse(sanitized('dlx-gr-test-report-jira-status-mentions.html').html);
    expect(doc.querySelectorAll('td[colspan="3"]').length).toBeGreaterThan(0);
    expect(doc.querySelector('span[style="color: #00b8d9"]')).not.toBeNull();
    const issue = doc.querySelector('.confluence-jim-macro')!;
    expect(issue.querySelector('a.jira-issue-key')!.getAttribute('href')).toBe('https://varlab-dev.atlassian.net/browse/RT-504');
    expect(issue.querySelector('a.jira-issue-key')!.textContent).toBe('RT-504');
    expect(issue.querySelector('.aui-lozenge')!.textContent).toBe('Done');
  });

  it('dlx-usability-testing: rowspan cells stay', () => {
    const doc = parse(sanitized('dlx-usability-testing-tasks-blockquote.html').html);
    expect(doc.querySelectorAll('[rowspan]').length).toBe(input('dlx-usability-testing-tasks-blockquote.html').querySelectorAll('[rowspan]').length);
    expect(doc.querySelectorAll('[rowspan]').length).toBeGreaterThan(0);
  });

  it('dlx-decision-list: emoticons are emoji text, images are named links to the attachment', () => {
    const doc = parse(sanitized('dlx-decision-list-emoticons.html').html);
    expect(doc.body.textContent).toContain('👍');
    const missing = Array.from(doc.querySelectorAll('a.export-image-missing'));
    expect(missing.map((a) => a.textContent)).toContain('Assets.png');
    expect(missing.find((a) => a.textContent === 'Assets.png')!.getAttribute('href')).toBe('https://varlab-dev.atlassian.net/attachments/1751580684/1753219118.png');
  });

  it('dlx-anchor-links: every in-page link still finds its target', () => {
    const doc = parse(sanitized('dlx-anchor-links-info-note.html').html);
    const targets = Array.from(doc.querySelectorAll('a[href^="#"]')).map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)));
    expect(targets.length).toBeGreaterThan(10);
    for (const id of targets) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it('dlx-ux-design: the custom-emoji stand-ins (blue-star) become their real emoji', () => {
    const text = parse(sanitized('dlx-ux-design-documentation.html').html).body.textContent!;
    expect(text).toContain('🎮');
    expect(text).not.toContain('(blue star)');
  });

  it('meridius (Server 2016): Czech text and the code panel survive', () => {
    const doc = parse(sanitized('meridius-server-export-code-panel.html').html);
    expect(doc.querySelector('pre')!.textContent).toBe('webClient.security.interceptUrl.access.timeline=permitAll\nwebClient.timeline.access.authenticatedOnly=false');
    expect(doc.body.textContent).toContain('nastartujete Tomcata');
  });

  it('jenkins (a bare body fragment): external badge images become text inside their links', () => {
    const doc = parse(sanitized('jenkins-wiki-chatwork-plugin-view.html').html);
    const badge = doc.querySelector('a[href="https://wiki.jenkins-ci.org/display/JENKINS/ChatWork+Plugin"] .export-image-missing');
    expect(badge?.textContent).toBe('chatwork.svg');
  });
});
