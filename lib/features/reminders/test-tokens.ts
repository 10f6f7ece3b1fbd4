import type { TokenSummary } from '../tokens/token-summary';
import type { ReminderEntry } from './reminder-entries-area';
import { tokenSubject, type ReminderSubject } from './reminder-subject';

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

/** That token as reminders see it. Test-only. */
export function reminderTokenSubject(patch: Partial<TokenSummary> = {}): ReminderSubject {
  return tokenSubject(reminderToken(patch));
}

/** A reminder-only entry for reminder tests. Test-only. */
export function reminderEntry(patch: Partial<ReminderEntry> = {}): ReminderEntry {
  return { id: 'ent1', label: 'CI deploy', expiresOn: '2026-12-09', usedWhere: 'GitHub Actions: deploy job', ...patch };
}
