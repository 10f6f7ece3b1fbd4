// Everything the simulator can change at runtime, and how to go back to the fixtures.
import { randomBytes } from 'node:crypto';
import { SIM_CONTENT } from './all-content';
import type { ContentFailureStatus } from './content-failures';
import { ContentStore } from './content-store';
import { SIM_DC, SIM_INITIAL_WATCHES, SIM_NO_CONFLUENCE_ACCESS, SIM_NO_JIRA_ACCESS, SIM_SITES, SIM_TOKENS, SIM_USERS } from './fixtures';
import { DC_LOGIN_REQUIRED_AFTER_RATE_LIMIT_DEFAULT, RATE_LIMIT_LIMIT } from './guesses';
import { NEVER_GRANTED_TO_SCOPED_TOKENS } from './spec-scopes';
import type { FaultSpec, RequestLogEntry, SimToken, SimTokenSpec, SimUser, TenantInfoMode } from './types';

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface ActiveRateLimit {
  tokenName: string;
  remaining: number;
  retryAfter: string;
}

export interface ActiveOutage {
  remaining: number;
  retryAfter?: string;
  host?: string;
  pathPrefix?: string;
}

/** `control.rateLimitEvery`: every `every`-th counted call gets a 429; `seen` counts calls so far. */
export interface PeriodicRateLimit {
  every: number;
  retryAfterSeconds: number;
  seen: number;
}

/** A token's rate-limit budget, reported on authenticated answers (see RATE_LIMIT_HEADERS_ON_SUCCESS). */
export interface RateLimitBudget {
  limit: number;
  remaining: number;
  /** Send `X-RateLimit-NearLimit: true` (API tokens have none unless a test asks). */
  nearLimit: boolean;
}

export function defaultRateLimitBudget(): RateLimitBudget {
  const limit = Number(RATE_LIMIT_LIMIT);
  return { limit, remaining: limit, nearLimit: false };
}

export function resolveToken(spec: SimTokenSpec): SimToken {
  const user: SimUser | undefined = typeof spec.user === 'string' ? (SIM_USERS as Record<string, SimUser>)[spec.user] : spec.user;
  if (!user) throw new Error(`addToken: unknown user "${String(spec.user)}" (use a SIM_USERS key or a SimUser)`);
  if (spec.secret.startsWith('ATATT')) throw new Error('addToken: fake secrets must not look like real Atlassian tokens (ATATT...)');
  return {
    ...spec,
    user,
    sites: spec.sites.map((h) => h.toLowerCase()),
    // Atlassian can't grant these to scoped tokens: they never reach the token (API-FACTS).
    scopes: (spec.scopes ?? []).filter((s) => !NEVER_GRANTED_TO_SCOPED_TOKENS.includes(s)),
  };
}

export class SimState {
  readonly log: RequestLogEntry[] = [];
  tokens = new Map<string, SimToken>();
  anonymous = new Map<string, boolean>();
  tenantInfo = new Map<string, TenantInfoMode>();
  latencyMs = 0;
  faults: ActiveFault[] = [];
  rateLimits: ActiveRateLimit[] = [];
  outages: ActiveOutage[] = [];
  /** `${host}|${userKey}|content:${id}` / `|space:${KEY}` */
  watches = new Set<string>();
  /** `${host}|${userKey}` of users without Confluence access on that site. */
  noConfluenceAccess = new Set<string>();
  /** `${host}|${userKey}` of users without Jira product access on that site. */
  noJiraAccess = new Set<string>();
  /** By token name; a token without an entry has the default budget. */
  rateLimitBudgets = new Map<string, RateLimitBudget>();
  periodicRateLimit: PeriodicRateLimit | undefined;
  /** The content served: the fixtures, plus what tests add (a new store at every reset). */
  content = new ContentStore(SIM_CONTENT);
  /** Content id → the status reading it answers (`control.failContent`). */
  failedContent = new Map<string, ContentFailureStatus>();
  /** How many pages and attachments `control.generateTree` made since the last reset (their ids follow on). */
  generated = { pages: 0, attachments: 0 };
  /** `control.dcHtmlUnauthorized`: every DC 401 is Tomcat's HTML page. */
  dcHtmlUnauthorized = false;
  /** `control.dcLoginRequiredAfterRateLimit`: how many DC requests of a token answer 401 "Login Required" after its 429. */
  dcLoginRequiredAfterRateLimit = DC_LOGIN_REQUIRED_AFTER_RATE_LIMIT_DEFAULT;
  /** By token name: "Login Required" 401s still to answer. */
  dcLoginRequiredPending = new Map<string, number>();
  /** Signs media URLs; new at every start so old URLs stop working. */
  readonly mediaSecret = randomBytes(32);

  constructor(private readonly startLatencyMs: number) {
    this.reset();
  }

  reset(): void {
    this.tokens = new Map(Object.values(SIM_TOKENS).map((t) => [t.name, resolveToken(t)]));
    this.anonymous = new Map(Object.values(SIM_SITES).map((s) => [s.host, s.anonymousAccess]));
    this.anonymous.set(SIM_DC.host, SIM_DC.anonymousAccess);
    this.tenantInfo = new Map();
    this.latencyMs = this.startLatencyMs;
    this.faults = [];
    this.rateLimits = [];
    this.outages = [];
    this.watches = new Set(SIM_INITIAL_WATCHES);
    this.noConfluenceAccess = new Set(SIM_NO_CONFLUENCE_ACCESS);
    this.noJiraAccess = new Set(SIM_NO_JIRA_ACCESS);
    this.rateLimitBudgets = new Map();
    this.periodicRateLimit = undefined;
    this.content = new ContentStore(SIM_CONTENT);
    this.failedContent = new Map();
    this.generated = { pages: 0, attachments: 0 };
    this.dcHtmlUnauthorized = false;
    this.dcLoginRequiredAfterRateLimit = DC_LOGIN_REQUIRED_AFTER_RATE_LIMIT_DEFAULT;
    this.dcLoginRequiredPending = new Map();
  }

  hasJiraAccess(host: string, user: SimUser): boolean {
    return !this.noJiraAccess.has(`${host}|${user.key}`);
  }

  /** The token's budget, created with the default on first use. */
  rateLimitBudget(tokenName: string): RateLimitBudget {
    let budget = this.rateLimitBudgets.get(tokenName);
    if (!budget) {
      budget = defaultRateLimitBudget();
      this.rateLimitBudgets.set(tokenName, budget);
    }
    return budget;
  }

  hasConfluenceAccess(host: string, user: SimUser): boolean {
    return !this.noConfluenceAccess.has(`${host}|${user.key}`);
  }

  tokenBySecret(secret: string): SimToken | undefined {
    for (const t of this.tokens.values()) if (t.secret === secret) return t;
    return undefined;
  }

  tokenByName(name: string): SimToken {
    const t = this.tokens.get(name);
    if (!t) throw new Error(`unknown simulator token "${name}"`);
    return t;
  }

  isUsable(t: SimToken, now = Date.now()): boolean {
    return !t.revoked && !(t.expiresAt && Date.parse(t.expiresAt) <= now);
  }
}
