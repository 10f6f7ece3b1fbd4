import { describe, expect, it } from 'vitest';
import { lastFour, secretHint } from './secret-hint';
import type { SiteDetection, TokenRecord } from './token-record';
import { toTokenSummary, tokenSummarySchema } from './token-summary';

const SECRET = 'fake-secret-0123456789-abcdefghijkl-WXYZ';
// Stands for the stored ciphertext: neither it nor the key id belongs in a summary.
const CIPHERTEXT = btoa(SECRET);
const record: TokenRecord = {
  id: 'a1',
  label: 'Work',
  email: 'ada@example.com',
  kind: 'classic',
  secret: { kind: 'device', keyId: 'device-key-1', iv: 'AAAAAAAAAAAAAAAA', ciphertext: CIPHERTEXT },
  secretHint: secretHint(SECRET),
  secretRevision: 1,
  expiresOn: '2025-06-08',
  createdAt: '2025-03-10T09:00:00.000Z',
  sites: [],
  readOnly: false,
};
const detected: SiteDetection[] = [{ site: 'acme.atlassian.net', kind: 'scoped', checkedAt: '2025-03-10T10:00:00.000Z' }];

describe('secret hint and summary', () => {
  it('shows only the last four characters', () => {
    expect(lastFour(SECRET)).toBe('WXYZ');
    expect(secretHint(SECRET)).toBe('…WXYZ');
    expect(secretHint('short-one')).toBe('…');
  });

  it('leaves the secret out of the summary and computes mismatch warnings', () => {
    const summary = toTokenSummary(record, detected);
    for (const stored of [SECRET, CIPHERTEXT, 'device-key-1']) expect(JSON.stringify(summary)).not.toContain(stored);
    expect('secret' in summary).toBe(false);
    expect(summary.secretHint).toBe('…WXYZ');
    expect(summary.detected).toEqual(detected);
    expect('secretRevision' in summary).toBe(false);
    expect(summary.mismatch).toEqual([
      { site: 'acme.atlassian.net', detected: 'scoped', sentence: expect.stringContaining('works as a scoped token') },
    ]);
    expect(tokenSummarySchema.parse(summary)).toEqual(summary);
  });

  it('refuses, as a message schema, a summary that carries a secret', () => {
    const leaky = { ...toTokenSummary(record, detected), secret: SECRET };
    expect(tokenSummarySchema.safeParse(leaky).success).toBe(false);
  });
});
