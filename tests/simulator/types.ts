// Public and shared types of the Confluence simulator. `index.ts` re-exports the public ones.

export type TokenKind = 'classic' | 'scoped' | 'dc-pat';

/** A person behind tokens. Cloud users have an accountId; Data Center users a username and userKey. */
export interface SimUser {
  key: string;
  email: string;
  displayName: string;
  publicName: string;
  timeZone: string;
  /** Cloud only. */
  accountId?: string;
  /** Data Center only. */
  username?: string;
  /** Data Center only. */
  userKey?: string;
}

export interface SimTokenSpec {
  /** Fixture name; it shows in the request log as `tokenLabel`, never the secret. */
  name: string;
  kind: TokenKind;
  /** The (fake) API token or PAT. Never starts with "ATATT". */
  secret: string;
  /** A key of `SIM_USERS`, or a user of the test's own. */
  user: string | SimUser;
  /** Hosts the token is valid for: 'acme.atlassian.net', 'confluence.dc.test'. */
  sites: string[];
  /** Scopes (scoped tokens only): granular or classic names, as on the token page's two tabs. */
  scopes?: string[];
  /** ISO 8601; the token stops working after it. */
  expiresAt?: string;
  revoked?: boolean;
}

/** A token as the simulator holds it at runtime (user resolved). */
export interface SimToken extends Omit<SimTokenSpec, 'user' | 'scopes'> {
  user: SimUser;
  scopes: string[];
}

export type AuthKind = 'none' | 'basic' | 'bearer';

export interface RequestLogEntry {
  /** ms since epoch when the request was received. */
  time: number;
  host: string;
  method: string;
  /** Path with query. */
  path: string;
  /** Lower-case names; Authorization and Cookie masked ('Basic ***'); X-Atlassian-Token kept. */
  headers: Record<string, string>;
  /** 0 while in flight, and for a dropped connection. */
  status: number;
  authKind: AuthKind;
  /** The fixture token name that authenticated the request; never the secret. */
  tokenLabel?: string;
  /** The fixture token whose secret the request carried, whether or not it was accepted. */
  tokenPresented?: string;
  /**
   * Names of the credential-carrying headers the request had ('authorization',
   * 'proxy-authorization', 'cookie'), [] when none: what proves no credential reached a host
   * (e.g. `api.media.atlassian.com`). Their values are masked in `headers`.
   */
  credentialHeaders: string[];
}

export type FaultKind = 'malformed-json' | 'html-login' | 'truncated' | 'drop' | 'status' | 'redirect' | 'huge-body';

export interface FaultSpec {
  host?: string;
  /** Matches the start of the path (with query). Without it, only API requests match (not HTML pages). */
  pathPrefix?: string;
  kind: FaultKind;
  /** For kind 'status' (default 500); for 'redirect' a 3xx (default 302). */
  status?: number;
  /** For kind 'redirect': the absolute URL of the `Location` header (e.g. another *.atlassian.net host). */
  location?: string;
  /**
   * For kind 'huge-body': the body's least size in bytes (default 4 MiB). The answer is the real
   * one (status and JSON fields kept) with a `padding` string added to reach it.
   */
  bytes?: number;
  /** How many matching requests get the fault (default 1). */
  times?: number;
}

export interface RateLimitSpec {
  /** Fixture token name... */
  tokenName?: string;
  /** ...or its secret. */
  secret?: string;
  /** The next `count` requests carrying that token get 429. */
  count: number;
  /** Raw `Retry-After` value (seconds or an HTTP date, or anything to test parsing). Default '1'. */
  retryAfter?: string;
}

export interface ServiceUnavailableSpec {
  /** The next `count` API requests get 503. */
  count: number;
  /** Raw `Retry-After` value; absent means no header. */
  retryAfter?: string;
  host?: string;
  pathPrefix?: string;
}

