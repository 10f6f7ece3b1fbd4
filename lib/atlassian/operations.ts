/**
 * The closed list of Atlassian operations the extension may call. The background only ever
 * fetches one of these (by id, with path parameters), never a URL or method taken from a message,
 * and the scope table is generated for exactly this list.
 *
 * `specPath` is spelled exactly as in Atlassian's OpenAPI spec (v1 paths include `/wiki/rest/api`,
 * v2 paths are relative to `/wiki/api/v2`, Jira paths include `/rest/api/3`), so the generator can
 * look each Confluence one up. Jira's spec is not among ours: its scopes are in jira-scopes.ts.
 * Data Center's attachment servlet is in no spec (`dc-servlet`: a path below the DC base URL,
 * outside `/rest/api/`); PATs carry no scopes, so it has none.
 */

export const FEATURES = ['identity / health check', 'watch', 'export', 'copy', 'browse', 'Jira, same token (health report)'] as const;
export type Feature = (typeof FEATURES)[number];

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** What the success body is: parsed JSON, nothing to read, or file bytes. */
export type ResponseKind = 'json' | 'none' | 'binary';

/**
 * Confluence's two REST APIs, Jira's v3 (the same Atlassian token serves both products), and
 * Data Center's servlet paths below its base URL (only the attachment download: DC has no REST one).
 */
export type OperationApi = 'v1' | 'v2' | 'jira' | 'dc-servlet';

export interface OperationDefinition {
  readonly id: string;
  readonly api: OperationApi;
  readonly method: HttpMethod;
  readonly specPath: string;
  readonly feature: Feature;
  readonly response: ResponseKind;
  /**
   * Safe to repeat when the first attempt's outcome is unknown. GETs are; see `removeContentWatcher`
   * for the one write that is.
   */
  readonly idempotent: boolean;
  /** Why this operation is in the list, for reviewers. */
  readonly note?: string;
}

