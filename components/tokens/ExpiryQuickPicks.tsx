import { expiryQuickPicks } from '../../lib/features/tokens/expiry-dates';
import type { IsoDate } from '../../lib/features/tokens/iso-date';

/** 30 / 90 / 365 days from today, one click each; the add, edit and replace forms share them. */
export function ExpiryQuickPicks({
  today,
  chosen,
  testIdPrefix,
  onPick,
}: {
  today: IsoDate;
  chosen: string;
  /** `quick-pick` → `quick-pick-30`, … */
  testIdPrefix: string;
  onPick(expiresOn: string): void;
}) {
  return (
    <div class="quick-picks" role="group" aria-label="Expiry quick picks">
      {expiryQuickPicks(today).map((pick) => (
        <button type="button" class="secondary" key={pick.days} data-testid={`${testIdPrefix}-${pick.days}`} aria-pressed={chosen === pick.expiresOn} onClick={() => onPick(pick.expiresOn)}>
          {pick.label}
        </button>
      ))}
    </div>
  );
}
