// The page chrome of the simulator's HTML pages, a look-alike of Confluence Cloud (and Data
// Center): top navigation, the space sidebar with its page tree, breadcrumbs, byline, labels.
// Static HTML; the styles are in page-styles.ts. Nothing here carries `data-spa-link`: only the
// SPA demo's own links do (pages-html.ts), so tests can find those one by one.
import { userByKey, type ContentStore } from './content-store';
import { SIM_USERS, type SimContent, type SimSpace } from './fixtures';
import { escapeHtml } from './html-doc';

export type ChromeFlavor = 'cloud' | 'dc';

const SVG = (size: number, body: string, viewBox = '0 0 24 24') =>
  `<svg width="${size}" height="${size}" viewBox="${viewBox}" aria-hidden="true" focusable="false">${body}</svg>`;

const STROKE = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

export const ICONS = {
  appSwitcher: SVG(
    20,
    [4, 10, 16].flatMap((y) => [4, 10, 16].map((x) => `<rect x="${x}" y="${y}" width="4" height="4" rx="1" fill="currentColor"/>`)).join(''),
  ),
  sidebarToggle: SVG(20, `<rect x="3" y="4" width="18" height="16" rx="2" ${STROKE}/><path d="M9 4v16" ${STROKE}/>`),
  /** The Confluence mark: a blue tile with two swooshes. */
  confluence: SVG(
    24,
    '<rect width="24" height="24" rx="6" fill="#1868DB"/>' +
      '<path d="M5.5 16.2c2.9-3.9 5.9-4.4 9.2-2.5l3.6 2.1" fill="none" stroke="#FFFFFF" stroke-width="2.4" stroke-linecap="round"/>' +
      '<path d="M18.5 7.8c-2.9 3.9-5.9 4.4-9.2 2.5L5.7 8.2" fill="none" stroke="#FFFFFF" stroke-width="2.4" stroke-linecap="round"/>',
  ),
  jira: SVG(
    24,
    '<rect width="24" height="24" rx="6" fill="#1868DB"/><path d="M12 5l7 7-7 7-7-7z" fill="none" stroke="#FFFFFF" stroke-width="2.2" stroke-linejoin="round"/><path d="M12 9.5l2.5 2.5-2.5 2.5-2.5-2.5z" fill="#FFFFFF"/>',
  ),
  search: SVG(16, `<circle cx="11" cy="11" r="6.5" ${STROKE}/><path d="M16 16l4.5 4.5" ${STROKE}/>`),
  bell: SVG(20, `<path d="M6 10a6 6 0 0 1 12 0v4l1.5 2.5h-15L6 14z" ${STROKE}/><path d="M10 19.5a2 2 0 0 0 4 0" ${STROKE}/>`),
  help: SVG(20, `<circle cx="12" cy="12" r="9" ${STROKE}/><path d="M9.6 9.5a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.4" ${STROKE}/><circle cx="12" cy="17" r="1.1" fill="currentColor"/>`),
  gear: SVG(20, `<circle cx="12" cy="12" r="3" ${STROKE}/><circle cx="12" cy="12" r="7.5" fill="none" stroke="currentColor" stroke-width="3" stroke-dasharray="3.2 2.7"/>`),
  plus: SVG(16, `<path d="M12 5v14M5 12h14" ${STROKE}/>`),
  pencil: SVG(16, `<path d="M4 20l4-1 11-11-3-3L5 16z" ${STROKE}/>`),
  star: SVG(16, `<path d="M12 4l2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6z" ${STROKE}/>`),
  more: SVG(16, '<circle cx="5" cy="12" r="1.8" fill="currentColor"/><circle cx="12" cy="12" r="1.8" fill="currentColor"/><circle cx="19" cy="12" r="1.8" fill="currentColor"/>'),
  share: SVG(16, `<circle cx="6" cy="12" r="2.5" ${STROKE}/><circle cx="18" cy="6" r="2.5" ${STROKE}/><circle cx="18" cy="18" r="2.5" ${STROKE}/><path d="M8.3 11l7.4-3.8M8.3 13l7.4 3.8" ${STROKE}/>`),
  home: SVG(16, `<path d="M4 11l8-7 8 7v9h-5v-6H9v6H4z" ${STROKE}/>`),
  overview: SVG(16, `<rect x="4" y="4" width="16" height="16" rx="2" ${STROKE}/><path d="M8 9h8M8 13h8M8 17h5" ${STROKE}/>`),
  blog: SVG(16, `<path d="M5 19V5h14v14z" ${STROKE}/><path d="M8 9h8M8 13h5" ${STROKE}/><path d="M5 19l3-3" ${STROKE}/>`),
  clock: SVG(16, `<circle cx="12" cy="12" r="8.5" ${STROKE}/><path d="M12 7.5V12l3 2" ${STROKE}/>`),
  people: SVG(16, `<circle cx="9" cy="9" r="3.5" ${STROKE}/><path d="M3 20c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5" ${STROKE}/><path d="M16 5.8a3.3 3.3 0 0 1 0 6.4M18 14.8c2 .7 3 2.6 3 5.2" ${STROKE}/>`),
  label: SVG(16, `<path d="M3.5 12.5V4h8.5l8.5 8.5-8 8z" ${STROKE}/><circle cx="8" cy="8.5" r="1.4" fill="currentColor"/>`),
  like: SVG(16, `<path d="M7 11v9H4v-9zM7 11l4-7c1.4 0 2.3 1 2 2.4L12.4 10H19a1.6 1.6 0 0 1 1.6 1.9l-1.4 6.6A2 2 0 0 1 17.2 20H7" ${STROKE}/>`),
  lock: SVG(14, `<rect x="5" y="11" width="14" height="9" rx="2" ${STROKE}/><path d="M8 11V8a4 4 0 0 1 8 0v3" ${STROKE}/>`),
  page: SVG(16, `<path d="M6 3.5h8l4 4v13H6z" ${STROKE}/><path d="M14 3.5v4h4M9 12h6M9 16h6" ${STROKE}/>`),
  blogpost: SVG(16, `<path d="M5 19V5h14v14z" ${STROKE}/><path d="M8 9h8M8 13h5" ${STROKE}/>`),
  whiteboard: SVG(16, `<rect x="3.5" y="4.5" width="17" height="13" rx="2" ${STROKE}/><path d="M7 13c2-4 3.5-4 5-1.5s3 2.5 5-1.5M9 21l3-3.5 3 3.5" ${STROKE}/>`),
  database: SVG(16, `<rect x="3.5" y="4.5" width="17" height="15" rx="2" ${STROKE}/><path d="M3.5 9.5h17M3.5 14.5h17M9.5 9.5v10" ${STROKE}/>`),
  folder: SVG(16, `<path d="M3.5 6.5a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2v8.5a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" ${STROKE}/>`),
};

