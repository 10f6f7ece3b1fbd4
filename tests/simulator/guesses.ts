// Every behaviour of the simulator that is NOT backed by API-FACTS.md (doc/seen) or the OpenAPI
// specs lives here, one named constant or function each, with why we chose it. When real
// Atlassian turns out to differ, change it here and nowhere else.

// ---------------------------------------------------------------------------------------------
// Cloud site authentication
// ---------------------------------------------------------------------------------------------

/**
 * Body of a 401 for a bad / revoked / expired API token on the site URL. API-FACTS says the text
 * mentions that basic auth with passwords is deprecated (seen); this exact wording and the
 * plain-text content type are what public bug reports show, not verified by us.
 */
export const BASIC_AUTH_DEPRECATED_BODY =
  'Basic authentication with passwords is deprecated.  For more information, see: ' +
  'https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/\n';
export const BASIC_AUTH_DEPRECATED_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** WWW-Authenticate on a site 401. The realm value is a guess. */
export const SITE_WWW_AUTHENTICATE = 'Basic realm="Protected"';

/**
 * No credentials on a site with anonymous access off: 401 with Confluence's v1 error envelope.
 * The status is doc; the body shape and message are a guess.
 */
export const SITE_NO_CREDENTIALS_MESSAGE = 'This request requires authentication';

/**
 * On a site with anonymous access ON, wrong/expired/revoked Basic credentials are answered as the
 * anonymous user (API-FACTS: "may be answered as the anonymous user"). Scoped tokens (401/404)
 * and Bearer (403) are exceptions (seen). Which of "may" applies is a guess.
 */
export const WRONG_CREDENTIALS_FALL_BACK_TO_ANONYMOUS = true;

/**
 * Full text of the v1 401 for a scoped token on the site URL. API-FACTS has only the tail
 * ("…lacks valid authentication credentials for that resource", seen); the head and the v1
 * envelope around it are a guess.
 */
export const SCOPED_TOKEN_ON_SITE_V1_MESSAGE = 'The request was rejected: the caller lacks valid authentication credentials for that resource.';

/**
 * Bearer on a site URL fails (403, seen) before anonymous access is considered: Confluence tries
 * to parse it as a Connect session token first. Guess.
 */
export const SITE_BEARER_REFUSED_EVEN_WITH_ANONYMOUS_ACCESS = true;

/**
 * A user without Confluence access on a site (403 "not permitted to use Confluence", seen) is
 * only refused by `user/current`; what other endpoints answer such a user is unknown, so they
 * behave as for any user. Guess.
 */
export const NO_CONFLUENCE_ACCESS_AFFECTS_ONLY_CURRENT_USER = true;

/**
 * What `user/current` answers for the anonymous user: `type: "anonymous"`, no accountId
 * (API-FACTS marks this as a guess). The other fields follow the spec's UserAnonymous schema.
 */
export function anonymousUserBody(links: Record<string, string>): Record<string, unknown> {
  return {
    type: 'anonymous',
    profilePicture: { path: '/wiki/s/-1/_/images/icons/profilepics/anonymous.svg', width: 48, height: 48, isDefault: true },
    displayName: 'Anonymous',
    isExternalCollaborator: false,
    _expandable: { operations: '' },
    _links: links,
  };
}

/** Profile picture path of a known user (shape from the spec; the path format is a guess). */
export function profilePicturePath(accountId: string): string {
  return `/wiki/aa-avatar/${accountId}`;
}

/** Other users' e-mail is hidden ('') in content responses (privacy setting); own e-mail is shown. Guess. */
export const HIDE_OTHER_USERS_EMAIL = true;

// ---------------------------------------------------------------------------------------------
// Gateway (api.atlassian.com/ex/confluence/<cloudId>)
// ---------------------------------------------------------------------------------------------

/** Body of the gateway's FAILURE_CLIENT_AUTH_MISMATCH 401 (the status and header are seen; body guessed). */
export const GATEWAY_AUTH_MISMATCH_BODY = { code: 401, message: 'Unauthorized' };

