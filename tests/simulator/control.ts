// The runtime switches tests use to change the simulator's behaviour.
import { CONTENT_FAILURE_STATUSES } from './content-failures';
import { SIM_USERS } from './fixtures';
import { generateTree } from './generate-tree';
import { defaultRateLimitBudget, resolveToken, type SimState } from './state';
import type { SimulatorControl } from './types';

export function createControl(state: SimState): SimulatorControl {
  const positiveCount = (n: number, what: string): number => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: count must be a non-negative integer, got ${n}`);
    return n;
  };
  return {
    setAnonymousAccess(host, on) {
      state.anonymous.set(host.toLowerCase(), on);
    },
    setLatency(ms) {
      state.latencyMs = Math.max(0, ms);
    },
    injectFault(fault) {
      if (fault.kind === 'status' && fault.status !== undefined && (fault.status < 100 || fault.status > 599)) {
        throw new Error(`injectFault: status must be 100-599, got ${fault.status}`);
      }
      if (fault.kind === 'redirect') {
        if (fault.status !== undefined && (fault.status < 300 || fault.status > 399)) throw new Error(`injectFault: a redirect's status must be 3xx, got ${fault.status}`);
        if (!fault.location || !/^https?:\/\//.test(fault.location)) throw new Error('injectFault: a redirect needs an absolute location (https://...)');
      }
      if (fault.kind === 'huge-body' && fault.bytes !== undefined && (!Number.isInteger(fault.bytes) || fault.bytes < 0)) {
        throw new Error(`injectFault: bytes must be a non-negative integer, got ${fault.bytes}`);
      }
      state.faults.push({ ...fault, host: fault.host?.toLowerCase(), remaining: positiveCount(fault.times ?? 1, 'injectFault') });
    },
    rateLimit(spec) {
      const token = spec.tokenName !== undefined ? state.tokenByName(spec.tokenName) : spec.secret !== undefined ? state.tokenBySecret(spec.secret) : undefined;
      if (!token) throw new Error('rateLimit: give the tokenName or the secret of a known token');
      state.rateLimits.push({ tokenName: token.name, remaining: positiveCount(spec.count, 'rateLimit'), retryAfter: spec.retryAfter ?? '1' });
    },
    serviceUnavailable(spec) {
      state.outages.push({ ...spec, host: spec.host?.toLowerCase(), remaining: positiveCount(spec.count, 'serviceUnavailable') });
    },
    addToken(spec) {
      state.tokens.set(spec.name, resolveToken(spec));
    },
    revokeToken(name) {
      state.tokenByName(name).revoked = true;
    },
    expireToken(name) {
      state.tokenByName(name).expiresAt = new Date(Date.now() - 1000).toISOString();
    },
    setTenantInfo(host, mode) {
      state.tenantInfo.set(host.toLowerCase(), mode);
    },
    setConfluenceAccess(host, user, on) {
      if (!Object.hasOwn(SIM_USERS, user)) throw new Error(`setConfluenceAccess: unknown user "${user}" (use a SIM_USERS key)`);
      const key = `${host.toLowerCase()}|${user}`;
      if (on) state.noConfluenceAccess.delete(key);
      else state.noConfluenceAccess.add(key);
    },
    setJiraAccess(host, user, on) {
      if (!Object.hasOwn(SIM_USERS, user)) throw new Error(`setJiraAccess: unknown user "${user}" (use a SIM_USERS key)`);
      const key = `${host.toLowerCase()}|${user}`;
      if (on) state.noJiraAccess.delete(key);
      else state.noJiraAccess.add(key);
    },
    setRateLimitBudget(tokenName, budget) {
      const token = state.tokenByName(tokenName);
      const current = state.rateLimitBudgets.get(token.name) ?? defaultRateLimitBudget();
      const limit = budget.limit ?? current.limit;
      if (!Number.isInteger(limit) || limit < 0) throw new Error(`setRateLimitBudget: limit must be a non-negative integer, got ${limit}`);
      const remaining = budget.remaining ?? limit;
      if (!Number.isInteger(remaining)) throw new Error(`setRateLimitBudget: remaining must be an integer, got ${remaining}`);
      state.rateLimitBudgets.set(token.name, { limit, remaining: Math.max(0, remaining), nearLimit: budget.nearLimit ?? false });
    },
    failContent(id, spec) {
      if (!CONTENT_FAILURE_STATUSES.includes(spec.status)) throw new Error(`failContent: status must be one of ${CONTENT_FAILURE_STATUSES.join(', ')}, got ${spec.status}`);
      state.failedContent.set(id, spec.status);
    },
    rateLimitEvery(n, retryAfterSeconds) {
      positiveCount(n, 'rateLimitEvery');
      if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) throw new Error(`rateLimitEvery: retryAfterSeconds must be a non-negative integer, got ${retryAfterSeconds}`);
      state.periodicRateLimit = n === 0 ? undefined : { every: n, retryAfterSeconds, seen: 0 };
    },
    generateTree(spec) {
      return generateTree(state, spec);
    },
    dcHtmlUnauthorized(on) {
      state.dcHtmlUnauthorized = on;
    },
    dcLoginRequiredAfterRateLimit(count) {
      state.dcLoginRequiredAfterRateLimit = positiveCount(count, 'dcLoginRequiredAfterRateLimit');
      if (count === 0) state.dcLoginRequiredPending.clear();
    },
    reset() {
      state.reset();
    },
  };
}
