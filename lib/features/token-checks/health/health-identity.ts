import type { User } from '../../../atlassian/schemas/user';
import type { TokenSummary } from '../../tokens/token-summary';
import type { SiteCheckResult } from '../token-check-result';
import type { HealthIdentity } from './health-report';

/** The person-facing wording of an anonymous answer (issue 7): never "healthy". */
export const ANONYMOUS_SENTENCE = 'Not authenticated: the site answered as the anonymous user.';

function emailFields(answered: string | null | undefined, token: Pick<TokenSummary, 'email'>): Pick<HealthIdentity, 'email' | 'emailMatches'> {
  const email = answered?.trim();
  if (!email) return {};
  const mine = token.email?.trim().toLowerCase();
  return mine ? { email, emailMatches: email.toLowerCase() === mine } : { email };
}

function emailSentence(fields: Pick<HealthIdentity, 'email' | 'emailMatches'>): string {
  if (fields.email === undefined) return ' The site does not show the account’s email.';
  if (fields.emailMatches === false) return ` It answers with the email ${fields.email}, not the one saved with the token.`;
  return fields.emailMatches ? ` Its email, ${fields.email}, is the one saved with the token.` : '';
}

/** A real account answered `user/current` (the client turns anonymous 200s into failures). */
export function identityFromUser(user: User, token: Pick<TokenSummary, 'email' | 'kind'>): HealthIdentity {
  const displayName = user.displayName || user.publicName || user.username || user.accountId || 'an unnamed user';
  const email = emailFields(user.email, token);
  return {
    state: 'confirmed',
    sentence: `Signs in as ${displayName}${user.accountId ? ` (account ${user.accountId})` : ''}.${token.kind === 'dc-pat' ? '' : emailSentence(email)}`,
    displayName,
    ...(user.accountId ? { accountId: user.accountId } : {}),
    ...email,
    ...(email.emailMatches === false ? { fix: 'Check the email saved with the token: it should be the address of the account that created it.' } : {}),
  };
}

/** What a token check found, as the report's identity. */
export function identityFromCheck(result: SiteCheckResult, token: Pick<TokenSummary, 'email'>): HealthIdentity {
  if (result.ok && result.identity) {
    const email = emailFields(result.identity.email, token);
    return {
      state: 'confirmed',
      sentence: result.sentence,
      displayName: result.identity.displayName,
      ...(result.identity.accountId ? { accountId: result.identity.accountId } : {}),
      ...email,
    };
  }
  const failureClass = result.failure?.class;
  if (failureClass === 'anonymous-fallback') {
    return { state: 'anonymous', sentence: ANONYMOUS_SENTENCE, fix: result.failure?.fix ?? 'Check the token and its email.', failureClass };
  }
  return {
    state: 'refused',
    sentence: result.warning ?? result.sentence,
    ...(result.failure?.fix ? { fix: result.failure.fix } : {}),
    ...(failureClass ? { failureClass } : {}),
  };
}