/**
 * `Authorization: Bearer <API token>` on the gateway answers 404 (seen). We answer 404 for ANY
 * Bearer value there, since an opaque API token can't be told from any other non-OAuth string.
 */
export const GATEWAY_BEARER_STATUS = 404;
export const GATEWAY_NOT_FOUND_BODY = { code: 404, message: 'Not Found' };

/**
 * A classic (unscoped) token on the gateway is refused with AUTH_MISMATCH. API-FACTS marks this a
 * guess (one 2026 README claims the gateway takes both). When false, the gateway accepts it
 * without scope checks, like the site does.
 */
export const GATEWAY_REFUSES_CLASSIC_TOKENS = true;

/** No Authorization header on the gateway: 401 FAILURE_CLIENT_AUTH_MISMATCH. Guess. */
export const GATEWAY_NO_CREDENTIALS_IS_AUTH_MISMATCH = true;

/** A scoped token used with the cloudId of a site it was not created for: AUTH_MISMATCH. Guess. */
export const GATEWAY_OTHER_SITE_IS_AUTH_MISMATCH = true;

/** Unknown cloudId in the gateway path: 404. Guess. */
export const GATEWAY_UNKNOWN_CLOUD_ID_STATUS = 404;

/**
 * A spec operation that lists scopes but none of the kind its API accepts (v1: classic or
 * granular; v2: granular) can't be reached with a scoped token: scope-check failure. Operations
 * listing no scopes at all are not checked. Guess.
 */
export const OPERATION_WITHOUT_ACCEPTED_SCOPES_FAILS = true;

/**
 * The legacy download path through the gateway (scope-check 401, doc) still checks credentials
 * first: Bearer 404, unknown or missing credentials AUTH_MISMATCH. Guess.
 */
export const GATEWAY_LEGACY_DOWNLOAD_CHECKS_CREDENTIALS_FIRST = true;

// ---------------------------------------------------------------------------------------------
// Jira's `myself` with the same token (site `/rest/api/3/myself`, gateway `/ex/jira/<cloudId>/...`)
// ---------------------------------------------------------------------------------------------

/**
 * Scopes a scoped token needs for Jira's `GET /rest/api/3/myself` on the gateway: the classic
 * scope alone, or every scope of the granular set. No Jira spec is in ../shared, so these names
 * (from Atlassian's Jira reference, not checked by us) are a guess. Each entry is one sufficient set.
 */
export const JIRA_MYSELF_SCOPE_SETS: readonly (readonly string[])[] = [
  ['read:jira-user'],
  ['read:user:jira', 'read:application-role:jira', 'read:group:jira', 'read:avatar:jira'],
];

/** Jira's error envelope (the shape Jira's REST API uses; exact bodies below are guesses). */
export function jiraErrorBody(errorMessages: string[], errors: Record<string, string> = {}): Record<string, unknown> {
  return { errorMessages, errors };
}

/**
 * `myself` "cannot be accessed anonymously" (Jira reference): no, wrong, expired or revoked
 * credentials get 401 even on a site with anonymous access on. The body text is a guess
 * (commonly reported wording).
 */
export const JIRA_NOT_AUTHENTICATED_MESSAGE = 'You are not authenticated. Authentication required to perform this operation.';

/**
 * A scoped token on the site's Jira URL: 401 like Confluence v1 (guess), in Jira's envelope with
 * the text seen from Confluence ("…lacks valid authentication credentials…"; guess for Jira).
 */
export const JIRA_SCOPED_TOKEN_ON_SITE_MESSAGE = SCOPED_TOKEN_ON_SITE_V1_MESSAGE;

/** `Authorization: Bearer` on the site's Jira URL: 403 like Confluence's Connect-token failure. Guess. */
export const JIRA_SITE_BEARER_LIKE_CONFLUENCE = true;

/**
 * A user without Jira product access on that site (`control.setJiraAccess(host, user, false)`):
 * `myself` answers 403 with this message in Jira's envelope. Status and text are a guess.
 */
export const JIRA_NO_PRODUCT_ACCESS_STATUS = 403;
export const JIRA_NO_PRODUCT_ACCESS_MESSAGE = 'You do not have access to Jira on this site.';

