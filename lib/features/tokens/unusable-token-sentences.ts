/*
 * What people read about saved tokens that cannot be used. Zod-free: the options page imports it.
 */

const KEY_GONE = 'This browser no longer has the key they were encrypted with.';

/** A check or action needed the secret of `label`, which this browser can no longer decrypt. */
export function secretUndecryptableSentence(label: string): string {
  return `The saved secret of “${label}” cannot be decrypted: this browser no longer has the key it was encrypted with. Edit the token and enter its secret again.`;
}

/** `labels`: the tokens whose secrets cannot be decrypted; `total`: how many tokens are saved. */
export function undecryptableSentence(labels: readonly string[], total: number): string {
  if (labels.length === 1) return secretUndecryptableSentence(labels[0]!);
  if (labels.length === total) {
    return `Your saved tokens cannot be decrypted: enter their secrets again (Edit, then paste each token). ${KEY_GONE}`;
  }
  const names = labels.map((l) => `“${l}”`).join(', ');
  return `The saved secrets of ${names} cannot be decrypted: enter them again (Edit, then paste each token). ${KEY_GONE}`;
}

export function damagedSentence(count: number): string {
  return count === 1
    ? 'One saved token is damaged and cannot be used. It is kept as it was; your other tokens are not affected.'
    : `${count} saved tokens are damaged and cannot be used. They are kept as they were; your other tokens are not affected.`;
}
