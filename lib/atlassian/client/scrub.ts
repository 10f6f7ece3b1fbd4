/**
 * Defence in depth: failures are built from fixed text and log entries from known fields, but
 * nothing the client reports may carry a secret out, whatever a server echoed.
 */
import type { Failure } from '../failure';

const REDACTED = '[redacted]';

/** `text` with every secret (of 4 characters or more) replaced. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out;
}

export function scrubFailure(failure: Failure, secrets: readonly string[]): Failure {
  return { ...failure, message: scrubText(failure.message, secrets), fix: scrubText(failure.fix, secrets) };
}