/** A method other than GET on `myself`: 405 in Jira's envelope, after authentication. Guess. */
export const JIRA_METHOD_NOT_ALLOWED_MESSAGE = 'Method Not Allowed';

/** `avatarUrls` of a Jira user (the four sizes are Jira's; the URL format is a guess). */
export function jiraAvatarUrls(host: string, accountId: string): Record<string, string> {
  const url = (size: number): string => `https://${host}/rest/api/3/universal_avatar/view/type/user/avatar/${encodeURIComponent(accountId)}?size=${size}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

/** `locale` of every Jira user in the simulator. Guess. */
export const JIRA_USER_LOCALE = 'en_US';

// ---------------------------------------------------------------------------------------------
// Errors and limits of the REST APIs
// ---------------------------------------------------------------------------------------------

/** Statuses whose v1 error envelope says `authorized: false` (404 as well: hidden looks like missing). Guess. */
export const V1_ERROR_NOT_AUTHORIZED_STATUSES: readonly number[] = [401, 403, 404];

/** Confluence v1 error envelope (commonly seen shape; field values guessed). */
export function v1ErrorBody(status: number, message: string): Record<string, unknown> {
  return {
    statusCode: status,
    data: { authorized: !V1_ERROR_NOT_AUTHORIZED_STATUSES.includes(status), valid: true, errors: [], successful: false },
    message,
  };
}

/** v1 404 message for missing or hidden content (commonly seen wording). */
export function v1ContentNotFoundMessage(id: string): string {
  return `No content found with id: ContentId{id=${id}}`;
}

/** v1 answer for a REST path Confluence doesn't have: 404 with Jersey's wording. Guess. */
export function v1UnknownPathMessage(uri: string): string {
  return `null for uri: ${uri}`;
}

/** v2 error envelope. Guess. */
export function v2ErrorBody(status: number, title: string, detail?: string): Record<string, unknown> {
  return { errors: [{ status, code: title.toUpperCase().replace(/\s+/g, '_'), title, detail: detail ?? null }] };
}

/**
 * v1 `expand`: "at most 8" (doc). We count every comma-separated entry, dotted or not; Atlassian
 * speaks of "sub-expansions", so which entries count is a guess.
 */
export const V1_MAX_EXPANSIONS = 8;
export const V1_TOO_MANY_EXPANSIONS_MESSAGE = 'Maximum sub-expansions allowed is 8';

/** v1 offset pagination: default 25 (doc); the cap for child/descendant lists (200) is a guess. */
export const V1_DEFAULT_LIMIT = 25;
export const V1_MAX_LIMIT = 200;

/** v2: a `limit` above 250 is silently capped (the spec says maximum 250); below 1 is a 400. Guess. */
export const V2_LIMIT_ABOVE_MAX_IS_CAPPED = true;

/**
 * v2 pages/blog posts without a parent: the spec types `parentId` as a non-null string while
 * describing it as "null if there is no parent", so we leave `parentId`/`parentType` out. Guess.
 */
export const V2_ROOT_OMITS_PARENT = true;

/** v2 cursors are opaque; ours are base64url JSON `{"o":<offset>}`. Format is ours, not Atlassian's. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}
export function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Watching
// ---------------------------------------------------------------------------------------------

/** Body of the 403 when a watch write lacks `X-Atlassian-Token: no-check` (Server's wording; guess for Cloud). */
export const XSRF_FAILURE_BODY = 'XSRF check failed';

/** The anonymous user can neither read nor change watch status: 403. Guess. */
export const ANONYMOUS_CANNOT_WATCH = true;

/**
 * Data Center: POST watch answers 200 with a `ContentWatch` (doc: `{type, watcher, contentId}`-like).
 * The exact fields are a guess modelled on the v1 spec's `Watch`: `type` is the content type
 * ('page', 'blogpost'), `watcher` the DC user, `contentId` a number.
 */
export function dcContentWatchBody(contentType: string, watcher: Record<string, unknown>, contentId: string): Record<string, unknown> {
  return { type: contentType, watcher, contentId: Number(contentId) };
}

/** Data Center: POST space watch answers 200 with a SpaceWatch-like body (the v1 spec's `SpaceWatch`). Guess. */
export function dcSpaceWatchBody(watcher: Record<string, unknown>, spaceKey: string): Record<string, unknown> {
  return { type: 'space', watcher, spaceKey };
}

/** Data Center: DELETE watch answers 204 like Cloud. Guess. */
export const DC_WATCH_DELETE_STATUS = 204;

/** Data Center watch writes need `X-Atlassian-Token: no-check` like Cloud. Guess. */
export const DC_WATCH_WRITE_NEEDS_XSRF_HEADER = true;

// ---------------------------------------------------------------------------------------------
// Rate limits and outages
// ---------------------------------------------------------------------------------------------

/** Values of the rate-limit headers (the header names are doc; the values are guesses). */
export const RATE_LIMIT_LIMIT = '100';
/** When Retry-After isn't a number of seconds, X-RateLimit-Reset is this far ahead. */
export const RATE_LIMIT_RESET_FALLBACK_SECONDS = 60;
export const RATE_LIMIT_BODY = { code: 429, message: 'Rate limit exceeded' };

/**
 * Whether answers to authenticated API calls (not only 429s) carry `X-RateLimit-Limit` and
 * `X-RateLimit-Remaining`. API-FACTS does not say whether API-token 200s carry them. Guess.
 * The remaining count comes from a per-token budget (`control.setRateLimitBudget`) that goes down
 * by one per authenticated call; reaching 0 does NOT produce 429s (use `control.rateLimit`).
 */
export const RATE_LIMIT_HEADERS_ON_SUCCESS = true;

/**
 * Data Center answers also carry `X-RateLimit-Interval-Seconds` and `X-RateLimit-FillRate` (the
 * header names are doc); these values (a token bucket refilled by 10 every second) are a guess.
 */
export const DC_RATE_LIMIT_INTERVAL_SECONDS = '1';
export const DC_RATE_LIMIT_FILL_RATE = '10';
export const SERVICE_UNAVAILABLE_BODY = { code: 503, message: 'Service Unavailable' };

/**
 * `control.rateLimitEvery(n, retryAfter)`: every n-th API request carrying a known token's
 * credentials (site, gateway, Jira, Data Center; accepted or not; not the media host, not
 * anonymous calls, not `tenant_info`, which takes no credentials) gets the token 429. Real limits are per site × endpoint × method and per token,
 * with unpublished numbers (doc); one counter over all of them is ours. 503s from outages answer
 * first and don't count.
 */
export function countsTowardRateLimitEvery(host: string, path: string, presentsKnownToken: boolean): boolean {
  return presentsKnownToken && host !== MEDIA_HOST && !path.startsWith('/_edge/tenant_info');
}

// ---------------------------------------------------------------------------------------------
// Attachments and the media host
// ---------------------------------------------------------------------------------------------

export const MEDIA_HOST = 'api.media.atlassian.com';

/** Signed media URLs live this long. Guess. */
export const MEDIA_TOKEN_TTL_SECONDS = 600;

/** Shape of the 302 target (the host is seen; path and query are a guess). */
export function mediaUrl(fileId: string, token: string, clientId: string, pageId: string, filename: string): string {
  const q = new URLSearchParams({ token, client: clientId, collection: `contentId-${pageId}`, name: filename, dl: 'true', 'max-age': '2940' });
  return `https://${MEDIA_HOST}/file/${fileId}/binary?${q.toString()}`;
}

