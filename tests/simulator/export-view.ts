// Storage → view/export_view HTML the way Confluence Cloud marks it up (classes and data-
// attributes as in the rendered samples of ../shared/confluence-samples/rendered-html), for
// content with `rendering: 'confluence'`: code macros (`brush: <language>`), panels, expand,
// status lozenges, tasks with their state, emoticons, user mentions with display names, images
// and links to attachments and pages. Macros it does not know (app macros such as draw.io)
// become an empty macro element, which is what makes them easy to lose. The storage is parsed
// as XML (xmldom), as a careful client must; guesses are in guesses.ts.
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { titleSlug, userByAccountId, type ContentStore } from './content-store';
import type { SimAttachment, SimContent } from './fixtures';
import {
  CODE_BRUSH_WITHOUT_LANGUAGE,
  EXPAND_DEFAULT_TITLE,
  EXPORT_VIEW_IMAGE_SRC_IS_SITE_RELATIVE,
  attachmentDownloadPath,
  emoticonImagePath,
  unknownUserName,
} from './guesses';

const NS = { ac: 'http://atlassian.com/content', ri: 'http://atlassian.com/resource/identifier', at: 'http://atlassian.com/template' };

/** Named entities seen in storage bodies; anything else stays visible as its literal text. */
const ENTITIES: Record<string, number> = {
  nbsp: 160, copy: 169, reg: 174, trade: 8482, mdash: 8212, ndash: 8211, hellip: 8230, lsquo: 8216, rsquo: 8217, ldquo: 8220, rdquo: 8221,
  laquo: 171, raquo: 187, bull: 8226, middot: 183, deg: 176, plusmn: 177, times: 215, divide: 247, euro: 8364, pound: 163, sect: 167,
  para: 182, eacute: 233, egrave: 232, agrave: 224, aacute: 225, ccedil: 231, uuml: 252, ouml: 246, auml: 228, Uuml: 220, Ouml: 214,
  Auml: 196, szlig: 223, rarr: 8594, larr: 8592, harr: 8596, uarr: 8593, darr: 8595, shy: 173, zwj: 8205, zwnj: 8204, thinsp: 8201,
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function xmlText(storage: string): string {
  const body = storage
    .replace(/^\s*<\?xml[\s\S]*?\?>/, '')
    .replace(/^\s*<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/, '')
    .replace(/<\/?ac:confluence\b[^>]*>/g, '')
    // CDATA and comments pass untouched; named entities XML lacks become numeric.
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&([A-Za-z][A-Za-z0-9]*);/g, (m, name: string | undefined) => {
      if (name === undefined || XML_ENTITIES.has(name)) return m;
      const code = ENTITIES[name];
      return code === undefined ? `&amp;${name};` : `&#${code};`;
    });
  return `<ac:confluence xmlns:ac="${NS.ac}" xmlns:ri="${NS.ri}" xmlns:at="${NS.at}">${body}</ac:confluence>`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string): string => esc(s).replace(/"/g, '&quot;');

const VOID = new Set(['br', 'hr', 'img', 'col', 'input', 'wbr']);
const PANEL: Record<string, { cls: string; icon: string }> = {
  info: { cls: 'information', icon: 'info' },
  note: { cls: 'note', icon: 'warning' },
  warning: { cls: 'warning', icon: 'error' },
  tip: { cls: 'tip', icon: 'approve' },
};
const LOZENGE: Record<string, string> = { green: 'success', red: 'error', yellow: 'current', blue: 'complete', purple: 'progress' };
const EMOJI: Record<string, string> = {
  smile: '🙂', sad: '🙁', cheeky: '😛', laugh: '😀', wink: '😉', 'thumbs-up': '👍', 'thumbs-down': '👎', information: 'ℹ️', tick: '✅',
  cross: '❌', warning: '⚠️', plus: '➕', minus: '➖', question: '❓', 'light-on': '💡', 'light-off': '💡', 'yellow-star': '⭐', heart: '❤️',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ctx {
  c: SimContent;
  store: ContentStore;
  /** 'https://acme.atlassian.net/wiki' */
  base: string;
  expandCount: number;
}

function elements(n: XmlNode): XmlElement[] {
  const out: XmlElement[] = [];
  for (let k = n.firstChild; k; k = k.nextSibling) if (k.nodeType === 1) out.push(k as XmlElement);
  return out;
}

const child = (n: XmlNode, name: string): XmlElement | undefined => elements(n).find((e) => e.nodeName === name);
const textOf = (n: XmlNode | undefined): string => n?.textContent ?? '';

function params(macro: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of elements(macro)) if (p.nodeName === 'ac:parameter') out.set(p.getAttribute('ac:name') ?? '', textOf(p).trim());
  return out;
}

function children(n: XmlNode, ctx: Ctx): string {
  let out = '';
  for (let k = n.firstChild; k; k = k.nextSibling) out += node(k, ctx);
  return out;
}

function downloadHref(page: SimContent, att: SimAttachment | undefined, file: string): string {
  const rel = att ? attachmentDownloadPath(page.id, att.title, att.version, att.createdAt) : `/download/attachments/${page.id}/${encodeURIComponent(file)}`;
  return `/wiki${rel}`;
}

/** The page a `ri:attachment` / `ri:page` names (another page by `ri:content-title`, else this one). */
function pageNamed(ri: XmlElement, ctx: Ctx): SimContent | undefined {
  const title = ri.getAttribute('ri:content-title');
  if (!title) return ctx.c;
  return ctx.store.findByTitle(ctx.c.site, ri.getAttribute('ri:space-key') || ctx.c.spaceKey, title);
}

/** Page links are absolute site URLs, as in Cloud's rendered pages. */
function pageHref(p: SimContent): string {
  return `https://${p.site}/wiki/spaces/${p.spaceKey}/pages/${p.id}/${titleSlug(p.title)}`;
}

function mention(accountId: string, ctx: Ctx): string {
  const user = userByAccountId(accountId);
  const name = user ? user.displayName : unknownUserName(accountId);
  return `<a class="confluence-userlink user-mention${user ? '' : ' unknown-user'}" data-account-id="${attr(accountId)}" href="${attr(`${ctx.base}/people/${accountId}?ref=confluence`)}" target="_blank" data-linked-resource-type="userinfo" data-base-url="${attr(ctx.base)}">${esc(name)}</a>`;
}

function link(el: XmlElement, ctx: Ctx): string {
  const body = child(el, 'ac:link-body');
  const plain = child(el, 'ac:plain-text-link-body');
  const inner = body ? children(body, ctx) : plain ? esc(textOf(plain)) : '';
  const anchor = el.getAttribute('ac:anchor');
  const hash = anchor ? `#${encodeURIComponent(anchor)}` : '';
  const target = elements(el).find((e) => e.nodeName.startsWith('ri:'));
  switch (target?.nodeName) {
    case 'ri:user': {
      const id = target.getAttribute('ri:account-id');
      return id ? mention(id, ctx) : `<a class="confluence-userlink user-mention unknown-user">${esc(unknownUserName(target.getAttribute('ri:userkey') ?? ''))}</a>`;
    }
    case 'ri:page': {
      const title = target.getAttribute('ri:content-title') ?? '';
      const p = pageNamed(target, ctx);
      if (!p) {
        const spaceKey = target.getAttribute('ri:space-key') || ctx.c.spaceKey;
        return `<a class="createlink" href="/wiki/pages/createpage.action?spaceKey=${encodeURIComponent(spaceKey)}&amp;title=${encodeURIComponent(title)}">${inner || esc(title)}</a>`;
      }
      return `<a href="${attr(pageHref(p) + hash)}" data-linked-resource-id="${p.id}" data-linked-resource-version="${p.version.number}" data-linked-resource-type="page">${inner || esc(p.title)}</a>`;
    }
    case 'ri:attachment': {
      const file = target.getAttribute('ri:filename') ?? '';
      const p = pageNamed(target, ctx) ?? ctx.c;
      const att = p.attachments.find((a) => a.title === file);
      const ids = att ? ` data-linked-resource-id="${att.id}" data-linked-resource-version="${att.version}" data-linked-resource-type="attachment" data-linked-resource-default-alias="${attr(file)}" data-linked-resource-content-type="${attr(att.mediaType)}" data-linked-resource-container-id="${p.id}"` : '';
      return `<a href="${attr(downloadHref(p, att, file))}"${ids}>${inner || esc(file)}</a>`;
    }
    case 'ri:url': {
      const url = target.getAttribute('ri:value') ?? '';
      return `<a href="${attr(url)}" class="external-link" rel="nofollow">${inner || esc(url)}</a>`;
    }
    default:
      return anchor ? `<a href="${attr(hash)}">${inner || esc(anchor)}</a>` : inner;
  }
}

function image(el: XmlElement, ctx: Ctx): string {
  const width = el.getAttribute('ac:width');
  const size = width ? ` width="${attr(width)}"` : '';
  const url = child(el, 'ri:url');
  if (url) {
    const src = url.getAttribute('ri:value') ?? '';
    return `<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image confluence-external-resource"${size} src="${attr(src)}" data-image-src="${attr(src)}" alt="${attr(el.getAttribute('ac:alt') ?? '')}"></span>`;
  }
  const ri = child(el, 'ri:attachment');
  const file = ri?.getAttribute('ri:filename') ?? '';
  const p = (ri && pageNamed(ri, ctx)) ?? ctx.c;
  const att = p.attachments.find((a) => a.title === file);
  const src = downloadHref(p, att, file);
  const shown = EXPORT_VIEW_IMAGE_SRC_IS_SITE_RELATIVE ? src : `https://${p.site}${src}`;
  const meta = att
    ? ` data-linked-resource-id="${att.id}" data-linked-resource-version="${att.version}" data-linked-resource-type="attachment" data-linked-resource-default-alias="${attr(file)}" data-base-url="${attr(ctx.base)}" data-linked-resource-content-type="${attr(att.mediaType)}" data-linked-resource-container-id="${p.id}" data-media-id="${att.fileId}" data-media-type="file"`
    : '';
  return `<span class="confluence-embedded-file-wrapper${width ? ' confluence-embedded-manual-size' : ''}"><img class="confluence-embedded-image" alt="${attr(el.getAttribute('ac:alt') ?? file)}"${size} loading="lazy" src="${attr(shown)}" data-image-src="${attr(shown)}"${meta}></span>`;
}

function emoticon(el: XmlElement): string {
  const name = el.getAttribute('ac:name') ?? '';
  const fallback = el.getAttribute('ac:emoji-fallback') || EMOJI[name];
  const id = el.getAttribute('ac:emoji-id');
  const short = el.getAttribute('ac:emoji-shortname');
  return (
    `<img class="emoticon emoticon-${attr(name)}"${id ? ` data-emoji-id="${attr(id)}"` : ''}${short ? ` data-emoji-shortname="${attr(short)}"` : ''}` +
    `${fallback ? ` data-emoji-fallback="${attr(fallback)}"` : ''} src="${attr(emoticonImagePath(name))}" width="16" height="16" data-emoticon-name="${attr(name)}" alt="(${attr(name.replace(/-/g, ' '))})">`
  );
}

function tasks(el: XmlElement, ctx: Ctx): string {
  const items = elements(el)
    .filter((t) => t.nodeName === 'ac:task')
    .map((t) => {
      const done = textOf(child(t, 'ac:task-status')).trim() === 'complete';
      const body = child(t, 'ac:task-body');
      let inline = '';
      let nested = '';
      for (let k = body?.firstChild; k; k = k.nextSibling) {
        if (k.nodeType === 1 && k.nodeName === 'ac:task-list') nested += tasks(k as XmlElement, ctx);
        else inline += node(k, ctx);
      }
      const id = textOf(child(t, 'ac:task-id')).trim();
      return `<li${done ? ' class="checked"' : ''} data-inline-task-id="${attr(id)}"><span class="placeholder-inline-tasks">${inline.trim()}</span>${nested}</li>`;
    });
  return `<ul class="inline-task-list" data-inline-tasks-content-id="${ctx.c.id}">${items.join('')}</ul>`;
}

function macroDiv(name: string, cls: string, hasBody: boolean, inner: string, extra = ''): string {
  return `<div class="${cls}${cls ? ' ' : ''}conf-macro output-block" data-hasbody="${hasBody}" data-macro-name="${attr(name)}"${extra}>${inner}</div>`;
}

function macro(el: XmlElement, ctx: Ctx): string {
  const name = el.getAttribute('ac:name') ?? '';
  const p = params(el);
  const rich = child(el, 'ac:rich-text-body');
  const body = rich ? children(rich, ctx) : '';
  switch (name) {
    case 'code': {
      const language = p.get('language') || p.get('') || CODE_BRUSH_WITHOUT_LANGUAGE;
      const title = p.get('title');
      const code = textOf(child(el, 'ac:plain-text-body'));
      const header = title ? `<div class="codeHeader panelHeader pdl"><b>${esc(title)}</b></div>` : '';
      return macroDiv(
        name,
        'code panel pdl',
        true,
        `${header}<div class="codeContent panelContent pdl"><pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="brush: ${attr(language)}; gutter: false; theme: Confluence" data-theme="Confluence">${esc(code)}</pre></div>`,
        ' style="border-width: 1px;"',
      );
    }
    case 'info':
    case 'note':
    case 'warning':
    case 'tip': {
      const panel = PANEL[name]!;
      const title = p.get('title');
      return macroDiv(
        name,
        `confluence-information-macro confluence-information-macro-${panel.cls}${title ? ' has-title' : ''}`,
        true,
        `${title ? `<p class="title conf-macro-render">${esc(title)}</p>` : ''}<span class="aui-icon aui-icon-small aui-iconfont-${panel.icon} confluence-information-macro-icon"></span><div class="confluence-information-macro-body">${body}</div>`,
      );
    }
    case 'panel': {
      const title = p.get('title');
      const bg = p.get('bgColor');
      const style = bg && /^#[0-9a-fA-F]{3,8}$/.test(bg) ? ` style="background-color: ${bg};"` : '';
      return macroDiv(name, 'panel', true, `${title ? `<div class="panelHeader"><b>${esc(title)}</b></div>` : ''}<div class="panelContent"${style}>${body}</div>`);
    }
    case 'expand': {
      const n = `${ctx.c.id}${++ctx.expandCount}`;
      const title = p.get('title') || EXPAND_DEFAULT_TITLE;
      return (
        `<div id="expander-${n}" class="expand-container conf-macro output-block" data-hasbody="true" data-macro-name="expand">` +
        `<div id="expander-control-${n}" class="expand-control"><span class="expand-control-icon"><img style="vertical-align:middle;" class="expand-control-image" src="/wiki/s/-1/_/images/icons/grey_arrow_down.png"></span><span class="expand-control-text">${esc(title)}</span></div>` +
        `<div id="expander-content-${n}" class="expand-content">${body}</div></div>`
      );
    }
    case 'status': {
      const colour = (p.get('colour') ?? '').toLowerCase();
      const title = p.get('title') || colour || 'Grey';
      const tone = LOZENGE[colour];
      return `<span class="status-macro aui-lozenge aui-lozenge-visual-refresh${tone ? ` aui-lozenge-${tone}` : ''} conf-macro output-inline" data-hasbody="false" data-macro-name="status">${esc(title)}</span>`;
    }
    case 'anchor':
      return `<span class="confluence-anchor-link conf-macro output-inline" id="${attr(p.get('') ?? '')}" data-hasbody="false" data-macro-name="anchor"></span>`;
    case 'jira': {
      const key = p.get('key');
      if (!key) return macroDiv(name, '', false, '');
      return `<span class="confluence-jim-macro jira-issue conf-macro output-block" data-jira-key="${attr(key)}" data-hasbody="false" data-macro-name="jira"><a href="https://${ctx.c.site}/browse/${encodeURIComponent(key)}" class="jira-issue-key">${esc(key)}</a></span>`;
    }
    default:
      // App and unknown macros: the body if they have one, else nothing but the marker.
      return macroDiv(name, '', rich !== undefined, body);
  }
}

function layout(el: XmlElement, ctx: Ctx): string {
  switch (el.nodeName) {
    case 'ac:layout':
      return `<div class="contentLayout2">${children(el, ctx)}</div>`;
    case 'ac:layout-section': {
      const type = el.getAttribute('ac:type') ?? 'single';
      return `<div class="columnLayout ${attr(type)}" data-layout="${attr(type)}">${children(el, ctx)}</div>`;
    }
    default:
      return `<div class="cell normal" data-type="normal"><div class="innerCell">${children(el, ctx)}</div></div>`;
  }
}

function time(el: XmlElement): string {
  const dt = el.getAttribute('datetime') ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dt);
  const shown = m ? `${m[3]} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}` : dt;
  return `<time datetime="${attr(dt)}" class="date-past">${esc(shown)}</time>`;
}

