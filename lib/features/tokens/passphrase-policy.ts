/** Short passphrases fall to guessing however many PBKDF2 iterations guard them. */
export const PASSPHRASE_MIN_LENGTH = 10;

/** A sentence saying what is wrong with a new passphrase, or undefined when it will do. */
export function passphraseProblem(passphrase: string): string | undefined {
  const length = [...passphrase].length;
  if (length === 0) return 'Enter a passphrase.';
  if (length < PASSPHRASE_MIN_LENGTH) {
    return `Use at least ${PASSPHRASE_MIN_LENGTH} characters; a few words in a row make a good passphrase.`;
  }
  return undefined;
}