/** The media host rejects any request carrying Authorization (never send it there): status and body are a guess. */
export const MEDIA_REJECTS_AUTHORIZATION_STATUS = 401;
export const MEDIA_AUTHORIZATION_REJECTED_BODY = { error: { code: 'Unauthorized', title: 'Authorization header not accepted with a signed URL' } };
export const MEDIA_BAD_TOKEN_STATUS = 401;

/** `downloadLink` / `_links.download` of an attachment, relative to the base (the path is seen; the query is a guess). */
export function attachmentDownloadPath(pageId: string, filename: string, version: number, createdAt: string): string {
  return `/download/attachments/${pageId}/${encodeURIComponent(filename)}?version=${version}&modificationDate=${Date.parse(createdAt)}&api=v2`;
}

/** Web UI link of an attachment: the page with a preview parameter. Guess. */
export function attachmentWebuiPath(pageWebui: string, pageId: string, attachmentId: string, filename: string): string {
  return `${pageWebui}?preview=${encodeURIComponent(`/${pageId}/${attachmentId}/${filename}`)}`;
}

/**
 * `/wiki/download/attachments/...` refuses API tokens (doc, CHANGE-2735). We refuse ANY
 * Authorization header there; without one we assume a browser session and serve the bytes. Guess.
 */
export const LEGACY_DOWNLOAD_WITHOUT_AUTHORIZATION_SERVES_BYTES = true;

