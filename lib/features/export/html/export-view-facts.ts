// Facts the Markdown converter needs but storage lacks, read from the same page's rendered
// HTML (`body.export_view`): mention display names, page URLs, Jira issue summaries.
//
// Shapes, and where they are seen:
// - Cloud mention (dlx-gr-test-report-jira-status-mentions.html, dlx-large-feedback-tracking-te.html,
//   dlx-ux-design-documentation.html, dlx-usability-testing-tasks-blockquote.html):
//     <a class="confluence-userlink user-mention" data-account-id="712020:4bda…"
//        href="https://…/wiki/people/712020:4bda…?ref=confluence" data-linked-resource-type="userinfo"
//        data-base-url="https://…/wiki">User 67d51</a>
//   (some lack data-linked-resource-*; a deactivated user's name ends in " (Unlicensed)", kept as shown).
// - Server/Data Center mention: same classes with `data-username="jdoe"` (and on some versions
//   `data-userkey`) instead of data-account-id. No shared sample has it (the two Server samples
//   mention nobody); read on the strength of Confluence Server's renderer, untested on real pages.
// - Page link (dlx-usability-testing-tasks-blockquote.html):
//     <a href="https://…/wiki/spaces/VAR/pages/873988219/Code+of+Ethics" data-linked-resource-id="873988219"
//        data-linked-resource-type="page">…</a>
//   and plain links to `/wiki/spaces/<KEY>/pages/<id>/<Title+Slug>#anchor` (dlx-decision-list-emoticons.html),
//   `/wiki/spaces/<KEY>/pages/<id>` with no slug (dlx-large-feedback-tracking-te.html),
//   or `/display/<KEY>/<Title>` (Server; jenkins-wiki-chatwork-plugin-view.html links to another wiki so).
// - Jira issue macro (dlx-gr-test-report-jira-status-mentions.html, dlx-large-feedback-tracking-te.html):
//     <span class="confluence-jim-macro jira-issue resolved" data-jira-key="RT-504">
//       <a href="https://…/browse/RT-504" class="jira-issue-key"><img class="icon" …>RT-504</a> -
//       <span class="summary">…</span> <span class="aui-lozenge …">Done</span></span>
import type { PageRef, UserRef } from '../conversion';

export interface JiraIssueFact {
  url: string;
  summary?: string;
  status?: string;
}

export interface ExportViewFacts {
  /** Account id (Cloud), or username / user key (Server) → display name. */
  users: Map<string, string>;
  /** Page id, `Title` and `SPACEKEY:Title` → the page's absolute URL (no fragment). */
  pageLinks: Map<string, string>;
  /** Issue key → its link, summary and status as rendered. */
  jiraIssues: Map<string, JiraIssueFact>;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function absolute(href: string, base: string | undefined): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** The slug Confluence puts in page URLs: `Code+of+Ethics` → `Code of Ethics`. */
function titleFromSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.replace(/\+/g, ' '));
  } catch {
    return slug.replace(/\+/g, ' ');
  }
}

interface PageUrl {
  id?: string;
  spaceKey?: string;
  title?: string;
}

function pageFromUrl(url: URL): PageUrl | undefined {
  const cloud = /\/spaces\/([^/]+)\/pages\/(\d+)(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (cloud) return { spaceKey: titleFromSlug(cloud[1]!), id: cloud[2]!, ...(cloud[3] ? { title: titleFromSlug(cloud[3]) } : {}) };
  const display = /\/display\/([^/~][^/]*)\/([^/]+)\/?$/.exec(url.pathname);
  if (display) return { spaceKey: titleFromSlug(display[1]!), title: titleFromSlug(display[2]!) };
  const viewpage = url.pathname.endsWith('/pages/viewpage.action') ? url.searchParams.get('pageId') : null;
  return viewpage && /^\d+$/.test(viewpage) ? { id: viewpage } : undefined;
}

function setOnce(map: Map<string, string>, key: string | undefined, value: string): void {
  if (key && !map.has(key)) map.set(key, value);
}

/**
 * Reads the facts from export_view HTML with the given (inert) parser; `siteUrl` makes
 * relative links absolute and limits page links to that site (else each link's own
 * `data-base-url`, else links are taken as they are).
 */
export function readExportViewFacts(html: string, parser: DOMParser, siteUrl?: string): ExportViewFacts {
  const doc = parser.parseFromString(html, 'text/html');
  const facts: ExportViewFacts = { users: new Map(), pageLinks: new Map(), jiraIssues: new Map() };
  const site = siteUrl ? absolute(siteUrl, undefined) : undefined;

  for (const a of Array.from(doc.querySelectorAll('a.confluence-userlink, a.user-mention, a[data-linked-resource-type="userinfo"]'))) {
    const name = text(a).replace(/^@/, '');
    if (!name) continue;
    for (const attr of ['data-account-id', 'data-username', 'data-userkey', 'data-user-key']) {
      setOnce(facts.users, a.getAttribute(attr) ?? undefined, name);
    }
  }

  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (a.matches('.confluence-userlink, .user-mention, .createlink')) continue;
    const base = site?.href ?? a.getAttribute('data-base-url') ?? undefined;
    const url = absolute(a.getAttribute('href') ?? '', base);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) continue;
    if (site && url.origin !== site.origin) continue;
    const page = pageFromUrl(url) ?? {};
    if (a.getAttribute('data-linked-resource-type') === 'page') {
      page.id = a.getAttribute('data-linked-resource-id') || page.id;
      page.title = a.getAttribute('data-linked-resource-default-alias') || page.title;
    }
    if (!page.id && !page.title) continue;
    url.hash = '';
    setOnce(facts.pageLinks, page.id, url.href);
    setOnce(facts.pageLinks, page.title, url.href);
    if (page.spaceKey && page.title) setOnce(facts.pageLinks, `${page.spaceKey}:${page.title}`, url.href);
  }

  for (const macro of Array.from(doc.querySelectorAll('[data-jira-key]'))) {
    const key = macro.getAttribute('data-jira-key') ?? '';
    if (!key || facts.jiraIssues.has(key)) continue;
    const link = macro.querySelector('a.jira-issue-key[href], a[href]');
    const url = link ? absolute(link.getAttribute('href') ?? '', site?.href) : undefined;
    if (!url) continue;
    const issue: JiraIssueFact = { url: url.href };
    const summary = text(macro.querySelector('.summary'));
    const status = text(macro.querySelector('.aui-lozenge'));
    if (summary) issue.summary = summary;
    if (status) issue.status = status;
    facts.jiraIssues.set(key, issue);
  }
  return facts;
}

/** For the converters' `resolveUser`: the display name export_view showed for a mention. */
export function userResolver(facts: ExportViewFacts): (ref: UserRef) => string | undefined {
  return (ref) =>
    (ref.accountId && facts.users.get(ref.accountId)) ||
    (ref.userKey && facts.users.get(ref.userKey)) ||
    (ref.username && facts.users.get(ref.username)) ||
    undefined;
}

/**
 * For the converters' `resolvePageLink`: the page's URL as export_view linked it, with the
 * anchor as Confluence writes it (`#Heading`), when the page appeared there.
 */
export function pageLinkResolver(facts: ExportViewFacts): (ref: PageRef) => string | undefined {
  return (ref) => {
    const url = (ref.spaceKey && facts.pageLinks.get(`${ref.spaceKey}:${ref.title}`)) || facts.pageLinks.get(ref.title);
    if (!url) return undefined;
    return ref.anchor ? `${url}#${encodeURIComponent(ref.anchor.replace(/\s/g, '-'))}` : url;
  };
}