export function typeIcon(type: SimContent['type']): string {
  return `<span class="ctc-type-icon">${ICONS[type]}</span>`;
}

const SPACE_COLOURS = ['#1D7AFC', '#22A06B', '#E56910', '#8270DB', '#C9372C', '#2898BD', '#B38600'];

export function spaceAvatar(space: SimSpace): string {
  const colour = SPACE_COLOURS[[...space.key].reduce((n, ch) => n + ch.charCodeAt(0), 0) % SPACE_COLOURS.length]!;
  return `<span class="ctc-space-avatar" style="background:${colour}" aria-hidden="true">${escapeHtml(space.name.charAt(0).toUpperCase())}</span>`;
}

export function initials(displayName: string): string {
  const parts = displayName.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.charAt(0) ?? '?') + (parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '')).toUpperCase();
}

/** The user the pages show as signed in: the demo and the tests browse as Alice (Carol on DC). */
export function signedInUser(flavor: ChromeFlavor) {
  return flavor === 'dc' ? SIM_USERS.carol : SIM_USERS.alice;
}

export function avatar(displayName: string, small = false): string {
  return `<span class="ctc-avatar${small ? ' ctc-small' : ''}" title="${escapeHtml(displayName)}" aria-label="${escapeHtml(displayName)}">${escapeHtml(initials(displayName))}</span>`;
}

