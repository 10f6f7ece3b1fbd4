import type { ReminderEntryInput, ReminderEntrySaveResult } from '../../lib/features/reminders/reminder-entries';
import type { ReminderEntry } from '../../lib/features/reminders/reminder-entries-area';
import { daysBetween, type IsoDate } from '../../lib/features/tokens/iso-date';
import { PartProblemNotice } from '../shared/PartProblemNotice';
import { ReminderEntryForm } from './ReminderEntryForm';

/*
 * Reminder-only entries in the Reminders section: tokens kept elsewhere (CI, scripts, other
 * tools), reminded of like saved tokens, with no secret. A view: the entries and the callbacks
 * come from entrypoints/options/main.tsx; only the open form holds what is being typed.
 * data-testids: reminder-entries, reminder-entries-loading, reminder-entries-error,
 * reminder-entries-damaged (+ -reset), reminder-entries-empty, reminder-entries-notice,
 * reminder-entry (data-label, data-id), reminder-entry-no-secret, reminder-entry-expiry
 * (data-state), reminder-entry-used-where, reminder-entry-edit, reminder-entry-remove,
 * reminder-entry-add; the form's are listed in ReminderEntryForm.
 */

export type ReminderEntriesState =
  | { status: 'loading' }
  | { status: 'ready'; entries: ReminderEntry[] }
  /** The stored entries cannot be read: the background's sentence, and a reset. */
  | { status: 'damaged'; sentence: string; resetting: boolean }
  | { status: 'error'; sentence: string };

export interface ReminderEntriesProps {
  state: ReminderEntriesState;
  today: IsoDate;
  /** 'new' while adding, an entry id while editing, null otherwise. */
  editing: string | null;
  /** A problem from the last action (a removal that failed). */
  notice: string | null;
  onStartAdd(): void;
  onEdit(id: string): void;
  onCancel(): void;
  /** Adds (no `id`) or updates an entry; the form shows what the answer says is wrong. */
  onSave(input: ReminderEntryInput, id?: string): Promise<ReminderEntrySaveResult>;
  onRemove(id: string): void;
  onReset(): void;
}

/** Where an entry stands on `today`, in a sentence, and its state for the badge's colour. */
export function entryExpiry(expiresOn: IsoDate, today: IsoDate): { state: 'expired' | 'expiring-soon' | 'ok'; short: string; sentence: string } {
  const daysLeft = daysBetween(today, expiresOn);
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (daysLeft < 0) return { state: 'expired', short: 'expired', sentence: `Expired on ${expiresOn} (${days(-daysLeft)} ago): replace it where it is used.` };
  if (daysLeft === 0) return { state: 'expiring-soon', short: 'expires today', sentence: `Expires today (${expiresOn}).` };
  return { state: daysLeft <= 14 ? 'expiring-soon' : 'ok', short: `${days(daysLeft)} left`, sentence: `Expires on ${expiresOn}, in ${days(daysLeft)}.` };
}

export function ReminderEntries(props: ReminderEntriesProps) {
  const { state, today, editing, notice, onStartAdd, onEdit, onCancel, onSave, onRemove, onReset } = props;
  const entries = state.status === 'ready' ? state.entries : [];
  const editingEntry = editing && editing !== 'new' ? entries.find((e) => e.id === editing) : undefined;
  const form = (entry?: ReminderEntry) => (
    <ReminderEntryForm key={entry?.id ?? 'new'} entry={entry} today={today} onSave={(input) => onSave(input, entry?.id)} onCancel={onCancel} />
  );
  return (
    <div class="reminder-entries" data-testid="reminder-entries">
      <h3 id="reminder-entries-heading">Reminder-only entries</h3>
      <p class="help">
        Tokens you keep elsewhere (CI, scripts, other tools): a name, the expiry date and where the token is used. They get the same
        reminders and badge as your saved tokens. No secret is stored for them, so the extension never uses them.
      </p>
      {notice && (
        <p class="notice notice-error" role="alert" data-testid="reminder-entries-notice">
          {notice}
        </p>
      )}
      {state.status === 'loading' && (
        <p class="note" role="status" data-testid="reminder-entries-loading">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p class="notice notice-error" role="alert" data-testid="reminder-entries-error">
          {state.sentence}
        </p>
      )}
      {state.status === 'damaged' && (
        <PartProblemNotice testId="reminder-entries-damaged" sentence={state.sentence} resetLabel="Reset the reminder-only entries" resetting={state.resetting} onReset={onReset} />
      )}
      {state.status === 'ready' && (
        <>
          {entries.length === 0 && editing === null && (
            <p class="note" data-testid="reminder-entries-empty">
              No reminder-only entry yet.
            </p>
          )}
          <ul class="token-list" aria-labelledby="reminder-entries-heading">
            {entries.map((entry) =>
              editingEntry?.id === entry.id ? (
                <li key={entry.id}>{form(entry)}</li>
              ) : (
                <EntryRow key={entry.id} entry={entry} today={today} onEdit={() => onEdit(entry.id)} onRemove={() => onRemove(entry.id)} />
              ),
            )}
          </ul>
          {editing === 'new' ? (
            form()
          ) : (
            <div class="buttons">
              <button type="button" data-testid="reminder-entry-add" onClick={onStartAdd}>
                Add a reminder-only entry
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function EntryRow({ entry, today, onEdit, onRemove }: { entry: ReminderEntry; today: IsoDate; onEdit(): void; onRemove(): void }) {
  const expiry = entryExpiry(entry.expiresOn, today);
  return (
    <li class="token-row entry-row" data-testid="reminder-entry" data-label={entry.label} data-id={entry.id}>
      <div class="token-head">
        <h4>{entry.label}</h4>
        <span class={`badge expiry-${expiry.state}`}>{expiry.short}</span>
        <span class="badge no-secret" data-testid="reminder-entry-no-secret">
          No secret stored: reminder only
        </span>
      </div>
      <dl class="fields">
        <dt>Expiry</dt>
        <dd data-testid="reminder-entry-expiry" data-state={expiry.state} class={expiry.state === 'expired' ? 'error-text' : expiry.state === 'expiring-soon' ? 'warning-text' : undefined}>
          {expiry.sentence}
        </dd>
        <dt>Used in</dt>
        <dd data-testid="reminder-entry-used-where" class={entry.usedWhere === '' ? 'muted' : 'used-where'}>
          {entry.usedWhere === '' ? 'Not noted' : entry.usedWhere}
        </dd>
      </dl>
      <div class="buttons">
        <button type="button" class="secondary" data-testid="reminder-entry-edit" onClick={onEdit} aria-label={`Edit “${entry.label}”`}>
          Edit
        </button>
        <button type="button" class="secondary danger" data-testid="reminder-entry-remove" onClick={onRemove} aria-label={`Remove “${entry.label}”`}>
          Remove
        </button>
      </div>
    </li>
  );
}