/** Body of the legacy download path's OAuth 401 on the site (status and header are doc). Guess. */
export const LEGACY_DOWNLOAD_REFUSED_BODY = '';

// ---------------------------------------------------------------------------------------------
// Rendered bodies (view / export_view) of content with `rendering: 'confluence'` (export-view.ts)
// ---------------------------------------------------------------------------------------------
// Classes and attributes follow the rendered Cloud samples in ../shared/confluence-samples
// (seen: `brush: c#`, `confluence-information-macro-*`, `inline-task-list` with `checked`,
// `user-mention` with the display name, `status-macro aui-lozenge-*`). What follows is not seen.

/** A code macro without a language renders as `brush: text` (a Cloud sample shows it; which languages map to it is a guess). */
export const CODE_BRUSH_WITHOUT_LANGUAGE = 'text';

/** Title of an expand macro without one. Guess (the editor's placeholder wording). */
export const EXPAND_DEFAULT_TITLE = 'Click here to expand...';

/**
 * export_view image `src` (and `data-image-src`) is the site-relative download path
 * `/wiki/download/attachments/<pageId>/<file>?version=…&modificationDate=…&api=v2`, the same as
 * `downloadLink`; page links are absolute site URLs (seen in rendered samples). Guess for the images.
 */
export const EXPORT_VIEW_IMAGE_SRC_IS_SITE_RELATIVE = true;

/** Where an emoticon's image lives. Guess. */
export function emoticonImagePath(name: string): string {
  return `/wiki/s/-1/_/images/icons/emoticons/${encodeURIComponent(name)}.svg`;
}

/** A mention of an account the site doesn't know. Guess. */
export function unknownUserName(id: string): string {
  return id ? `Unknown user (${id})` : 'Unknown user';
}

/**
 * Content made to fail (`control.failContent`): the v1 and v2 messages for 403 and 500 are
 * guesses (404 uses the usual "No content found" message). Hidden and broken content stays in
 * tree listings (v2 descendants, v1 descendant/page): only reading it fails. Guess.
 */
export const V1_CONTENT_FORBIDDEN_MESSAGE = 'You do not have permission to view this content.';
export const V1_INTERNAL_ERROR_MESSAGE = 'Internal Server Error';

/** v2 error titles by status for `control.failContent`. Guess. */
export const V2_ERROR_TITLES: Readonly<Record<number, string>> = { 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** `mediaTypeDescription` of v2 attachments by media type (the field is doc; these values are a guess). */
export const MEDIA_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'image/png': 'PNG Image',
  'text/plain': 'Text File',
  'application/pdf': 'PDF Document',
  'application/octet-stream': 'Binary File',
};

// ---------------------------------------------------------------------------------------------
// HTML pages (what the content script sees)
// ---------------------------------------------------------------------------------------------

/** HTML pages need no credentials: the browser is assumed logged in (as `HTML_SESSION_USER`). Guess. */
export const HTML_SESSION_USER = 'alice';

/** `<title>` of a Confluence page. Guess. */
export function pageDocumentTitle(title: string, spaceName: string): string {
  return `${title} - ${spaceName} - Confluence`;
}

/** `/wiki/spaces/KEY/overview` shows the space homepage and carries its meta tags. Guess. */
export const OVERVIEW_CARRIES_HOMEPAGE_META = true;

