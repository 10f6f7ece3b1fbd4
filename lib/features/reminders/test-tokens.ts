import type { TokenSummary } from '../tokens/token-summary';

/** A token summary for reminder tests. Test-only. */
export function reminderToken(patch: Partial<TokenSummary> = {}): TokenSummary {
  return {
    id: 'tok1',
    label: 'Work',
    kind: 'classic',
    secretHint: '…AAAA',
    detected: [],
    mismatch: [],
    expiresOn: '2026-12-09',
    createdAt: '2026-01-01T00:00:00.000Z',
    sites: ['acme.atlassian.net'],
    readOnly: false,
    revision: '0123456789abcdef',
    ...patch,
  };
}
