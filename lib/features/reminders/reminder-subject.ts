import type { IsoDate } from '../tokens/iso-date';
import { dcTokenSiteKey } from '../tokens/token-site-match';
import type { TokenSummary } from '../tokens/token-summary';
import type { ReminderEntry } from './reminder-entries-area';

/**
 * What reminders and the badge are about: a saved token or a reminder-only entry, alike. Its `id`
 * keys what was sent and snoozed: an entry's is `entry:<id>`, and `:` is never in a token id, so
 * a token and an entry can never share one.
 */
export interface ReminderSubject {
  id: string;
  label: string;
  expiresOn?: IsoDate;
  /** A reminder-only entry: the extension stores no secret for it. */
  noSecret?: true;
  /** Token: the sites (or server) it is used on. Entry: what the person noted, possibly ''. */
  usedOn: string[];
}

export const ENTRY_SUBJECT_PREFIX = 'entry:';

export function tokenSubject(token: TokenSummary): ReminderSubject {
  return {
    id: token.id,
    label: token.label,
    ...(token.expiresOn !== undefined ? { expiresOn: token.expiresOn } : {}),
    // A Data Center PAT is for one server: named by its base URL, as its site is everywhere else.
    usedOn: token.kind === 'dc-pat' ? [dcTokenSiteKey(token) ?? token.dcBaseUrl ?? 'your Data Center server'] : [...token.sites],
  };
}

export function entrySubject(entry: ReminderEntry): ReminderSubject {
  return {
    id: `${ENTRY_SUBJECT_PREFIX}${entry.id}`,
    label: entry.label,
    expiresOn: entry.expiresOn,
    noSecret: true,
    usedOn: entry.usedWhere === '' ? [] : [entry.usedWhere],
  };
}

/** The entry id a subject id names, or undefined for a token's. */
export function entryIdOf(subjectId: string): string | undefined {
  return subjectId.startsWith(ENTRY_SUBJECT_PREFIX) ? subjectId.slice(ENTRY_SUBJECT_PREFIX.length) : undefined;
}