/** 'Jun 1, 2024' (Cloud) or 'Jun 01, 2024' (DC), in UTC so pages do not depend on the machine. */
export function formatDate(iso: string, flavor: ChromeFlavor = 'cloud'): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: flavor === 'dc' ? '2-digit' : 'numeric', year: 'numeric', timeZone: 'UTC' });
}

export interface TopNavOptions {
  flavor: ChromeFlavor;
  product: 'Confluence' | 'Jira';
  /** Shown next to the product: the site's name ('Acme'). */
  siteName?: string;
  /** Where the logo leads ('/wiki/home'). */
  homeHref: string;
}

export function topNav(o: TopNavOptions): string {
  const user = signedInUser(o.flavor);
  const logo = o.product === 'Jira' ? ICONS.jira : ICONS.confluence;
  const links =
    o.product === 'Jira'
      ? ['Your work', 'Projects', 'Filters', 'Dashboards']
      : o.flavor === 'dc'
        ? ['Spaces', 'People', 'Calendars']
        : ['Recent', 'Spaces', 'Templates'];
  const caret = (label: string) => (label === 'People' || label === 'Calendars' ? '' : '<span class="ctc-caret"></span>');
  const nav = links.map((l) => `<span class="ctc-nav-link">${escapeHtml(l)}${caret(l)}</span>`).join('');
  const cloudLeading = o.flavor === 'cloud' ? `<span class="ctc-icon-btn" title="Collapse sidebar">${ICONS.sidebarToggle}</span><span class="ctc-icon-btn" title="Switch apps">${ICONS.appSwitcher}</span>` : `<span class="ctc-icon-btn" title="Switch apps">${ICONS.appSwitcher}</span>`;
  return `<header id="ctc-topnav" class="ctc-topnav" role="banner">
  <div class="ctc-nav-left">
    ${cloudLeading}
    <a class="ctc-logo" href="${escapeHtml(o.homeHref)}">${logo}<span class="ctc-product">${o.product}</span></a>
    ${o.siteName ? `<span class="ctc-site-name" data-testid="site-name">${escapeHtml(o.siteName)}</span>` : ''}
    <nav class="ctc-nav-links" aria-label="Product">${nav}</nav>
    <span class="ctc-create">${ICONS.plus}Create</span>
  </div>
  <div class="ctc-nav-right">
    <div class="ctc-search" role="search">${ICONS.search}<span>Search</span></div>
    <span class="ctc-icon-btn" title="Notifications">${ICONS.bell}</span>
    <span class="ctc-icon-btn" title="Help">${ICONS.help}</span>
    <span class="ctc-icon-btn" title="Settings">${ICONS.gear}</span>
    ${avatar(user.displayName)}
  </div>
</header>`;
}

export interface SidebarOptions {
  flavor: ChromeFlavor;
  space: SimSpace;
  /** The content shown, highlighted in the tree (its ancestors are expanded). */
  current?: SimContent;
  /** The overview (space home) is the page shown. */
  onOverview?: boolean;
  hrefOf: (c: SimContent) => string;
  overviewHref: string;
  content: ContentStore;
}

