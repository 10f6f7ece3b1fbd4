import { describe, expect, it } from 'vitest';
import { damagedIds, separateDamaged, withDamaged } from './damaged-records';
import type { TokenRecord } from './token-record';

const secret = { kind: 'device', keyId: 'device-key-1', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' } as const;
function record(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    label: `Token ${id}`,
    kind: 'classic',
    email: 'ada@example.com',
    secret,
    secretHint: '…AAAA',
    secretRevision: 1,
    createdAt: '2025-03-10T09:00:00.000Z',
    sites: [],
    readOnly: false,
    ...overrides,
  };
}

describe('damaged token records', () => {
  it('sets apart what is not a usable record, keeps the rest, and writes both back', () => {
    const stored = {
      lock: null,
      tokens: [
        record('a'),
        record('b', { readOnly: 'yes' }),
        'not a record',
        record('c', { secret: { ...secret, kind: 'passphrase+device' } }), // not of the lock's kind
        record('a', { label: 'Second a' }), // an id already seen
        record('d'),
      ],
    };
    const data = separateDamaged(structuredClone(stored));
    expect(data.tokens.map((t: TokenRecord) => t.id)).toEqual(['a', 'd']);
    expect(data.damaged).toEqual([stored.tokens[1], stored.tokens[2], stored.tokens[3], stored.tokens[4]]);
    expect(withDamaged(data)).toEqual({ lock: null, tokens: [stored.tokens[0], stored.tokens[5], ...data.damaged] });
    expect([...damagedIds(data.damaged)].sort()).toEqual(['a', 'b', 'c']);
  });
});
