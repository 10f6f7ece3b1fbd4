/** The kinds a user can choose for a token; 'auto' means "find out by probing each site". */
export const TOKEN_KINDS = ['auto', 'classic', 'scoped', 'dc-pat'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** The kinds a probe can tell apart on a Cloud site (the token string itself does not say). */
export const CLOUD_KINDS = ['classic', 'scoped'] as const;
export type CloudKind = (typeof CLOUD_KINDS)[number];

export function isTokenKind(value: unknown): value is TokenKind {
  return typeof value === 'string' && (TOKEN_KINDS as readonly string[]).includes(value);
}

/** Every kind but the Data Center PAT authenticates with an Atlassian account email. */
export function isCloudTokenKind(kind: TokenKind): boolean {
  return kind !== 'dc-pat';
}

/** Names as a person reads them in sentences. */
export const TOKEN_KIND_NAMES: Record<TokenKind, string> = {
  auto: 'Cloud token (kind detected automatically)',
  classic: 'classic token',
  scoped: 'scoped token',
  'dc-pat': 'Data Center personal access token',
};