function treeRoots(space: SimSpace, flavor: ChromeFlavor, content: ContentStore): SimContent[] {
  const inSpace = content.all().filter((c) => c.site === space.site && c.spaceKey === space.key && c.type !== 'blogpost');
  // Cloud shows the homepage as "Overview" and its children as the top of the tree; DC shows it.
  const ids = new Set(inSpace.map((c) => c.id));
  const tops = inSpace.filter((c) => !c.parentId || !ids.has(c.parentId));
  const roots = flavor === 'cloud' ? tops.flatMap((c) => (c.id === space.homepageId ? content.childrenOf(c) : [c])) : tops;
  return roots.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

function treeHtml(nodes: SimContent[], depth: number, o: SidebarOptions, openIds: Set<string>): string {
  const items = nodes.map((c) => {
    const kids = o.content.childrenOf(c).filter((k) => k.type !== 'blogpost');
    const current = o.current?.id === c.id && !o.onOverview;
    const row = (tag: 'summary' | 'div') =>
      `<${tag} class="ctc-tree-row${current ? ' ctc-current' : ''}" style="--depth:${depth}"${current ? ' aria-current="page"' : ''}>` +
      `<span class="ctc-chevron${kids.length ? '' : ' ctc-leaf'}"></span>${typeIcon(c.type)}` +
      `<a href="${escapeHtml(o.hrefOf(c))}">${escapeHtml(c.title)}</a>${c.restrictedTo ? `<span class="ctc-lock" title="Restricted">${ICONS.lock}</span>` : ''}</${tag}>`;
    if (!kids.length) return `<li>${row('div')}</li>`;
    return `<li><details${openIds.has(c.id) ? ' open' : ''}>${row('summary')}${treeHtml(kids, depth + 1, o, openIds)}</details></li>`;
  });
  return `<ul class="ctc-tree">${items.join('')}</ul>`;
}

/** The inner HTML of `#ctc-sidebar` (the SPA demo replaces it when it moves to another page). */
export function sidebarInner(o: SidebarOptions): string {
  const openIds = new Set<string>(o.current ? [...o.content.ancestorsOf(o.current).map((a) => a.id), o.current.id] : []);
  const blogs = o.content.all().filter((c) => c.site === o.space.site && c.spaceKey === o.space.key && c.type === 'blogpost').sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const onBlog = o.current?.type === 'blogpost';
  const link = (href: string, icon: string, label: string, current: boolean) =>
    `<li><a class="ctc-side-link${current ? ' ctc-current' : ''}" href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${icon}<span>${escapeHtml(label)}</span></a></li>`;
  const links = [
    link(o.overviewHref, ICONS.overview, o.flavor === 'dc' ? 'Pages' : 'Overview', Boolean(o.onOverview)),
    blogs[0] ? link(o.hrefOf(blogs[0]), ICONS.blog, o.flavor === 'dc' ? 'Blog' : 'Blogs', onBlog) : '',
  ].join('');
  return `<div class="ctc-space-header">${spaceAvatar(o.space)}<div><div class="ctc-space-name">${escapeHtml(o.space.name)}</div><div class="ctc-space-kind">${o.flavor === 'dc' ? 'Space' : 'Team space'}</div></div></div>
<ul class="ctc-side-links">${links}</ul>
<div class="ctc-side-section">${o.flavor === 'dc' ? 'PAGE TREE' : 'Content'}<span aria-hidden="true">+</span></div>
<nav id="ctc-page-tree" aria-label="Page tree">${treeHtml(treeRoots(o.space, o.flavor, o.content), 0, o, openIds)}</nav>`;
}

export function sidebar(inner: string): string {
  return `<aside id="ctc-sidebar" class="ctc-sidebar" aria-label="Space sidebar">${inner}</aside>`;
}

export interface CrumbOptions {
  space: SimSpace;
  c: SimContent;
  hrefOf: (c: SimContent) => string;
  overviewHref: string;
  flavor: ChromeFlavor;
  /** The edit page's address, for the "Edit" button (none: no button). */
  editHref?: string;
  content: ContentStore;
}

/** The inner HTML of `#ctc-page-header`: breadcrumbs (space / ancestors / page) and page actions. */
export function pageHeaderInner(o: CrumbOptions): string {
  const crumbs = [`<li><a href="${escapeHtml(o.overviewHref)}">${escapeHtml(o.flavor === 'dc' ? 'Pages' : o.space.name)}</a></li>`];
  if (o.c.type === 'blogpost') crumbs.push(`<li><span>${o.flavor === 'dc' ? 'Blog' : 'Blogs'}</span></li>`);
  for (const a of o.content.ancestorsOf(o.c)) crumbs.push(`<li><a href="${escapeHtml(o.hrefOf(a))}">${escapeHtml(a.title)}</a></li>`);
  crumbs.push(`<li aria-current="page"><span>${escapeHtml(o.c.title)}</span></li>`);
  const edit = o.editHref ? `<a class="ctc-btn" href="${escapeHtml(o.editHref)}" title="Edit">${ICONS.pencil}<span>Edit</span></a>` : '';
  return `<nav id="breadcrumbs" aria-label="Breadcrumbs"><ol>${crumbs.join('')}</ol></nav>
<div class="ctc-actions">${edit}<span class="ctc-btn" title="Star">${ICONS.star}</span><span class="ctc-btn ctc-neutral">${ICONS.share}<span>Share</span></span><span class="ctc-btn" title="More actions">${ICONS.more}</span></div>`;
}

function readingMinutes(bodyHtml: string): number {
  const words = bodyHtml.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}

/** The inner HTML of `#ctc-byline`: "Owned by Alice Example · Last updated Jun 1, 2024 · 1 min read". */
export function bylineInner(c: SimContent, bodyHtml: string, flavor: ChromeFlavor): string {
  const author = userByKey(c.authorKey).displayName;
  const editor = userByKey(c.version.byKey).displayName;
  const sep = '<span class="ctc-sep" aria-hidden="true">·</span>';
  if (flavor === 'dc') {
    return `${avatar(author, true)}<span>Created by <strong>${escapeHtml(author)}</strong>, last modified${editor !== author ? ` by <strong>${escapeHtml(editor)}</strong>` : ''} on <time datetime="${escapeHtml(c.version.when)}">${formatDate(c.version.when, 'dc')}</time></span>`;
  }
  const updated = `<span>Last updated <time datetime="${escapeHtml(c.version.when)}">${formatDate(c.version.when)}</time></span>`;
  const read = `<span>${readingMinutes(bodyHtml)} min read</span>`;
  if (c.type === 'blogpost') {
    return `${avatar(author, true)}<span>By <strong>${escapeHtml(author)}</strong></span>${sep}<span>Published <time datetime="${escapeHtml(c.createdAt)}">${formatDate(c.createdAt)}</time></span>${sep}${updated}${sep}${read}`;
  }
  return `${avatar(author, true)}<span>Owned by <strong>${escapeHtml(author)}</strong></span>${sep}${updated}${sep}${read}`;
}

/** The inner HTML of `#ctc-labels`. */
export function labelsInner(c: SimContent): string {
  if (!c.labels.length) return `${ICONS.label}<span>No labels</span>`;
  return `${ICONS.label}<ul class="label-list">${c.labels.map((l) => `<li><span class="aui-label">${escapeHtml(l)}</span></li>`).join('')}</ul>`;
}

/** Like, comment: the look of the page's foot. */
export function pageFoot(flavor: ChromeFlavor): string {
  const user = signedInUser(flavor);
  return `<div class="ctc-reactions"><span class="ctc-btn ctc-neutral">${ICONS.like}<span>Like</span></span><span>Be the first to like this</span></div>
<div class="ctc-comment">${avatar(user.displayName)}<div class="ctc-comment-box">Add a comment…</div></div>`;
}

export function editorBar(): string {
  return `<div class="ctc-editor-bar" role="toolbar" aria-label="Editor"><span class="ctc-btn">Normal text<span class="ctc-caret"></span></span><span class="ctc-divider"></span><b>B</b><i>I</i><u>U</u><span class="ctc-divider"></span><span class="ctc-btn">${ICONS.plus}<span>Insert</span></span><span class="ctc-grow"></span><span class="ctc-btn ctc-primary">Update</span><span class="ctc-btn ctc-neutral">Close</span></div>`;
}

/** Top navigation, then the sidebar (if any) beside the main column. */
export function shell(nav: string, sidebarHtml: string | undefined, mainHtml: string): string {
  return `${nav}
<div class="ctc-layout">
${sidebarHtml ?? ''}
<main id="ctc-main" class="ctc-main">
${mainHtml}
</main>
</div>`;
}
