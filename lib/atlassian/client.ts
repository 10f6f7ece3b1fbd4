/**
 * The one chokepoint for every call to Atlassian: base URL, auth header, read-only guard,
 * retries, failure classification and the activity log happen here and nowhere else, so a rule
 * about tokens only has to be right once. Everything it touches in the outside world (fetch,
 * clock, sleep, randomness, the log sink) is injected, so it runs unchanged in Node tests.
 *
 * Expected failures come back as `{ ok: false, failure }`; nothing here throws for them, and no
 * failure or log entry ever carries the secret.
 */
import type * as z from 'zod';
import type { ActivityEntry, ActivityOutcome } from './activity-log';
import { fetchFollowingRedirectWithoutCredentials, type FetchLike, type RedirectCapability } from './download-redirect';
import { normaliseSiteHost, resolveEndpoints, type BaseKind, type TokenKind } from './endpoints';
import {
  cancelledFailure,
  endpointFailure,
  inspectResponse,
  invalidInputFailure,
  malformedFailure,
  offlineFailure,
  readOnlyFailure,
  truncatedFailure,
  unknownOperationFailure,
  unsupportedOnDataCenter,
  unusableCredentialFailure,
  type Failure,
} from './failure';
import { findNextLink, rebaseNextLink } from './next-link';
import {
  OPERATIONS,
  isOperationId,
  pathBelowBase,
  pathParamNames,
  type Operation,
  type OperationDefinition,
  type OperationId,
  type PathParamNames,
  type PathParamsOf,
} from './operations';
import { readRateLimitInfo, type RateLimitInfo } from './rate-limit-headers';
import { waitRequestedMs } from './retry-after';
import { DEFAULT_RETRY_POLICY, mayRetry, runWithRetries, type AttemptVerdict, type RetryPolicy, type Sleep } from './retry';
import { defaultSchemaFor, type DefaultResponse, type DownloadedFile } from './schemas/index';
import { judgeTenantInfo, NO_TOKEN_LABEL, UNAUTHENTICATED_OPERATIONS } from './unauthenticated';
import { siteLabel, type Site } from '../sites/site';

export interface Credential {
  /** The name the person gave the token; shown in the activity log. */
  label: string;
  kind: TokenKind;
  /** Account email; required for Cloud kinds (Basic auth). */
  email?: string | undefined;
  secret: string;
  /** When true, only GET/HEAD leave the extension. */
  readOnly: boolean;
}

export type { Site };

export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

type PathParamsField<Id extends OperationId> = [PathParamNames<Operation<Id>['specPath']>] extends [never]
  ? { pathParams?: Record<string, never> }
  : { pathParams: PathParamsOf<Id> };

export type RequestInput<Id extends OperationId, S extends z.ZodType | undefined = undefined> = {
  credential: Credential;
  site: Site;
  operation: Id;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the operation's default response schema (schemas/index.ts). */
  schema?: S;
  /** Send a Cloud token to the other base than its kind calls for (token-kind detection only). */
  via?: 'site' | 'gateway';
} & PathParamsField<Id>;

export type ResultData<Id extends OperationId, S> = S extends z.ZodType ? z.output<S> : DefaultResponse<Id>;

export interface ResponseMeta {
  retries: number;
  durationMs: number;
  /** The API URL called (no credentials in it). */
  url: string;
  /** The next-page link as Confluence sent it (site-relative); `paginate` rebases it. */
  next?: string;
  rateLimit: RateLimitInfo;
}

export type ApiResult<T> = { ok: true; data: T; status: number; meta: ResponseMeta } | { ok: false; failure: Failure };

export type PaginatedResult<T> =
  | { ok: true; pages: T[]; truncated: boolean; retries: number }
  | { ok: false; failure: Failure; pages: T[] };

export interface AtlassianClientDeps {
  fetch: FetchLike;
  now: () => number;
  sleep: Sleep;
  random: () => number;
  onActivity: (entry: ActivityEntry) => void;
  retryPolicy?: RetryPolicy;
}