/** Editor URL of a page (API-FACTS marks `/pages/edit-v2/{id}` as a guess). */
export function editV2Path(spaceKey: string, id: string): string {
  return `/wiki/spaces/${spaceKey}/pages/edit-v2/${id}`;
}

/** Blog post URL (API-FACTS marks it as a guess): /wiki/spaces/KEY/blog/YYYY/MM/DD/{id}/Title. */
export function blogPostPath(spaceKey: string, createdAt: string, id: string, slug: string): string {
  const [y, m, d] = createdAt.slice(0, 10).split('-');
  return `/wiki/spaces/${spaceKey}/blog/${y}/${m}/${d}/${id}/${slug}`;
}

/** Whiteboards, databases and folders are also served at the short `/database/{id}` and `/folder/{id}`. Guess. */
export const SHORT_DATABASE_AND_FOLDER_PATHS = true;

/** A URL naming the wrong space key for a page id still shows the page (the id wins). Guess. */
export const PAGE_URL_ID_WINS_OVER_SPACE_KEY = true;

/** Jira pages on the same host carry `ajs-cloud-id` (but never `ajs-page-id`). Guess. */
export const JIRA_PAGES_CARRY_CLOUD_ID = true;

/** Login page shown by the 'html-login' fault (a 200 with HTML where JSON was expected). */
export const HTML_LOGIN_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Log in with Atlassian account</title></head>' +
  '<body><form action="https://id.atlassian.com/login" method="post"><input name="username"><button>Continue</button></form></body></html>';

/** Hosts we don't simulate answer 404 (Chromium maps all *.atlassian.net/com to us). */
export const UNKNOWN_HOST_STATUS = 404;

// ---------------------------------------------------------------------------------------------
// Data Center
// ---------------------------------------------------------------------------------------------

/** Version in `<meta name="ajs-version-number">` of DC pages. */
export const DC_VERSION_NUMBER = '8.5.4';

/** DC 401 for a bad/expired/revoked PAT or Basic credentials: v1 envelope. Guess. */
export const DC_UNAUTHORIZED_MESSAGE = 'Authentication failed';

/** DC anonymous user shape. Guess. */
export function dcAnonymousUserBody(base: string): Record<string, unknown> {
  return {
    type: 'anonymous',
    profilePicture: { path: '/confluence/images/icons/profilepics/anonymous.svg', width: 48, height: 48, isDefault: true },
    displayName: 'Anonymous',
    _links: { base, context: '/confluence' },
  };
}

/**
 * DC's Tomcat HTML error page for a failed login (seen: "Basic Authentication Failure - Reason :
 * AUTHENTICATED_FAILED", status 401, HTML instead of JSON). We answer it to every request with a
 * Basic Authorization header (a Cloud `email:token` sent to DC; the simulator knows no DC
 * passwords). The layout is Tomcat 9's default error report; the exact markup is a guess.
 */
export const DC_BASIC_AUTH_FAILURE_MESSAGE = 'Basic Authentication Failure - Reason : AUTHENTICATED_FAILED';
export const DC_TOMCAT_HTML_CONTENT_TYPE = 'text/html;charset=utf-8';
export function tomcatUnauthorizedPage(message: string): string {
  return (
    '<!doctype html><html lang="en"><head><title>HTTP Status 401 – Unauthorized</title>' +
    '<style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1 {color:white;background-color:#525D76;font-size:22px;}</style></head>' +
    '<body><h1>HTTP Status 401 – Unauthorized</h1><hr class="line" /><p><b>Type</b> Status Report</p>' +
    `<p><b>Message</b> ${message}</p>` +
    '<p><b>Description</b> The request has not been applied to the target resource because it lacks valid authentication credentials for that resource.</p>' +
    '<hr class="line" /><h3>Apache Tomcat/9.0.82</h3></body></html>'
  );
}

/**
 * With `control.dcHtmlUnauthorized(true)` every 401 of the DC server (no, wrong, expired or
 * revoked PAT) is the Tomcat page with DC_BASIC_AUTH_FAILURE_MESSAGE: which of DC's 401s are HTML
 * in the field is unknown, so tests choose. Whether the spurious "Login Required" 401 turns HTML
 * too is a guess (yes: a client must cope with it either way).
 */