export interface RateLimitBudgetSpec {
  /** `X-RateLimit-Limit` (default: RATE_LIMIT_LIMIT in guesses.ts, or the budget's current limit). */
  limit?: number;
  /** Calls left before the next one (default: `limit`). Each authenticated call uses one and
   *  reports what is left after it, never below 0. Reaching 0 sends no 429 (`rateLimit` does). */
  remaining?: number;
  /** Also send `X-RateLimit-NearLimit: true` (API tokens never get it otherwise). Default false. */
  nearLimit?: boolean;
}

export type TenantInfoMode = 'ok' | 'malformed' | 'error500';

export interface FailContentSpec {
  /** What reading the content answers, in the API's error envelope (v1 or v2). */
  status: 403 | 404 | 500;
}

export interface GenerateTreeSpec {
  /** The page (or folder) the new pages go under; its site and space are theirs. */
  parentId: string;
  /** Only needed when `parentId` exists on more than one site. */
  host?: string;
  /** How many pages to add. */
  count: number;
  /** Children per page, filled breadth-first (default 10). 1 makes a chain (deeper than v2's depth limit of 10). */
  fanOut?: number;
  /** Attachments on every new page (default 0): `data-<n>.bin`, application/octet-stream. */
  attachmentsPerPage?: number;
  /** Size of each attachment in bytes (default 4096); the bytes are made when downloaded. */
  attachmentBytes?: number;
}

export interface SimulatorControl {
  setAnonymousAccess(host: string, on: boolean): void;
  /** Every answer (API, pages, media host) waits this long first; reset() restores the start option. */
  setLatency(ms: number): void;
  injectFault(fault: FaultSpec): void;
  rateLimit(spec: RateLimitSpec): void;
  serviceUnavailable(spec: ServiceUnavailableSpec): void;
  addToken(token: SimTokenSpec): void;
  revokeToken(name: string): void;
  expireToken(name: string): void;
  setTenantInfo(host: string, mode: TenantInfoMode): void;
  /** `user` is a SIM_USERS key; without access, `user/current` on that site answers 403. */
  setConfluenceAccess(host: string, user: string, on: boolean): void;
  /** `user` is a SIM_USERS key; without access, Jira's `myself` on that site answers 403. */
  setJiraAccess(host: string, user: string, on: boolean): void;
  /** The rate-limit budget authenticated answers report for the token (by fixture name). */
  setRateLimitBudget(tokenName: string, budget: RateLimitBudgetSpec): void;
  /**
   * Reads of this content answer `status` until reset: v1 content/{id} and its child,
   * descendant and download paths; v2 pages/{id}, /attachments, /descendants. An attachment id
   * ('att…') fails that attachment's v1 download.
   */
  failContent(id: string, spec: FailContentSpec): void;
  /** Every n-th API call carrying any known token answers 429 with `Retry-After: retryAfterSeconds`; n = 0 turns it off. */
  rateLimitEvery(n: number, retryAfterSeconds: number): void;
  /** Adds pages under `parentId` (see GenerateTreeSpec); returns their ids, breadth-first. Gone at reset. */
  generateTree(spec: GenerateTreeSpec): string[];
  /**
   * Data Center: every 401 (no, wrong, expired or revoked PAT; also "Login Required") is Tomcat's
   * HTML page instead of JSON. A Basic Authorization header always gets it. Off at reset.
   */
  dcHtmlUnauthorized(on: boolean): void;
  /**
   * Data Center: after each 429 of a token, its next `count` DC requests answer 401 "Login
   * Required" (default 1; 0 turns it off), then normal answers resume. Reset restores the default.
   */
  dcLoginRequiredAfterRateLimit(count: number): void;
  /** Back to the fixtures and the start options; the log is kept (use `clearLog`). */
  reset(): void;
}

export interface Simulator {
  port: number;
  /** The exact value for Chromium's `--host-resolver-rules`. */
  hostResolverRules: string;
  /** 'https://acme.atlassian.net' for 'acme.atlassian.net'. */
  siteUrl(host: string): string;
  /** fetch for Node tests: any https URL goes to the simulator; self-signed certificate accepted. */
  fetch: typeof fetch;
  log: RequestLogEntry[];
  clearLog(): void;
  control: SimulatorControl;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  latencyMs?: number;
}
