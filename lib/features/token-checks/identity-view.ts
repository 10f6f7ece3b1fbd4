import type { User } from '../../atlassian/schemas/user';
import type { DetectedIdentity } from '../tokens/token-record';

/** Who a token signs in as, as a check result shows it. */
export interface IdentityView {
  displayName: string;
  accountId?: string;
  /** The account's email as the site gave it (accounts may hide it: then absent). */
  email?: string;
}

/** From a `user/current` answer: Cloud names users by accountId, Data Center by username. */
export function identityFromUser(user: User): IdentityView {
  const displayName = user.displayName || user.publicName || user.username || user.accountId || 'an unnamed user';
  const email = user.email?.trim() ? { email: user.email.trim() } : {};
  return user.accountId ? { displayName, accountId: user.accountId, ...email } : { displayName, ...email };
}

export function identityFromDetection(identity: DetectedIdentity): IdentityView {
  return { displayName: identity.displayName || identity.accountId, accountId: identity.accountId };
}

/** The identity to keep on the token: Cloud users only (they have an accountId). */
export function detectedIdentityFromUser(user: User): DetectedIdentity | undefined {
  if (!user.accountId) return undefined;
  return user.displayName ? { accountId: user.accountId, displayName: user.displayName } : { accountId: user.accountId };
}
