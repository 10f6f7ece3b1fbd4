import type { DcProbeAnswer, DcProbeTarget } from './dc-probe';
/**
 * What callers of the request client see: the credential and call they pass, the results they
 * get, and the client's interface. Expected failures come back as `{ ok: false, failure }`.
 */
import type * as z from 'zod';
import type { ActivityEntry } from '../activity-log';
import type { FetchLike } from '../download-redirect';
import type { TokenKind } from '../endpoints';
import type { Failure } from '../failure';
import type { Operation, OperationId, PathParamNames, PathParamsOf } from '../operations';
import type { RateLimitInfo } from '../rate-limit-headers';
import type { RetryPolicy, Sleep } from '../retry';
import type { DefaultResponse } from '../schemas/index';
import type { Site } from '../../sites/site';

export type { Site };

export interface Credential {
  /** The name the person gave the token; shown in the activity log. */
  label: string;
  kind: TokenKind;
  /** Account email; required for Cloud kinds (Basic auth). */
  email?: string | undefined;
  secret: string;
  /** When true, only GET/HEAD leave the extension. */
  readOnly: boolean;
  /** Who made it read-only when it is not the person's own switch (the refusal's fix says so). */
  readOnlyBy?: 'organisation' | undefined;
}

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
  /**
   * Downloads only: `hand-off` answers a redirect to another host (the signed media URL) with
   * that URL instead of the bytes (see DownloadedFile).
   */
  download?: 'bytes' | 'hand-off';
  /**
   * `failures`: log only a failed call (a long job logs its own summary instead of one entry per
   * call, so one export does not push everything else out of the activity log).
   */
  activity?: 'each' | 'failures';
  /** Send a Cloud token to the other base than its kind calls for (token-kind detection only). */
  via?: 'site' | 'gateway';
} & PathParamsField<Id>;

/** A request input as the client's own code handles it, whatever the operation. */
export type AnyRequestInput = RequestInput<OperationId, z.ZodType | undefined>;

export type ResultData<Id extends OperationId, S> = S extends z.ZodType ? z.output<S> : DefaultResponse<Id>;

export interface ResponseMeta {
  retries: number;
  durationMs: number;
  /** The API URL called (no credentials in it). */
  url: string;
  /** 429 answers met, waited out and retried within this call. */
  rateLimited: number;
  /** The next-page link as Confluence sent it (site-relative); `paginate` rebases it. */
  next?: string;
  rateLimit: RateLimitInfo;
}

export type ApiResult<T> = { ok: true; data: T; status: number; meta: ResponseMeta } | { ok: false; failure: Failure };

export type PaginatedResult<T> =
  | { ok: true; pages: T[]; truncated: boolean; retries: number; rateLimited: number }
  | { ok: false; failure: Failure; pages: T[] };

export interface AtlassianClientDeps {
  fetch: FetchLike;
  now: () => number;
  sleep: Sleep;
  random: () => number;
  onActivity: (entry: ActivityEntry) => void;
  retryPolicy?: RetryPolicy;
  /**
   * Whether a token of `kind` may be sent to `site` at all (the organisation's allowed sites and
   * kinds): a refusal comes back as the call's failure, logged, before any header is built.
   */
  policyGuard?: (site: Site, kind: TokenKind) => Promise<Failure | undefined>;
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
  refuseWrite(input: { credential: Pick<Credential, 'label' | 'readOnly' | 'readOnlyBy'>; site: Site; operation: OperationId }): Failure | undefined;
  /** `GET https://<site>/_edge/tenant_info` without any credentials: the site's cloudId. */
  readTenantInfo(siteHost: string, signal?: AbortSignal): Promise<ApiResult<{ cloudId: string }>>;
  /** One unauthenticated probe of a Data Center base URL (client/dc-probe.ts): any HTTP answer is data. */
  probeDataCenter(baseUrl: string, target: DcProbeTarget, signal?: AbortSignal): Promise<ApiResult<DcProbeAnswer>>;
}
