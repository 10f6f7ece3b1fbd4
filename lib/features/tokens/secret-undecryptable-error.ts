import { RejectedMessageError } from '../../core/messaging/reply';
import { secretUndecryptableSentence } from './unusable-token-sentences';

/**
 * A secret stored under a device key this browser no longer has. A RejectedMessageError, so
 * whichever message needed the secret (a check, a page action, a passphrase change) answers
 * with this sentence instead of a bare "could not handle": it names the token, never the secret.
 */
export class SecretUndecryptableError extends RejectedMessageError {
  constructor(label: string) {
    super(secretUndecryptableSentence(label));
    this.name = 'SecretUndecryptableError';
  }
}
