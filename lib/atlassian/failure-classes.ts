/**
 * The failure classes the request client gives, in a file of their own (no imports) so that
 * extension pages can validate replies naming them without bundling the scope tables.
 */
export const FAILURE_CLASSES = [
  'invalid-token',
  'wrong-base-url',
  'missing-scope',
  'no-permission-or-not-found',
  /** 403 "not permitted to use Confluence": the account has no Confluence on the site. */
  'no-confluence-access',
  'anonymous-fallback',
  'rate-limited',
  'offline',
  'server-error',
  'malformed-response',
  'read-only-refused',
  /** The organisation's managed policy does not allow it (a site, an export): refused before the network. */
  'policy-refused',
  'cancelled',
  'unsupported-operation',
  'request-rejected',
  /**
   * The answer was a redirect (or came from another origin): not trusted, never followed with
   * credentials. Only the attachment download follows its one redirect, without credentials.
   */
  'redirected',
] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];
