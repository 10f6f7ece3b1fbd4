// v2 objects: PageSingle / BlogPostSingle, AttachmentBulk, SpaceBulk, DescendantsResponse.
import { bodyIn, type BodyFormat } from './bodies';
import { attachmentSize, spaceOfContent, userByKey, type ContentStore } from './content-store';
import type { SimAttachment, SimContent, SimSpace } from './fixtures';
import { MEDIA_TYPE_DESCRIPTIONS, V2_ROOT_OMITS_PARENT, attachmentDownloadPath, attachmentWebuiPath } from './guesses';
import { tinyuiPath, webuiPath } from './urls';

export interface V2Env {
  host: string;
  /** 'https://acme.atlassian.net/wiki' */
  base: string;
  /** The simulator's content (fixtures and what tests added). */
  content: ContentStore;
}

function accountIdOf(userKey: string): string {
  return userByKey(userKey).accountId ?? '';
}

function versionJson(c: SimContent): Record<string, unknown> {
  return {
    createdAt: c.version.when,
    message: c.version.message,
    number: c.version.number,
    minorEdit: c.version.minorEdit,
    authorId: accountIdOf(c.version.byKey),
  };
}

export interface V2ContentOptions {
  bodyFormat?: BodyFormat;
  includeLabels?: boolean;
  includeVersion?: boolean;
}

/** PageSingle (type 'page') or BlogPostSingle (type 'blogpost'), with `_links.base`. */
export function v2Content(c: SimContent, env: V2Env, opts: V2ContentOptions): Record<string, unknown> {
  const space = spaceOfContent(c);
  const out: Record<string, unknown> = { id: c.id, status: 'current', title: c.title, spaceId: space.id };
  if (c.type === 'page') {
    const parent = c.parentId ? env.content.find(c.site, c.parentId) : undefined;
    if (parent || !V2_ROOT_OMITS_PARENT) {
      out.parentId = parent?.id ?? null;
      out.parentType = parent?.type ?? null;
    }
    out.position = c.position;
  }
  out.authorId = accountIdOf(c.authorKey);
  if (c.type === 'page') {
    out.ownerId = accountIdOf(c.authorKey);
    out.lastOwnerId = null;
  }
  out.createdAt = c.createdAt;
  if (opts.includeVersion !== false) out.version = versionJson(c);
  out.body = opts.bodyFormat ? { [opts.bodyFormat]: { representation: opts.bodyFormat, value: bodyIn(opts.bodyFormat, c, env.content) } } : {};
  const plural = c.type === 'page' ? 'pages' : 'blogposts';
  if (opts.includeLabels) {
    out.labels = {
      results: c.labels.map((name, i) => ({ id: String(9000 + i + Number(c.id.slice(-3))), name, prefix: 'global' })),
      meta: { hasMore: false, cursor: '' },
      _links: { self: `/wiki/api/v2/${plural}/${c.id}/labels` },
    };
  }
  const links: Record<string, string> = {
    editui: `/pages/resumedraft.action?draftId=${c.id}`,
    webui: webuiPath(c, 'cloud'),
    tinyui: tinyuiPath(c),
    base: env.base,
  };
  if (c.type === 'page') links.edituiv2 = `/spaces/${c.spaceKey}/pages/edit-v2/${c.id}`;
  out._links = links;
  return out;
}

export function v2Attachment(c: SimContent, att: SimAttachment): Record<string, unknown> {
  const download = attachmentDownloadPath(c.id, att.title, att.version, att.createdAt);
  const webui = attachmentWebuiPath(webuiPath(c, 'cloud'), c.id, att.id, att.title);
  return {
    id: att.id,
    status: 'current',
    title: att.title,
    createdAt: att.createdAt,
    ...(c.type === 'blogpost' ? { blogPostId: c.id } : { pageId: c.id }),
    mediaType: att.mediaType,
    mediaTypeDescription: MEDIA_TYPE_DESCRIPTIONS[att.mediaType] ?? att.mediaType,
    comment: att.comment,
    fileId: att.fileId,
    fileSize: attachmentSize(att),
    webuiLink: webui,
    downloadLink: download,
    version: { createdAt: att.createdAt, message: '', number: att.version, minorEdit: false, authorId: accountIdOf(c.authorKey) },
    _links: { webui, download },
  };
}

/** SpaceBulk (lists) or SpaceSingle (`single`: the spec has no currentActiveAlias there). */
export function v2Space(space: SimSpace, opts: { descriptionFormat?: 'plain' | 'view'; includeIcon?: boolean; single?: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: 'current',
    authorId: accountIdOf(space.authorKey),
    createdAt: space.createdAt,
    homepageId: space.homepageId,
  };
  if (!opts.single) out.currentActiveAlias = space.key;
  if (opts.descriptionFormat) {
    const value = opts.descriptionFormat === 'view' ? `<p>${space.description}</p>` : space.description;
    out.description = { [opts.descriptionFormat]: { representation: opts.descriptionFormat, value } };
  }
  if (opts.includeIcon) out.icon = { path: `/wiki/aa-avatar/space/${space.key}`, apiDownloadLink: `/wiki/api/v2/spaces/${space.id}/icon` };
  out._links = { webui: `/spaces/${space.key}` };
  return out;
}

export function v2Descendant(c: SimContent, depth: number): Record<string, unknown> {
  return { id: c.id, status: 'current', title: c.title, type: c.type, parentId: c.parentId ?? '', depth, childPosition: c.position };
}
