import { expectedSecretKind, tokenRecordSchema, type StoredTokensData, type TokenRecord, type TokensData } from './token-record';

/*
 * A damaged record (not a valid record, a secret not of the lock's kind, a second record with
 * an id already seen) makes only itself unusable. It is counted, never shown, and written back
 * exactly as it was read: nothing the person saved is dropped without their say.
 */

export function separateDamaged(stored: StoredTokensData): TokensData {
  const expected = expectedSecretKind(stored.lock);
  const tokens: TokenRecord[] = [];
  const damaged: unknown[] = [];
  const ids = new Set<string>();
  for (const raw of stored.tokens) {
    const parsed = tokenRecordSchema.safeParse(raw);
    if (parsed.success && parsed.data.secret.kind === expected && !ids.has(parsed.data.id)) {
      tokens.push(parsed.data);
      ids.add(parsed.data.id);
    } else {
      damaged.push(raw);
    }
  }
  return { tokens, lock: stored.lock, damaged };
}

/** What is written: the usable records, then the damaged ones unchanged. */
export function withDamaged(data: TokensData): StoredTokensData {
  return { tokens: [...data.tokens, ...data.damaged], lock: data.lock };
}

/** The ids the damaged records still carry: what was found for them is kept too. */
export function damagedIds(damaged: readonly unknown[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const raw of damaged) {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
