// Where each exported page and its attachments go inside a bundle.
//
// Single page:             Title.md
//                          attachments/diagram.png        (the converter's default links work)
// Tree (a folder per page that has children or attachments, named as the page's file):
//                          index.md                       (the tree as a nested list)
//                          manifest.json
//                          Root.md
//                          Root/_attachments/logo.png     (the root's attachments)
//                          Root/Child.md
//                          Root/Child/_attachments/a.pdf  (the child's attachments)
//                          Root/Child/Grandchild.md
//                          Root/Child/Grandchild/_attachments/b.png
// A page's folder holds what belongs to it (its children and, in `_attachments`, its files),
// so a page and its folder sort together and a link from `Root/Child.md` to its own
// attachment is `Child/_attachments/a.pdf`. The file and the folder always share one counter
// (`Child (2).md` beside `Child (2)/`), and `_attachments` is claimed before any child, so a
// child page titled "_attachments" becomes `_attachments (2).md`. Folders only appear in the
// zip when something is written inside them.
import { createNameAllocator, type NameAllocator } from './name-allocator';
import { splitExtension } from './safe-file-name';
import { treeOrder } from './tree-order';

/** Where one page's files go; `names` hands out unique attachment names (see {@link attachmentPath}). */
export interface PageLayout {
  /** The page's own file, e.g. `Root/Child.md`. */
  file: string;
  /** The folder for its attachments, e.g. `Root/Child/_attachments`. */
  attachmentsDir: string;
  names: NameAllocator;
}

export interface TreePageLayout extends PageLayout {
  id: string;
  /** The folder for its children (and its attachments folder), e.g. `Root/Child`. */
  dir: string;
  /** The page it is placed under (its own parent, or the root when that is not exported). */
  parentId?: string;
  depth: number;
}

export interface TreeLayout {
  /** Every page once, in the order given. */
  pages: Map<string, TreePageLayout>;
  /** `index.md` (or `index.html`) at the top. */
  indexFile: string;
  /** `manifest.json` at the top. */
  manifestFile: string;
  names: NameAllocator;
}

export interface TreeLayoutOptions {
  /**
   * Longest file or folder name in UTF-8 bytes (default 100): shorter than a single file's
   * 200, since a deep tree's path repeats one segment per level.
   */
  maxSegmentBytes?: number;
}

export const SINGLE_PAGE_ATTACHMENTS_DIR = 'attachments';
export const TREE_ATTACHMENTS_DIR = '_attachments';
const DEFAULT_TREE_SEGMENT_BYTES = 100;

/** The page file and, beside it, `attachments/`. */
export function layoutSinglePage(page: { id: string; title: string }, ext: string): PageLayout {
  const names = createNameAllocator();
  // Claimed first, so a page titled "attachments" (with no extension) is the one renamed.
  const attachmentsDir = names.claimDir('', SINGLE_PAGE_ATTACHMENTS_DIR);
  const file = names.claim('', page.title, ext);
  return { file, attachmentsDir, names };
}

/** The layout described at the top of this file. `ext` is the pages' extension (`.md`, `.html`). */
export function layoutTree(
  pages: ReadonlyArray<{ id: string; title: string; parentId?: string }>,
  rootId: string,
  ext: string,
  options: TreeLayoutOptions = {},
): TreeLayout {
  if (!pages.some((page) => page.id === rootId)) throw new Error(`The root page ${rootId} is not in the list of pages.`);
  const names = createNameAllocator({ maxBytes: options.maxSegmentBytes ?? DEFAULT_TREE_SEGMENT_BYTES });
  const indexFile = names.reserve('', `index${ext}`);
  const manifestFile = names.reserve('', 'manifest.json');

  const placed = new Map<string, TreePageLayout>();
  for (const node of treeOrder(pages, rootId)) {
    const parentDir = node.parentId === undefined ? '' : (placed.get(node.parentId) as TreePageLayout).dir;
    const { file, dir } = names.claimFileAndDir(parentDir, node.page.title, ext);
    const attachmentsDir = names.claimDir(dir, TREE_ATTACHMENTS_DIR);
    const layout: TreePageLayout = { id: node.page.id, file, dir, attachmentsDir, depth: node.depth, names };
    if (node.parentId !== undefined) layout.parentId = node.parentId;
    placed.set(node.page.id, layout);
  }

  const inGivenOrder = new Map<string, TreePageLayout>();
  for (const page of pages) {
    const layout = placed.get(page.id);
    if (layout && !inGivenOrder.has(page.id)) inGivenOrder.set(page.id, layout);
  }
  return { pages: inGivenOrder, indexFile, manifestFile, names };
}

/**
 * A unique path for an attachment in the page's attachments folder, its extension kept
 * (`a.png`, then `a (2).png`, also for `A.PNG`, which is the same file on Windows and macOS).
 */
export function attachmentPath(layout: Pick<PageLayout, 'attachmentsDir' | 'names'>, fileName: string): string {
  const { stem, ext } = splitExtension(fileName.normalize('NFC').trim());
  return layout.names.claim(layout.attachmentsDir, stem, ext);
}

// Beyond encodeURIComponent: parentheses (Markdown link ends), quotes (HTML attributes) and
// the rest of RFC 3986's sub-delimiters it leaves alone.
const LINK_EXTRA = /[!'()*]/g;

function encodeLinkSegment(segment: string): string {
  return encodeURIComponent(segment).replace(LINK_EXTRA, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A bundle path as a link target: each segment percent-encoded (`a b/c.md` → `a%20b/c.md`). */
export function encodeLinkPath(path: string): string {
  return path.split('/').map(encodeLinkSegment).join('/');
}

/**
 * The relative link from the file `fromFile` to `toPath` (both bundle paths, `/`-separated,
 * no `.` or `..`), percent-encoded for Markdown and HTML: from `A/B.md`, `A/C/D.md` is
 * `C/D.md` and `E.md` is `../E.md`.
 */
export function relativeLink(fromFile: string, toPath: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  // The last segment of `to` is a file: only folders can be shared.
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = Array.from({ length: from.length - common }, () => '..');
  return [...up, ...to.slice(common).map(encodeLinkSegment)].join('/');
}