function htmlElement(el: XmlElement, ctx: Ctx): string {
  const tag = el.nodeName.toLowerCase();
  let attrs = '';
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    // Editor bookkeeping (local ids, prefixed attributes) is not rendered.
    if (!a || a.name.includes(':') || a.name === 'local-id' || a.name.startsWith('xmlns')) continue;
    attrs += ` ${a.name}="${attr(a.value)}"`;
  }
  if (VOID.has(tag)) return `<${tag}${attrs}/>`;
  return `<${tag}${attrs}>${children(el, ctx)}</${tag}>`;
}

function node(n: XmlNode, ctx: Ctx): string {
  if (n.nodeType === 3 || n.nodeType === 4) return esc(n.nodeValue ?? '');
  if (n.nodeType !== 1) return '';
  const el = n as XmlElement;
  switch (el.nodeName) {
    case 'ac:structured-macro':
      return macro(el, ctx);
    case 'ac:task-list':
      return tasks(el, ctx);
    case 'ac:link':
      return link(el, ctx);
    case 'ac:image':
      return image(el, ctx);
    case 'ac:emoticon':
      return emoticon(el);
    case 'ac:layout':
    case 'ac:layout-section':
    case 'ac:layout-cell':
      return layout(el, ctx);
    case 'time':
      return time(el);
    case 'ac:placeholder':
    case 'ac:parameter':
    case 'ac:adf-extension':
      return '';
    default:
      // Other ac:/ri: wrappers (inline comment markers, ...) keep their content.
      return el.prefix === 'ac' || el.prefix === 'ri' || el.prefix === 'at' ? children(el, ctx) : htmlElement(el, ctx);
  }
}

/** The view HTML of a storage body, or undefined when it is not well-formed XML. */
export function renderConfluenceView(storage: string, c: SimContent, store: ContentStore): string | undefined {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xmlText(storage), 'text/xml');
  } catch {
    return undefined;
  }
  const root = doc.documentElement;
  if (!root) return undefined;
  return children(root, { c, store, base: `https://${c.site}/wiki`, expandCount: 0 }).trim();
}