export const DC_HTML_UNAUTHORIZED_COVERS_LOGIN_REQUIRED = true;

/**
 * Over-limit DC requests have surfaced as a spurious 401 "Login Required" (seen). We answer it to
 * the next `control.dcLoginRequiredAfterRateLimit(count)` DC requests carrying the token (any
 * path) after each DC 429 of that token, before any 429 still queued. How many, whether it is per
 * token, and the body (the v1 envelope with this message, no rate-limit headers) are guesses.
 */
export const DC_LOGIN_REQUIRED_MESSAGE = 'Login Required';
export const DC_LOGIN_REQUIRED_AFTER_RATE_LIMIT_DEFAULT = 1;

/**
 * Newer DC versions also serve pages at `/spaces/KEY/pages/ID[/Title]` (issue 10); the id wins
 * over the key and the title (PAGE_URL_ID_WINS_OVER_SPACE_KEY), and the title is not checked. Guess.
 */
export const DC_SPACES_PAGES_URL_TITLE_IGNORED = true;

/**
 * DC attachment `_links.download` is the servlet path relative to `_links.base` (which holds the
 * context path), with the same query as Cloud (attachmentDownloadPath; seen for the path, the
 * query values are a guess). `extensions` has no `fileId` (no media service on DC; guess).
 */
export const DC_ATTACHMENT_EXTENSIONS_WITHOUT_FILE_ID = true;

/**
 * `GET /rest/api/content/{id}` answers an attachment too (Confluence's content API covers every
 * content type, doc), by its listed id (`att4000011`) or the bare number (`4000011`). That both
 * forms work is a guess; on Cloud as on DC.
 */
export const CONTENT_BY_ID_ACCEPTS_ATTACHMENT_IDS = true;

/**
 * The DC download servlet (`/download/attachments/<pageId>/<file>`, query ignored): a valid PAT
 * (Bearer) of a user who may see the page gets the bytes; no Authorization and no session cookie
 * redirects to the login page (302, `os_destination` = the path after the context path, with its
 * query); a wrong, expired or revoked PAT gets the DC 401; Basic the Tomcat 401; a file or page that
 * does not exist, or one the user may not see, 404 with DC's HTML "not found" page. Guesses except
 * "PAT on the servlet path works" (seen).
 */
export function dcLoginPath(contextPath: string, destination: string): string {
  return `${contextPath}/login.action?os_destination=${encodeURIComponent(destination)}`;
}
export const DC_DOWNLOAD_NOT_FOUND_STATUS = 404;

/**
 * DC's HTML pages set a session cookie, as a logged-in browser has (the user is HTML_SESSION_USER's
 * DC counterpart, carol); the download servlet accepts it without Authorization, so the page's
 * images load in the browser. The REST API ignores it (a client under test must use its PAT).
 * Cookie name is DC's (JSESSIONID); the value and its attributes are ours.
 */
export const DC_SESSION_COOKIE_NAME = 'JSESSIONID';
export const DC_SESSION_COOKIE_VALUE = 'SIMdc-session-carol';
export const DC_SESSION_USER = 'carol';

// ---------------------------------------------------------------------------------------------
// Hosts that are not Confluence (the "Add a Data Center site" refusals)
// ---------------------------------------------------------------------------------------------

/**
 * `www.example.test` is an ordinary intranet home page: `/` answers 200 HTML without `ajs-*` meta
 * tags, anything else (`/rest/api/...` included) 404 with a small HTML page, like a plain web
 * server. Ours, not Atlassian's.
 */
export const NOT_CONFLUENCE_NOT_FOUND_STATUS = 404;

/**
 * `down.example.test` does not resolve. Through the Firefox CONNECT proxy its CONNECT gets
 * `502 Bad Gateway`, as a proxy answers when it cannot reach the name (Squid says 503, others
 * 502; either is a network error for `fetch`). `sim.fetch` rejects it like Node's fetch on a DNS
 * failure (TypeError "fetch failed", cause code ENOTFOUND) without connecting.
 */
export const UNREACHABLE_HOST_CONNECT_STATUS = 502;
