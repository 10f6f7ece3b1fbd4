/**
 * Whether a `/user/current` answer is a real person. Sites that allow anonymous access answer
 * 200 even when the credentials are ignored, so a health check must look at who answered.
 * What the anonymous answer looks like is a **guess** (API-FACTS); this is the one place to fix it.
 */
import type { BaseKind } from './endpoints';

export function isRealIdentity(body: unknown, baseKind: BaseKind): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const user = body as Record<string, unknown>;
  if (user.type !== 'known') return false;
  // Data Center users have a username/userKey instead of an accountId.
  if (baseKind === 'dc') return nonEmpty(user.username) || nonEmpty(user.userKey) || nonEmpty(user.accountId);
  return nonEmpty(user.accountId);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
