import { PartProblemNotice } from '../shared/PartProblemNotice';

/**
 * Shown in the options page when the stored list of known sites cannot be read. Tokens, their
 * settings and the activity log are not touched by its reset.
 * data-testids: sites-damaged, sites-damaged-reset.
 */
export function SitesDamagedNotice({ sentence, resetting, onReset }: { sentence: string; resetting: boolean; onReset(): void }) {
  return <PartProblemNotice testId="sites-damaged" sentence={sentence} resetLabel="Reset the list of known sites" resetting={resetting} onReset={onReset} />;
}
