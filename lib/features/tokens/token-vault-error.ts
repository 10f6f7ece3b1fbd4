import * as z from 'zod';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';

/**
 * A failure of the token store itself (damaged data, storage refused a write). Its message
 * names what failed and where, never a stored value: it may be logged or shown.
 */
export class TokenVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenVaultError';
  }
}

/** Rewrites a storage or schema failure into a TokenVaultError that carries no stored value. */
export function toVaultError(action: string, error: unknown): Error {
  if (error instanceof TokenVaultError || error instanceof StoredDataTooNewError) return error;
  if (error instanceof z.ZodError) {
    const where = error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ');
    return new TokenVaultError(`${action}: the saved token data is malformed (${where}). Nothing was changed.`);
  }
  const reason = error instanceof Error ? error.message : 'unknown error';
  return new TokenVaultError(`${action}: ${reason}`);
}
