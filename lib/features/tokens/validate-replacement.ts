import type { IsoDate } from './iso-date';
import type { TokenFieldErrors } from './token-form-input';
import { isCloudTokenKind, type TokenKind } from './token-kind';
import { checkExpiry, secretProblem } from './validate-token-input';

/** What "Replace token" asks for: the new secret and the new token's expiry date. */
export interface ReplacementInput {
  secret: string;
  expiresOn?: string;
}

export interface ValidReplacement {
  secret: string;
  /** Absent only for a Data Center token that does not expire. */
  expiresOn?: IsoDate;
}

export type ReplacementValidationResult = { ok: true; value: ValidReplacement } | { ok: false; errors: Pick<TokenFieldErrors, 'secret' | 'expiresOn'> };

/**
 * The form's own rules for the two fields a replacement has. The date is judged as a new
 * token's (no "unchanged while editing" leniency): the replacement was just created, so an old
 * date kept by mistake is caught.
 */
export function validateReplacement(input: ReplacementInput, context: { today: IsoDate; kind: TokenKind }): ReplacementValidationResult {
  const errors: Pick<TokenFieldErrors, 'secret' | 'expiresOn'> = {};
  const secret = input.secret;
  if (secret === '') errors.secret = 'Paste the new token.';
  else {
    const problem = secretProblem(secret);
    if (problem) errors.secret = problem;
  }
  const expiresOn = (input.expiresOn ?? '').trim();
  const expiryError = checkExpiry(expiresOn, isCloudTokenKind(context.kind), { today: context.today });
  if (expiryError) errors.expiresOn = expiryError;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { secret, ...(expiresOn !== '' ? { expiresOn } : {}) } };
}
