// v1 `Content`, `Space` and `ContentArray` objects (Cloud and Data Center), with `expand`.
import { bodyIn, isBodyFormat, type BodyFormat } from './bodies';
import { attachmentSize, canView, spaceOfContent, userByKey, type ContentStore, type Principal } from './content-store';
import type { SimContent, SimSpace } from './fixtures';
import { DC_ATTACHMENT_EXTENSIONS_WITHOUT_FILE_ID, attachmentDownloadPath, attachmentWebuiPath } from './guesses';
import { tinyuiPath, webuiPath, type Flavor } from './urls';
import { isSelf, userJson, type UserEnv } from './users';

export interface V1Env extends UserEnv {
  host: string;
  flavor: Flavor;
  principal: Principal;
  /** The simulator's content (fixtures and what tests added). */
  content: ContentStore;
}

export type ExpandTree = Map<string, ExpandTree>;

/** `expand=a.b,c` → tree; `count` is the number of comma-separated entries. */
export function parseExpand(raw: string | null): { tree: ExpandTree; count: number } {
  const tree: ExpandTree = new Map();
  const entries = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    let node = tree;
    for (const part of entry.split('.')) {
      let next = node.get(part);
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
  }
  return { tree, count: entries.length };
}

const NO_EXPAND: ExpandTree = new Map();

function api(env: V1Env, path: string): string {
  return `${env.base}/rest/api${path}`;
}

export function v1Space(space: SimSpace, env: V1Env): Record<string, unknown> {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    icon: { path: `${env.context}/aa-avatar/space/${space.key}`, width: 48, height: 48, isDefault: false },
    type: space.type,
    status: 'current',
    _expandable: {
      settings: `/rest/api/space/${space.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${space.key}`,
      identifiers: '',
      permissions: '',
      description: '',
      theme: `/rest/api/space/${space.key}/theme`,
      history: '',
      homepage: `/rest/api/content/${space.homepageId}`,
    },
    _links: { webui: `/spaces/${space.key}`, self: api(env, `/space/${space.key}`) },
  };
}

function versionJson(c: SimContent, env: V1Env): Record<string, unknown> {
  const by = userByKey(c.version.byKey);
  return {
    by: userJson(by, env, isSelf(env.principal, by)),
    when: c.version.when,
    friendlyWhen: c.version.when.slice(0, 10),
    message: c.version.message,
    number: c.version.number,
    minorEdit: c.version.minorEdit,
    contentTypeModified: false,
    _expandable: { collaborators: '', content: `/rest/api/content/${c.id}` },
    _links: { self: api(env, `/content/${c.id}/version/${c.version.number}`) },
  };
}

function historyJson(c: SimContent, env: V1Env, expand: ExpandTree): Record<string, unknown> {
  const author = userByKey(c.authorKey);
  const out: Record<string, unknown> = {
    latest: true,
    createdBy: userJson(author, env, isSelf(env.principal, author)),
    createdDate: c.createdAt,
  };
  const expandable: Record<string, string> = { lastUpdated: '', previousVersion: '', contributors: '', nextVersion: '' };
  if (expand.has('lastUpdated')) {
    out.lastUpdated = versionJson(c, env);
    delete expandable.lastUpdated;
  }
  out._expandable = expandable;
  out._links = { self: api(env, `/content/${c.id}/history`) };
  return out;
}

function bodyJson(c: SimContent, env: V1Env, expand: ExpandTree): Record<string, unknown> {
  const formats: BodyFormat[] = ['storage', 'view', 'export_view', 'styled_view', 'editor', 'anonymous_export_view'];
  if (env.flavor === 'cloud') formats.push('atlas_doc_format');
  const out: Record<string, unknown> = {};
  const expandable: Record<string, string> = {};
  for (const f of formats) {
    if (expand.has(f) && isBodyFormat(f)) {
      out[f] = { value: bodyIn(f, c, env.content), representation: f, embeddedContent: [], _expandable: { content: `/rest/api/content/${c.id}` } };
    } else {
      expandable[f] = '';
    }
  }
  out._expandable = expandable;
  return out;
}

function labelsJson(c: SimContent, env: V1Env): Record<string, unknown> {
  const results = c.labels.map((name, i) => ({ prefix: 'global', name, id: String(9000 + i + Number(c.id.slice(-3))), label: name }));
  return { results, start: 0, limit: 200, size: results.length, _links: { self: api(env, `/content/${c.id}/label`) } };
}

function metadataJson(c: SimContent, env: V1Env, expand: ExpandTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const expandable: Record<string, string> = { currentuser: '', comments: '', simple: '', properties: '', frontend: '', likes: '', labels: '' };
  if (expand.has('labels')) {
    out.labels = labelsJson(c, env);
    delete expandable.labels;
  }
  out._expandable = expandable;
  return out;
}

export function v1ContentArray(
  results: Record<string, unknown>[],
  start: number,
  limit: number,
  links: Record<string, string>,
): Record<string, unknown> {
  return { results, start, limit, size: results.length, _links: links };
}

function visibleChildPages(c: SimContent, env: V1Env): SimContent[] {
  return env.content.childrenOf(c).filter((x) => x.type === 'page' && canView(env.principal, x));
}