export interface AtlassianClient {
  request<Id extends OperationId, S extends z.ZodType | undefined = undefined>(
    input: RequestInput<Id, S>,
  ): Promise<ApiResult<ResultData<Id, S>>>;
  /** Follows next-page links (body `_links.next`, else `Link: rel="next"`) up to `maxPages`. */
  paginate<Id extends OperationId, S extends z.ZodType | undefined = undefined>(
    input: RequestInput<Id, S> & { maxPages?: number },
  ): Promise<PaginatedResult<ResultData<Id, S>>>;
  /**
   * The read-only guard on its own, for a caller that has not read the secret yet: a write by a
   * read-only token is refused (and logged) here, so the vault need not even be opened for it.
   * `request` applies the same guard first; undefined means the guard lets it through.
   */
  refuseWrite(input: { credential: Pick<Credential, 'label' | 'readOnly'>; site: Site; operation: OperationId }): Failure | undefined;
  /** `GET https://<site>/_edge/tenant_info` without any credentials: the site's cloudId. */
  readTenantInfo(siteHost: string, signal?: AbortSignal): Promise<ApiResult<{ cloudId: string }>>;
}

export const DEFAULT_MAX_PAGES = 100;

const READ_METHODS = ['GET', 'HEAD'];

/** Everything needed to send one operation, checked before any network access. */
interface Prepared {
  op: OperationDefinition;
  url: string;
  apiBase: string;
  baseKind: BaseKind;
  headers: Record<string, string>;
  body?: string;
  schema: z.ZodType | undefined;
  secrets: string[];
}

