/**
 * The one chokepoint for every call to Atlassian, composed from its parts: prepare (URL, auth,
 * read-only guard), execute (attempts, retries, classification, the activity entry, scrubbing)
 * and paginate. Everything it touches in the outside world (fetch, clock, sleep, randomness, the
 * log sink) is injected, so it runs unchanged in Node tests. Expected failures come back as
 * `{ ok: false, failure }`; nothing here throws for them, and none carries the secret.
 */
import { unknownOperationFailure, type Failure } from '../failure';
import { isOperationId, OPERATIONS, type OperationId } from '../operations';
import { DEFAULT_RETRY_POLICY, mayRetry } from '../retry';
import { siteLabel, type Site } from '../../sites/site';
import { createExecutor, type Call, type CallLabel } from './execute';
import { paginateCall } from './paginate';
import { displayPath, prepare, readOnlyRefusal, type PreparedCall } from './prepare';
import { readOperationAnswer } from './read-answer';
import { dcProbeCall, type DcProbeAnswer, type DcProbeTarget } from './dc-probe';
import { tenantInfoCall } from './tenant-info';
import type { AnyRequestInput, ApiResult, AtlassianClient, AtlassianClientDeps, Credential, PaginatedResult } from './types';

export function createAtlassianClient(deps: AtlassianClientDeps): AtlassianClient {
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const executor = createExecutor({
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep,
    random: deps.random,
    onActivity: deps.onActivity,
    policy,
    redirects: {},
  });

  function labelOf(tokenLabel: string, site: Site, operation: OperationId): CallLabel {
    return { tokenLabel, site: siteLabel(site), operation, method: OPERATIONS[operation].method };
  }

  /** A call refused before the network, logged like any other. */
  function refuse(input: AnyRequestInput, failure: Failure, startedAt: number): Failure {
    const label = { ...labelOf(input.credential.label, input.site, input.operation), path: displayPath(OPERATIONS[input.operation]) };
    return executor.refuse(label, failure, [input.credential.secret], startedAt);
  }

  function operationCall(input: AnyRequestInput, p: PreparedCall): Call<unknown> {
    const label = labelOf(input.credential.label, input.site, input.operation);
    const context = { operation: input.operation, tokenKind: input.credential.kind, baseKind: p.baseKind, site: label.site, schema: p.schema, policy };
    return {
      label,
      request: p.request,
      signal: input.signal,
      idempotent: mayRetry(policy, p.op.method, p.op.idempotent),
      secrets: p.secrets,
      ...(input.activity ? { activity: input.activity } : {}),
      ...(p.baseKind === 'dc' ? { dcOrigin: new URL(p.request.url).origin } : {}),
      read: (answer) => readOperationAnswer(context, answer),
    };
  }

  /** The policy's refusal of the site or kind for a prepared call (awaited only when there is a guard: no extra tick otherwise). */
  async function guardSite(input: AnyRequestInput, prepared: ReturnType<typeof prepare>): Promise<ReturnType<typeof prepare>> {
    const refused = await deps.policyGuard!(input.site, input.credential.kind);
    return refused ? { ok: false, failure: refused } : prepared;
  }
  function prepareGuarded(input: AnyRequestInput): ReturnType<typeof prepare> | Promise<ReturnType<typeof prepare>> {
    const prepared = prepare(input);
    return prepared.ok && deps.policyGuard ? guardSite(input, prepared) : prepared;
  }

  async function request(input: AnyRequestInput): Promise<ApiResult<unknown>> {
    // Only reachable from untyped callers; nothing to log against.
    if (!isOperationId(input.operation)) return { ok: false, failure: unknownOperationFailure() };
    const startedAt = deps.now();
    const maybe = prepareGuarded(input);
    const prepared = maybe instanceof Promise ? await maybe : maybe;
    if (!prepared.ok) return { ok: false, failure: refuse(input, prepared.failure, startedAt) };
    return executor.execute(operationCall(input, prepared.value));
  }

  async function paginate(input: AnyRequestInput & { maxPages?: number }): Promise<PaginatedResult<unknown>> {
    if (!isOperationId(input.operation)) return { ok: false, failure: unknownOperationFailure(), pages: [] };
    const startedAt = deps.now();
    const maybe = prepareGuarded(input);
    const prepared = maybe instanceof Promise ? await maybe : maybe;
    if (!prepared.ok) return { ok: false, failure: refuse(input, prepared.failure, startedAt), pages: [] };
    return paginateCall((call) => executor.execute(call), operationCall(input, prepared.value), prepared.value, input.maxPages);
  }

  function refuseWrite(input: { credential: Pick<Credential, 'label' | 'readOnly' | 'readOnlyBy'>; site: Site; operation: OperationId }): Failure | undefined {
    if (!isOperationId(input.operation)) return unknownOperationFailure();
    const refusal = readOnlyRefusal(input.credential.readOnly, input.operation, input.credential.readOnlyBy);
    if (!refusal) return undefined;
    // Logged like any refused call; no secret has been read, so there is none to scrub.
    const label = { ...labelOf(input.credential.label, input.site, input.operation), path: displayPath(OPERATIONS[input.operation]) };
    return executor.refuse(label, refusal, [], deps.now());
  }

  async function readTenantInfo(siteHost: string, signal?: AbortSignal): Promise<ApiResult<{ cloudId: string }>> {
    const startedAt = deps.now();
    const prepared = tenantInfoCall(siteHost, signal, policy);
    if (!prepared.ok) return { ok: false, failure: executor.refuse(prepared.label, prepared.failure, [], startedAt) };
    return executor.execute(prepared.call);
  }

  function probeDataCenter(baseUrl: string, target: DcProbeTarget, signal?: AbortSignal): Promise<ApiResult<DcProbeAnswer>> {
    return executor.execute(dcProbeCall(baseUrl, target, signal));
  }

  return {
    probeDataCenter,
    request: request as AtlassianClient['request'],
    paginate: paginate as AtlassianClient['paginate'],
    refuseWrite,
    readTenantInfo,
  };
}
