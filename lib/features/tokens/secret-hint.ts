/** The last four characters of a secret: all the UI ever shows of it after saving. */
export function lastFour(secret: string): string {
  return secret.slice(-4);
}

// Below this length, four characters would give away too much of the secret.
const MIN_LENGTH_FOR_HINT = 12;

/** What a token list shows in place of the secret, e.g. '…abcd'. */
export function secretHint(secret: string): string {
  return secret.length >= MIN_LENGTH_FOR_HINT ? `…${lastFour(secret)}` : '…';
}
