// Images: an exported page loads nothing from elsewhere. Each content image gets the local
// source the caller has for it (a bundle path, a data: or blob: URI), or becomes its name as a
// link to the image in Confluence. Emoticons become their emoji.
//
// Content image shapes: Cloud export_view (and the dlx-* space exports)
//   <img class="confluence-embedded-image" src="…/download/thumbnails/<pageId>/<file>?width=760"
//        data-image-src="…/download/attachments/<pageId>/<file>?version=1…"
//        data-linked-resource-default-alias="<file name>" data-linked-resource-container-id="<pageId>">
// (the space exports say `attachments/<pageId>/<attachmentId>.png` instead); external images
// `class="confluence-embedded-image confluence-external-resource" src="http://…"`
// (jenkins-wiki-chatwork-plugin-view.html); Jira issue-type icons `<img class="icon">` inside
// the issue link (dlx-gr-test-report-jira-status-mentions.html).
import { emoticonImageText, isEmoticon } from './emoji';
import type { RemovedCounts } from './removal-tally';
import { isLocalImageSource } from './url-policy';

export interface ImageInfo {
  /** The image's alt text, '' when it has none. */
  alt: string;
  /** The attachment's file name, when the image is an attachment. */
  fileName?: string;
  /** The id of the page the attachment belongs to. */
  pageId?: string;
}

/** A local source for the image (bundle path, data: or blob: URI), or undefined: not available. */
export type ResolveImage = (src: URL, img: ImageInfo) => string | undefined;

const ATTACHMENT_PATH = /\/download\/(?:attachments|thumbnails)\/(\d+)\/([^/?#]+)/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function imageInfo(img: Element, url: URL | undefined): ImageInfo {
  const info: ImageInfo = { alt: (img.getAttribute('alt') ?? '').trim() };
  const path = url ? ATTACHMENT_PATH.exec(url.pathname) : null;
  const fileName = img.getAttribute('data-linked-resource-default-alias') || (path?.[2] ? decoded(path[2]) : '');
  const pageId = img.getAttribute('data-linked-resource-container-id') || path?.[1] || '';
  if (fileName) info.fileName = fileName;
  if (pageId) info.pageId = pageId;
  return info;
}

function lastSegment(url: URL | undefined): string {
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return '';
  return decoded(url.pathname.split('/').filter(Boolean).pop() ?? '');
}

function parse(raw: string, base: URL): URL | undefined {
  try {
    return new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
}

/** Rewrites every `<img>` under `root`; counts each web image left behind in `counts.remote`. */
export function rewriteImages(root: ParentNode, base: URL, resolveImage: ResolveImage, counts: RemovedCounts): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const doc = img.ownerDocument;
    if (isEmoticon(img)) {
      const text = emoticonImageText(img);
      img.replaceWith(doc.createTextNode(text));
      continue;
    }
    // The full-size image, not the thumbnail the page shows.
    const raw = img.getAttribute('data-image-src') || img.getAttribute('src') || '';
    const url = raw ? parse(raw, base) : undefined;
    const info = imageInfo(img, url);
    const local = url ? resolveImage(url, info) : undefined;
    if (local !== undefined) {
      // A resolver answering a remote URL would defeat the whole point: that is a bug, say so.
      if (!isLocalImageSource(local)) throw new Error(`resolveImage must answer a local path, data: or blob: URI, not ${JSON.stringify(local.slice(0, 80))}`);
      img.setAttribute('src', local);
      if (!info.alt && info.fileName) img.setAttribute('alt', info.fileName);
      continue;
    }
    const web = url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:');
    if (web) counts.remote++;
    const inLink = img.closest('a') !== null;
    // A decorative icon inside a link (Jira's issue type) would only add noise to the link text.
    if (inLink && !info.alt && img.classList.contains('icon')) {
      img.remove();
      continue;
    }
    const name = info.alt || info.fileName || lastSegment(url) || 'image';
    const replacement = doc.createElement(inLink || !web ? 'span' : 'a');
    replacement.setAttribute('class', 'export-image-missing');
    replacement.setAttribute('title', 'Image not included in this export');
    if (replacement.localName === 'a' && url) replacement.setAttribute('href', url.href);
    replacement.textContent = name;
    img.replaceWith(replacement);
  }
}
