// Authorization header values for simulator tokens, as a client would send them.
import { SIM_USERS } from './fixtures';
import type { SimTokenSpec, SimUser } from './types';

export function basicAuthorization(email: string, secret: string): string {
  return `Basic ${Buffer.from(`${email}:${secret}`).toString('base64')}`;
}

export function bearerAuthorization(secret: string): string {
  return `Bearer ${secret}`;
}

/** Basic email:token for Cloud tokens, Bearer for Data Center PATs (API-FACTS token table). */
export function authorizationFor(token: Pick<SimTokenSpec, 'kind' | 'secret' | 'user'>): string {
  if (token.kind === 'dc-pat') return bearerAuthorization(token.secret);
  const user: SimUser | undefined = typeof token.user === 'string' ? (SIM_USERS as Record<string, SimUser>)[token.user] : token.user;
  if (!user) throw new Error(`authorizationFor: unknown user ${String(token.user)}`);
  return basicAuthorization(user.email, token.secret);
}