interface CallContext {
  input: RequestInput<OperationId, z.ZodType | undefined>;
  started: number;
  siteLabel: string;
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function replaceAll(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/** Defence in depth: failures are built from fixed text, but nothing may carry a secret out. */
function scrubFailure(failure: Failure, secrets: string[]): Failure {
  return { ...failure, message: replaceAll(failure.message, secrets), fix: replaceAll(failure.fix, secrets) };
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

// Visible ASCII only: a pasted line break or space would otherwise surface as a confusing fetch error.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

function checkCredential(credential: Credential): string | undefined {
  if (!TOKEN_CHARS.test(credential.secret)) {
    return credential.secret.trim() === '' ? 'the token is empty' : 'the token contains spaces, line breaks or other characters a token does not have';
  }
  if (credential.kind !== 'dc-pat') {
    const email = credential.email?.trim() ?? '';
    if (email === '') return 'Cloud tokens need the email address of their account';
    if (!/^[^\s:]+@[^\s:]+$/.test(email)) return 'the email address is not valid';
  }
  return undefined;
}

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The operation's path with each `{name}` replaced by its encoded value; never free-form input. */
function fillPath(op: OperationDefinition, params: Record<string, unknown> | undefined): string | { invalid: string } {
  let path = pathBelowBase(op);
  for (const name of pathParamNames(op.specPath)) {
    const value = params?.[name];
    if (typeof value !== 'string' || value.trim() === '') return { invalid: `"${name}" is missing` };
    if (value === '.' || value === '..') return { invalid: `"${name}" is not a valid value` };
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  return path;
}

function displayPath(op: OperationDefinition): string {
  return op.api === 'v2' ? `/wiki/api/v2${op.specPath}` : op.specPath;
}

function readOnlyRefusal(readOnly: boolean, operation: OperationId): Failure | undefined {
  return readOnly && !READ_METHODS.includes(OPERATIONS[operation].method) ? readOnlyFailure(operation) : undefined;
}

export function createAtlassianClient(deps: AtlassianClientDeps): AtlassianClient {
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const redirectCapability: RedirectCapability = {};

  function prepare(input: RequestInput<OperationId, z.ZodType | undefined>): { ok: true; value: Prepared } | { ok: false; failure: Failure } {
    const op: OperationDefinition = OPERATIONS[input.operation];
    const { credential, site } = input;
    // The read-only guard comes first: nothing else may be consulted before refusing a write.
    const refusal = readOnlyRefusal(credential.readOnly, input.operation);
    if (refusal) return { ok: false, failure: refusal };
    if (input.signal?.aborted) return { ok: false, failure: cancelledFailure() };
    const unusable = checkCredential(credential);
    if (unusable !== undefined) return { ok: false, failure: unusableCredentialFailure(unusable) };

    const endpoints = resolveEndpoints({
      kind: credential.kind,
      siteHost: site.kind === 'cloud' ? site.host : undefined,
      cloudId: site.kind === 'cloud' ? site.cloudId : undefined,
      dcBaseUrl: site.kind === 'dc' ? site.baseUrl : undefined,
      via: input.via,
    });
    if (!endpoints.ok) return { ok: false, failure: endpointFailure(endpoints.error) };
    const apiBase = op.api === 'v1' ? endpoints.value.v1 : endpoints.value.v2;
    if (apiBase === null) return { ok: false, failure: unsupportedOnDataCenter(input.operation) };

    const path = fillPath(op, input.pathParams as Record<string, unknown> | undefined);
    if (typeof path !== 'string') return { ok: false, failure: invalidInputFailure(input.operation, path.invalid) };

    const secret = credential.secret;
    const authValue =
      endpoints.value.authScheme === 'bearer'
        ? `Bearer ${secret}`
        : `Basic ${base64Utf8(`${credential.email?.trim() ?? ''}:${secret}`)}`;
    const headers: Record<string, string> = {
      Authorization: authValue,
      Accept: op.response === 'binary' ? '*/*' : 'application/json',
    };
    // Confluence's XSRF check refuses writes without it (403), even with a token.
    if (!READ_METHODS.includes(op.method)) headers['X-Atlassian-Token'] = 'no-check';
    const prepared: Prepared = {
      op,
      url: `${apiBase}${path}${buildQuery(input.query)}`,
      apiBase,
      baseKind: endpoints.value.baseKind,
      headers,
      schema: input.schema ?? defaultSchemaFor(input.operation),
      secrets: [secret, authValue, authValue.replace(/^\w+ /, ''), encodeURIComponent(secret)],
    };
    if (input.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      prepared.body = JSON.stringify(input.body);
    }
    return { ok: true, value: prepared };
  }

  function emitEntry(entry: ActivityEntry) {
    try {
      deps.onActivity(entry);
    } catch {
      // A failing log sink must not turn a finished call into a failure.
    }
  }

  function emit(ctx: CallContext, fields: { method: string; path: string; status: number | null; outcome: ActivityOutcome; retries: number }, secrets: string[]) {
    emitEntry({
      time: new Date(ctx.started).toISOString(),
      tokenLabel: replaceAll(ctx.input.credential.label, secrets),
      site: ctx.siteLabel,
      operation: ctx.input.operation,
      method: fields.method,
      path: replaceAll(fields.path, secrets),
      status: fields.status,
      durationMs: Math.max(0, deps.now() - ctx.started),
      outcome: fields.outcome,
      retries: fields.retries,
    });
  }

  type Attempt = { result: ApiResult<unknown>; status: number | null; verdict: AttemptVerdict };

  async function attemptOnce(ctx: CallContext, p: Prepared, url: string, startedAt: number): Promise<Attempt> {
    const { input } = ctx;
    const signal = input.signal;
    const init: RequestInit = {
      method: p.op.method,
      headers: p.headers,
      // The token alone must authenticate: a browser session cookie could hide a broken token.
      credentials: 'omit',
      ...(p.body !== undefined ? { body: p.body } : {}),
      ...(signal ? { signal } : {}),
    };
    const fail = (failure: Failure, status: number | null, verdict: AttemptVerdict): Attempt => ({
      result: { ok: false, failure },
      status,
      verdict,
    });
    let response: Response;
    try {
      if (p.op.response === 'binary') {
        const outcome = await fetchFollowingRedirectWithoutCredentials(deps.fetch, url, init, redirectCapability);
        if (outcome.kind === 'unsafe-redirect') {
          return fail(malformedFailure('it redirected the download to an address that is not https'), null, { transient: false });
        }
        response = outcome.response;
      } else {
        response = await deps.fetch(url, { ...init, redirect: 'follow' });
      }
    } catch (error) {
      if (isAbort(error, signal)) return fail(cancelledFailure(), null, { transient: false });
      return fail(offlineFailure(new URL(url).host), null, { transient: true });
    }

    const status = response.status;
    const now = deps.now();
    let json: unknown;
    const meta = (): ResponseMeta => {
      const next = findNextLink(json, response.headers.get('link'));
      return {
        retries: 0,
        durationMs: Math.max(0, now - startedAt),
        url,
        ...(next !== undefined ? { next } : {}),
        rateLimit: readRateLimitInfo(response.headers),
      };
    };

    if (p.op.response === 'binary' && status >= 200 && status < 300) {
      try {
        const blob = await response.blob();
        const data: DownloadedFile = { blob, contentType: response.headers.get('content-type') };
        return { result: { ok: true, data, status, meta: meta() }, status, verdict: { transient: false } };
      } catch (error) {
        if (isAbort(error, signal)) return fail(cancelledFailure(), status, { transient: false });
        return fail(truncatedFailure(status), status, { transient: true });
      }
    }

    let bodyText: string;
    try {
      bodyText = await response.text();
    } catch (error) {
      if (isAbort(error, signal)) return fail(cancelledFailure(), status, { transient: false });
      return fail(truncatedFailure(status), status, { transient: true });
    }

    const inspection = inspectResponse({
      status,
      headers: response.headers,
      bodyText,
      operation: input.operation,
      tokenKind: input.credential.kind,
      baseKind: p.baseKind,
      nowMs: now,
      maxReportedWaitMs: policy.maxReportedWaitMs,
    });
    if (!inspection.ok) {
      return fail(inspection.failure, status, {
        transient: policy.retryStatuses.includes(status),
        retryAfterMs: waitRequestedMs(status, response.headers, now),
      });
    }
    json = inspection.json;
    if (p.op.response !== 'json' || p.schema === undefined) {
      return { result: { ok: true, data: undefined, status, meta: meta() }, status, verdict: { transient: false } };
    }
    const parsed = p.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
      return fail(malformedFailure(`the data did not have the expected shape (at ${where})`, status), status, {
        transient: false,
      });
    }
    return { result: { ok: true, data: parsed.data, status, meta: meta() }, status, verdict: { transient: false } };
  }

  /** One call = one activity entry, however many attempts it took. */
  async function execute(ctx: CallContext, p: Prepared, url: string): Promise<ApiResult<unknown>> {
    const startedAt = deps.now();
    let attempts = 0;
    let lastStatus: number | null = null;
    let result: ApiResult<unknown>;
    try {
      const run = await runWithRetries({
        policy,
        idempotent: mayRetry(policy, p.op.method, p.op.idempotent),
        sleep: deps.sleep,
        random: deps.random,
        signal: ctx.input.signal,
        attempt: async () => {
          attempts++;
          const attempt = await attemptOnce(ctx, p, url, startedAt);
          lastStatus = attempt.status ?? lastStatus;
          return { value: attempt.result, verdict: attempt.verdict };
        },
      });
      result = run.value;
    } catch {
      // runWithRetries only rejects when the signal aborts (during a wait).
      result = { ok: false, failure: cancelledFailure() };
    }
    const retries = Math.max(0, attempts - 1);
    if (result.ok) {
      result = { ...result, meta: { ...result.meta, retries, durationMs: Math.max(0, deps.now() - startedAt) } };
    } else {
      result = { ok: false, failure: scrubFailure(result.failure, p.secrets) };
    }
    emit(
      { ...ctx, started: startedAt },
      {
        method: p.op.method,
        path: new URL(url).pathname,
        status: lastStatus,
        outcome: result.ok ? 'ok' : result.failure.class,
        retries,
      },
      p.secrets,
    );
    return result;
  }

  function refuse(ctx: CallContext, failure: Failure): { ok: false; failure: Failure } {
    const op: OperationDefinition = OPERATIONS[ctx.input.operation];
    const secrets = [ctx.input.credential.secret];
    const scrubbed = scrubFailure(failure, secrets);
    emit(ctx, { method: op.method, path: displayPath(op), status: null, outcome: scrubbed.class, retries: 0 }, secrets);
    return { ok: false, failure: scrubbed };
  }

  function begin(input: RequestInput<OperationId, z.ZodType | undefined>): CallContext {
    return { input, started: deps.now(), siteLabel: siteLabel(input.site) };
  }

  async function request(input: RequestInput<OperationId, z.ZodType | undefined>): Promise<ApiResult<unknown>> {
    if (!isOperationId(input.operation)) {
      // Only reachable from untyped callers; nothing to log against.
      return { ok: false, failure: unknownOperationFailure() };
    }
    const ctx = begin(input);
    const prepared = prepare(input);
    if (!prepared.ok) return refuse(ctx, prepared.failure);
    return execute(ctx, prepared.value, prepared.value.url);
  }

  async function paginate(
    input: RequestInput<OperationId, z.ZodType | undefined> & { maxPages?: number },
  ): Promise<PaginatedResult<unknown>> {
    if (!isOperationId(input.operation)) {
      return { ok: false, failure: unknownOperationFailure(), pages: [] };
    }
    const ctx = begin(input);
    const prepared = prepare(input);
    if (!prepared.ok) return { ...refuse(ctx, prepared.failure), pages: [] };
    const p = prepared.value;
    const maxPages = Math.max(1, input.maxPages ?? DEFAULT_MAX_PAGES);
    const pages: unknown[] = [];
    const seen = new Set<string>();
    let url = p.url;
    let retries = 0;
    for (let page = 0; page < maxPages; page++) {
      seen.add(url);
      const result = await execute(ctx, p, url);
      if (!result.ok) return { ok: false, failure: result.failure, pages };
      pages.push(result.data);
      retries += result.meta.retries;
      if (result.meta.next === undefined) return { ok: true, pages, truncated: false, retries };
      // Only path and query come from the link; the base (gateway prefix included) stays ours.
      const next = rebaseNextLink(result.meta.next, p.apiBase, p.op.api);
      if (next === undefined) {
        return { ok: false, failure: malformedFailure('its next-page link points outside the API', result.status), pages };
      }
      if (seen.has(next)) return { ok: false, failure: malformedFailure('its next-page link repeats a page already read'), pages };
      url = next;
    }
    return { ok: true, pages, truncated: true, retries };
  }

  function refuseWrite(input: { credential: Pick<Credential, 'label' | 'readOnly'>; site: Site; operation: OperationId }): Failure | undefined {
    if (!isOperationId(input.operation)) return unknownOperationFailure();
    const refusal = readOnlyRefusal(input.credential.readOnly, input.operation);
    if (!refusal) return undefined;
    // Logged like any refused call; the placeholder secret is never sent anywhere (nothing is).
    const credential: Credential = { label: input.credential.label, readOnly: true, kind: 'classic', secret: '' };
    const call = { credential, site: input.site, operation: input.operation } as RequestInput<OperationId, undefined>;
    return refuse(begin(call), refusal).failure;
  }

  async function readTenantInfo(siteHost: string, signal?: AbortSignal): Promise<ApiResult<{ cloudId: string }>> {
    const op = UNAUTHENTICATED_OPERATIONS.getTenantInfo;
    const startedAt = deps.now();
    const site = normaliseSiteHost(siteHost);
    const log = (host: string, status: number | null, outcome: ActivityOutcome, retries: number) =>
      emitEntry({
        time: new Date(startedAt).toISOString(),
        tokenLabel: NO_TOKEN_LABEL,
        site: host,
        operation: op.id,
        method: op.method,
        path: op.path,
        status,
        durationMs: Math.max(0, deps.now() - startedAt),
        outcome,
        retries,
      });
    if (!site.ok) {
      const failure = endpointFailure(site.error);
      log(siteHost.trim().toLowerCase().slice(0, 260), null, failure.class, 0);
      return { ok: false, failure };
    }
    const host = site.value;
    const url = `https://${host}${op.path}`;
    let attempts = 0;
    let lastStatus: number | null = null;
    let result: ApiResult<{ cloudId: string }>;
    try {
      const run = await runWithRetries<ApiResult<{ cloudId: string }>>({
        policy,
        idempotent: true,
        sleep: deps.sleep,
        random: deps.random,
        signal,
        attempt: async () => {
          attempts++;
          let response: Response;
          try {
            // No Authorization header and no cookies: tenant_info needs neither.
            response = await deps.fetch(url, {
              method: op.method,
              headers: { Accept: 'application/json' },
              credentials: 'omit',
              redirect: 'follow',
              ...(signal ? { signal } : {}),
            });
          } catch (error) {
            if (isAbort(error, signal)) return { value: { ok: false, failure: cancelledFailure() }, verdict: { transient: false } };
            return { value: { ok: false, failure: offlineFailure(host) }, verdict: { transient: true } };
          }
          const status = response.status;
          lastStatus = status;
          const now = deps.now();
          let bodyText: string;
          try {
            bodyText = await response.text();
          } catch (error) {
            if (isAbort(error, signal)) return { value: { ok: false, failure: cancelledFailure() }, verdict: { transient: false } };
            return { value: { ok: false, failure: truncatedFailure(status) }, verdict: { transient: true } };
          }
          const requested = waitRequestedMs(status, response.headers, now);
          const reported = requested === undefined ? undefined : Math.min(requested, policy.maxReportedWaitMs);
          const judged = judgeTenantInfo(status, bodyText, host, reported, policy.retryStatuses);
          if (judged.ok) {
            const meta: ResponseMeta = { retries: 0, durationMs: Math.max(0, now - startedAt), url, rateLimit: readRateLimitInfo(response.headers) };
            return { value: { ok: true, data: { cloudId: judged.cloudId }, status, meta }, verdict: { transient: false } };
          }
          return { value: { ok: false, failure: judged.failure }, verdict: { transient: judged.transient, retryAfterMs: requested } };
        },
      });
      result = run.value;
    } catch {
      result = { ok: false, failure: cancelledFailure() };
    }
    const retries = Math.max(0, attempts - 1);
    if (result.ok) result = { ...result, meta: { ...result.meta, retries, durationMs: Math.max(0, deps.now() - startedAt) } };
    log(host, lastStatus, result.ok ? 'ok' : result.failure.class, retries);
    return result;
  }

  return {
    request: request as AtlassianClient['request'],
    paginate: paginate as AtlassianClient['paginate'],
    refuseWrite,
    readTenantInfo,
  };
}