export const OPERATIONS = {
  getCurrentUser: {
    id: 'getCurrentUser',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/user/current',
    feature: 'identity / health check',
    response: 'json',
    idempotent: true,
    note: 'No v2 equivalent; also the way to spot an anonymous fallback.',
  },
  getContentWatchStatus: {
    id: 'getContentWatchStatus',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/user/watch/content/{contentId}',
    feature: 'watch',
    response: 'json',
    idempotent: true,
  },
  addContentWatcher: {
    id: 'addContentWatcher',
    api: 'v1',
    method: 'POST',
    specPath: '/wiki/rest/api/user/watch/content/{contentId}',
    feature: 'watch',
    response: 'none',
    // Watching twice is harmless, but POST is not idempotent in HTTP and Atlassian advises retrying
    // idempotent requests only; the person can simply press the button again.
    idempotent: false,
  },
  removeContentWatcher: {
    id: 'removeContentWatcher',
    api: 'v1',
    method: 'DELETE',
    specPath: '/wiki/rest/api/user/watch/content/{contentId}',
    feature: 'watch',
    response: 'none',
    // DELETE is idempotent in HTTP (RFC 9110 §9.2.2) and removing a watch twice leaves the same
    // state, so a retry after a lost response or a 429 cannot do harm.
    idempotent: true,
  },
  getSpaceWatchStatus: {
    id: 'getSpaceWatchStatus',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/user/watch/space/{spaceKey}',
    feature: 'watch',
    response: 'json',
    idempotent: true,
  },
  addSpaceWatcher: {
    id: 'addSpaceWatcher',
    api: 'v1',
    method: 'POST',
    specPath: '/wiki/rest/api/user/watch/space/{spaceKey}',
    feature: 'watch',
    response: 'none',
    idempotent: false,
  },
  removeSpaceWatcher: {
    id: 'removeSpaceWatcher',
    api: 'v1',
    method: 'DELETE',
    specPath: '/wiki/rest/api/user/watch/space/{spaceKey}',
    feature: 'watch',
    response: 'none',
    idempotent: true,
  },
  getContentById: {
    id: 'getContentById',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content/{id}',
    feature: 'export',
    response: 'json',
    idempotent: true,
    note: 'Deprecated but working; the only page read on Data Center.',
  },
  getPageById: {
    id: 'getPageById',
    api: 'v2',
    method: 'GET',
    specPath: '/pages/{id}',
    feature: 'export',
    response: 'json',
    idempotent: true,
  },
  getPageAttachments: {
    id: 'getPageAttachments',
    api: 'v2',
    method: 'GET',
    specPath: '/pages/{id}/attachments',
    feature: 'export',
    response: 'json',
    idempotent: true,
  },
  downloadAttachment: {
    id: 'downloadAttachment',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download',
    feature: 'export',
    response: 'binary',
    idempotent: true,
    note: 'The download links in attachment bodies no longer accept API tokens; this one redirects to a signed URL.',
  },
  getContentAttachments: {
    id: 'getContentAttachments',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content/{id}/child/attachment',
    feature: 'export',
    response: 'json',
    idempotent: true,
    note: "The attachment list on Data Center (no v2): each one's `_links.download` is its servlet path.",
  },
  downloadAttachmentDc: {
    id: 'downloadAttachmentDc',
    api: 'dc-servlet',
    method: 'GET',
    // `downloadLink` is the attachment's whole `_links.download` (path and query, with or without
    // the context path): the chokepoint takes it only when it lies under the literal part of this
    // path (client/servlet-link.ts), so it can never leave the DC site's origin.
    specPath: '/download/attachments/{downloadLink}',
    feature: 'export',
    response: 'binary',
    idempotent: true,
    note: 'Data Center has no REST download: files come from the servlet path with the PAT, on the same origin only.',
  },
  getDescendants: {
    id: 'getDescendants',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content/{id}/descendant/{type}',
    feature: 'copy',
    response: 'json',
    idempotent: true,
    note: 'v1 tree walk: needs only read:content-details:confluence, and works on Data Center too.',
  },
  getChildren: {
    id: 'getChildren',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content/{id}/child/{type}',
    feature: 'copy',
    response: 'json',
    idempotent: true,
  },
  getPageDescendantsV2: {
    id: 'getPageDescendantsV2',
    api: 'v2',
    method: 'GET',
    specPath: '/pages/{id}/descendants',
    feature: 'copy',
    response: 'json',
    idempotent: true,
    note: 'Faster tree walk (Cloud only); scoped tokens need read:hierarchical-content:confluence for it.',
  },
  listSpaces: {
    id: 'listSpaces',
    api: 'v2',
    method: 'GET',
    specPath: '/spaces',
    feature: 'browse',
    response: 'json',
    idempotent: true,
  },
  findContentByTitle: {
    id: 'findContentByTitle',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/content',
    feature: 'copy',
    response: 'json',
    idempotent: true,
    note: 'Resolves a /wiki/display/KEY/Title link (no id in it) by space key and title.',
  },
  listPages: {
    id: 'listPages',
    api: 'v2',
    method: 'GET',
    specPath: '/pages',
    feature: 'browse',
    response: 'json',
    idempotent: true,
    note: 'The health report reads a page the site lists when the tab shows none.',
  },
  getJiraCurrentUser: {
    id: 'getJiraCurrentUser',
    api: 'jira',
    method: 'GET',
    specPath: '/rest/api/3/myself',
    feature: 'Jira, same token (health report)',
    response: 'json',
    idempotent: true,
    note: "The health report's Jira row: one Atlassian token serves Confluence and Jira on a site.",
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationId = keyof typeof OPERATIONS;
export type Operation<Id extends OperationId = OperationId> = (typeof OPERATIONS)[Id];

export const OPERATION_IDS = Object.keys(OPERATIONS) as OperationId[];

/** Operations of Confluence's own REST APIs: the ones its OpenAPI specs describe (and the scope table covers). */
export type ConfluenceOperationId = { [Id in OperationId]: Operation<Id>['api'] extends 'v1' | 'v2' ? Id : never }[OperationId];
export type JiraOperationId = { [Id in OperationId]: Operation<Id>['api'] extends 'jira' ? Id : never }[OperationId];
/** Operations only a Data Center site answers (refused on Cloud before the network). */
export type DataCenterOnlyOperationId = { [Id in OperationId]: Operation<Id>['api'] extends 'dc-servlet' ? Id : never }[OperationId];

export function isConfluenceOperation(id: OperationId): id is ConfluenceOperationId {
  const { api } = OPERATIONS[id];
  return api === 'v1' || api === 'v2';
}

export function isJiraOperation(id: OperationId): id is JiraOperationId {
  return OPERATIONS[id].api === 'jira';
}

export function isDataCenterOnlyOperation(id: OperationId): id is DataCenterOnlyOperationId {
  return OPERATIONS[id].api === 'dc-servlet';
}

export function isOperationId(value: unknown): value is OperationId {
  return typeof value === 'string' && Object.hasOwn(OPERATIONS, value);
}

export function getOperation<Id extends OperationId>(id: Id): Operation<Id> {
  return OPERATIONS[id];
}

/** `{id}`-style names in a path template, as a type: `'/content/{id}/child/{type}'` → `'id' | 'type'`. */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type PathParamsOf<Id extends OperationId> = Record<PathParamNames<Operation<Id>['specPath']>, string>;

/** The path names a template declares, in order. */
export function pathParamNames(specPath: string): string[] {
  return [...specPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/**
 * The part of the spec path below the API base: v1 spec paths carry `/wiki/rest/api/` (which the
 * resolved base already ends with, also on DC where it is `/rest/api/`), Jira's `/rest/api/3/`,
 * v2 paths are relative. (`dc-servlet` paths are checked links, not templates: servlet-link.ts.)
 */
export function pathBelowBase(op: OperationDefinition): string {
  if (op.api === 'v1' || op.api === 'jira') {
    const prefix = op.api === 'v1' ? '/wiki/rest/api/' : '/rest/api/3/';
    if (!op.specPath.startsWith(prefix)) throw new Error(`${op.api} operation ${op.id} has a path outside ${prefix}`);
    return op.specPath.slice(prefix.length);
  }
  return op.specPath.replace(/^\//, '');
}
