import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReminderEntryErrors, ReminderEntryField, ReminderEntryInput, ReminderEntrySaveResult } from '../../lib/features/reminders/reminder-entries';
import type { ReminderEntry } from '../../lib/features/reminders/reminder-entries-area';
import type { IsoDate } from '../../lib/features/tokens/iso-date';

/*
 * The form that adds or edits a reminder-only entry: a name, an expiry date, where it is used,
 * and never a secret. It holds what is typed; the background judges it and the answer's
 * sentences show under their fields. Escape cancels.
 * data-testids: reminder-entry-form, entry-field-label, entry-field-expiry, entry-field-used-where,
 * entry-field-error-<label|expiresOn|usedWhere>, reminder-entry-save, reminder-entry-cancel,
 * reminder-entry-form-error.
 */

const FIELD_IDS: Record<ReminderEntryField, string> = { label: 'entry-label', expiresOn: 'entry-expiry', usedWhere: 'entry-used-where' };

export interface ReminderEntryFormProps {
  /** The entry as saved; absent when adding. */
  entry?: ReminderEntry;
  today: IsoDate;
  onSave(input: ReminderEntryInput): Promise<ReminderEntrySaveResult>;
  onCancel(): void;
}

export function ReminderEntryForm({ entry, today, onSave, onCancel }: ReminderEntryFormProps) {
  const [draft, setDraft] = useState<ReminderEntryInput>({ label: entry?.label ?? '', expiresOn: entry?.expiresOn ?? '', usedWhere: entry?.usedWhere ?? '' });
  const [errors, setErrors] = useState<ReminderEntryErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = useRef<HTMLInputElement>(null);
  // Opened from a button or from a notification's "Renew" (#entry=<id>): the first field is where typing goes.
  useEffect(() => label.current?.focus(), []);

  const field = (key: ReminderEntryField) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const described = (key: ReminderEntryField, help?: string) => {
    const ids = [help, errors[key] ? `entry-error-${key}` : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[key] ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
  };
  const submit = async () => {
    setSaving(true);
    setFormError(null);
    try {
      const result = await onSave(draft);
      if (!result.ok) {
        if (result.reason === 'invalid') {
          setErrors(result.errors);
          // The keyboard goes where the first thing to fix is; its message is read with it.
          const first = (['label', 'expiresOn', 'usedWhere'] as const).find((key) => result.errors[key]);
          if (first) document.getElementById(FIELD_IDS[first])?.focus();
        } else setFormError(result.message);
      }
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  const heading = entry ? `Edit “${entry.label}”` : 'Add a reminder-only entry';

  return (
    <form
      class="token-form entry-form"
      data-testid="reminder-entry-form"
      noValidate
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h4>{heading}</h4>
      <p class="help">No secret is asked for or stored: this entry only reminds you.</p>

      <label for={FIELD_IDS.label}>Name</label>
      <input
        ref={label}
        id={FIELD_IDS.label}
        data-testid="entry-field-label"
        type="text"
        maxLength={200}
        value={draft.label}
        onInput={(e) => field('label')(e.currentTarget.value)}
        {...described('label')}
      />
      <EntryFieldError field="label" errors={errors} />

      <label for={FIELD_IDS.expiresOn}>Expiry date</label>
      <input
        id={FIELD_IDS.expiresOn}
        data-testid="entry-field-expiry"
        type="date"
        min={entry && entry.expiresOn < today ? undefined : today}
        value={draft.expiresOn}
        onInput={(e) => field('expiresOn')(e.currentTarget.value)}
        {...described('expiresOn', 'entry-expiry-help')}
      />
      <EntryFieldError field="expiresOn" errors={errors} />
      <p class="help" id="entry-expiry-help">
        The date the token stops working, as the tool that issued it says.
      </p>

      <label for={FIELD_IDS.usedWhere}>Where it is used (optional)</label>
      <textarea
        id={FIELD_IDS.usedWhere}
        data-testid="entry-field-used-where"
        rows={3}
        value={draft.usedWhere}
        onInput={(e) => field('usedWhere')(e.currentTarget.value)}
        {...described('usedWhere', 'entry-used-where-help')}
      />
      <EntryFieldError field="usedWhere" errors={errors} />
      <p class="help" id="entry-used-where-help">
        For example “GitHub Actions secret CONFLUENCE_TOKEN in the docs repo”: the reminder says it, so you know where to replace it.
        Up to 500 characters.
      </p>

      {formError && (
        <p class="notice notice-error" role="alert" data-testid="reminder-entry-form-error">
          {formError}
        </p>
      )}
      <div class="buttons">
        <button type="submit" data-testid="reminder-entry-save" disabled={saving}>
          {saving ? 'Saving…' : entry ? 'Save changes' : 'Add entry'}
        </button>
        <button type="button" class="secondary" data-testid="reminder-entry-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EntryFieldError({ field, errors }: { field: ReminderEntryField; errors: ReminderEntryErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`entry-error-${field}`} data-testid={`entry-field-error-${field}`} role="alert">
      {message}
    </p>
  );
}