/** A v1 attachment `Content`; `expand` may ask for its `container` (the page), `space` and `version`; `top` adds the envelope links. */
function attachmentContent(c: SimContent, att: SimContent['attachments'][number], env: V1Env, expand: ExpandTree = NO_EXPAND, top = false): Record<string, unknown> {
  const download = attachmentDownloadPath(c.id, att.title, att.version, att.createdAt);
  const extensions: Record<string, unknown> = { mediaType: att.mediaType, fileSize: attachmentSize(att), comment: att.comment };
  if (env.flavor === 'cloud' || !DC_ATTACHMENT_EXTENSIONS_WITHOUT_FILE_ID) extensions.fileId = att.fileId;
  const out: Record<string, unknown> = {
    id: att.id,
    type: 'attachment',
    status: 'current',
    title: att.title,
    metadata: { mediaType: att.mediaType, comment: att.comment, _expandable: { currentuser: '', properties: '', frontend: '', labels: '' } },
    extensions,
  };
  const expandable: Record<string, string> = { container: `/rest/api/content/${c.id}`, operations: '', children: '', history: '', ancestors: '', body: '', version: '', space: `/rest/api/space/${c.spaceKey}` };
  if (expand.has('container')) {
    out.container = v1Content(c, expand.get('container') ?? NO_EXPAND, env, false);
    delete expandable.container;
  }
  if (expand.has('space')) {
    out.space = v1Space(spaceOfContent(c), env);
    delete expandable.space;
  }
  if (expand.has('version')) {
    const by = userByKey(c.authorKey);
    out.version = { by: userJson(by, env, isSelf(env.principal, by)), when: att.createdAt, message: att.comment, number: att.version, minorEdit: false };
    delete expandable.version;
  }
  out._expandable = expandable;
  const links: Record<string, string> = { webui: attachmentWebuiPath(webuiPath(c, env.flavor), c.id, att.id, att.title), download, self: api(env, `/content/${att.id}`) };
  if (top) Object.assign(links, { collection: '/rest/api/content', base: env.base, context: env.context });
  out._links = links;
  return out;
}

function childrenJson(c: SimContent, env: V1Env, expand: ExpandTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const expandable: Record<string, string> = {
    attachment: `/rest/api/content/${c.id}/child/attachment`,
    comment: `/rest/api/content/${c.id}/child/comment`,
    page: `/rest/api/content/${c.id}/child/page`,
  };
  if (expand.has('page')) {
    const pages = visibleChildPages(c, env).map((p) => v1Content(p, expand.get('page') ?? NO_EXPAND, env, false));
    out.page = v1ContentArray(pages, 0, 25, { self: api(env, `/content/${c.id}/child/page`) });
    delete expandable.page;
  }
  if (expand.has('attachment')) {
    const atts = c.attachments.map((a) => attachmentContent(c, a, env));
    out.attachment = v1ContentArray(atts, 0, 25, { self: api(env, `/content/${c.id}/child/attachment`) });
    delete expandable.attachment;
  }
  out._expandable = expandable;
  out._links = { self: api(env, `/content/${c.id}/child`) };
  return out;
}

/** A v1 `Content`. `top` adds the envelope links (`base`, `context`, `collection`). */
export function v1Content(c: SimContent, expand: ExpandTree, env: V1Env, top: boolean): Record<string, unknown> {
  const space = spaceOfContent(c);
  const out: Record<string, unknown> = { id: c.id, type: c.type, status: 'current', title: c.title };
  const expandable: Record<string, string> = {
    childTypes: '',
    container: `/rest/api/space/${space.key}`,
    metadata: '',
    operations: '',
    children: `/rest/api/content/${c.id}/child`,
    restrictions: `/rest/api/content/${c.id}/restriction/byOperation`,
    history: `/rest/api/content/${c.id}/history`,
    ancestors: '',
    body: '',
    version: '',
    descendants: `/rest/api/content/${c.id}/descendant`,
    space: `/rest/api/space/${space.key}`,
  };
  const take = (key: string, value: () => unknown): void => {
    if (!expand.has(key)) return;
    out[key] = value();
    delete expandable[key];
  };
  take('space', () => v1Space(space, env));
  take('container', () => v1Space(space, env));
  take('history', () => historyJson(c, env, expand.get('history') ?? NO_EXPAND));
  take('version', () => versionJson(c, env));
  take('ancestors', () => env.content.ancestorsOf(c).map((a) => v1Content(a, NO_EXPAND, env, false)));
  take('children', () => childrenJson(c, env, expand.get('children') ?? NO_EXPAND));
  take('body', () => bodyJson(c, env, expand.get('body') ?? NO_EXPAND));
  take('metadata', () => metadataJson(c, env, expand.get('metadata') ?? NO_EXPAND));
  if (c.type === 'page') out.extensions = { position: c.position };
  out._expandable = expandable;
  const links: Record<string, string> = {
    webui: webuiPath(c, env.flavor),
    editui: `/pages/resumedraft.action?draftId=${c.id}`,
    tinyui: tinyuiPath(c),
    self: api(env, `/content/${c.id}`),
  };
  if (env.flavor === 'cloud' && c.type === 'page') links.edituiv2 = `/spaces/${c.spaceKey}/pages/edit-v2/${c.id}`;
  if (top) Object.assign(links, { collection: '/rest/api/content', base: env.base, context: env.context });
  out._links = links;
  return out;
}

export { attachmentContent as v1Attachment };
