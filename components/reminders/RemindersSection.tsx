import { ReminderEntries, type ReminderEntriesProps } from './ReminderEntries';
import { PolicyMark } from '../policy/OrganisationPolicy';

/*
 * The options page's "Reminders" section: which days before a token's expiry a notification
 * comes, and the reminder-only entries. A view: the thresholds, the entries and the callbacks
 * come from entrypoints/options/main.tsx.
 * data-testids: reminders-section, reminder-threshold-<days>, reminders-status; ReminderEntries lists its own.
 */

export interface RemindersView {
  thresholds: number[];
  choices: number[];
  /** The organisation's floor (policy “minimumReminderDays”): ticked, and cannot be unticked. */
  locked?: number[];
  /** The ticks are the organisation's defaults (policy “reminderThresholdsDays”) until the person changes them. */
  defaultsFromOrganisation?: boolean;
  /** A sentence while saving, after saving or when it failed. */
  status: string | null;
}

export interface RemindersSectionProps {
  view: RemindersView | null;
  onChange(thresholds: number[]): void;
  /** Reminder-only entries; absent: not shown. */
  entries?: ReminderEntriesProps;
}

const choiceLabel = (days: number) => (days === 0 ? 'On the day it expires' : days === 1 ? '1 day before' : `${days} days before`);

export function RemindersSection({ view, onChange, entries }: RemindersSectionProps) {
  return (
    <section aria-labelledby="reminders-heading" data-testid="reminders-section">
      <h2 id="reminders-heading">Reminders</h2>
      <p class="help">
        A notification when a token with an expiry date, or a reminder-only entry, reaches each day you tick, once per token and day,
        counted in calendar days where you are. The toolbar badge shows the days left of the most urgent one from 7 days before.
      </p>
      {view === null ? (
        <p class="note" role="status">
          Loading…
        </p>
      ) : (
        <fieldset>
          <legend>Remind me</legend>
          {view.defaultsFromOrganisation && (
            <p class="help" data-testid="reminder-defaults-policy">
              These are your organisation’s defaults until you change them. <PolicyMark policyKey="reminderThresholdsDays" />
            </p>
          )}
          {view.choices.map((days) => {
            const locked = view.locked?.includes(days) ?? false;
            return (
              <label class="inline" key={days}>
                <input
                  type="checkbox"
                  data-testid={`reminder-threshold-${days}`}
                  checked={view.thresholds.includes(days)}
                  disabled={locked}
                  onChange={(event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked;
                    onChange(on ? [...view.thresholds, days] : view.thresholds.filter((d) => d !== days));
                  }}
                />
                {choiceLabel(days)}
                {locked && (
                  <>
                    {' '}
                    <PolicyMark policyKey="minimumReminderDays" />
                  </>
                )}
              </label>
            );
          })}
        </fieldset>
      )}
      {view?.status && (
        <p class="note" role="status" data-testid="reminders-status">
          {view.status}
        </p>
      )}
      {entries && <ReminderEntries {...entries} />}
    </section>
  );
}
