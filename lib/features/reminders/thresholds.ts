/** The days before expiry a person may be reminded at; 0 is the expiry day itself. */
export const REMINDER_THRESHOLD_CHOICES = [30, 14, 7, 3, 1, 0] as const;
/** Days before expiry (0 to 365): an organisation's policy may offer days beyond the usual choices. */
export type ReminderThreshold = number;

export const DEFAULT_REMINDER_THRESHOLDS: readonly ReminderThreshold[] = REMINDER_THRESHOLD_CHOICES;
export const MAX_THRESHOLD_DAYS = 365;

/** Offered choices only (`choices`, by default the usual ones), each once, largest first (the order reminders come in). */
export function normaliseThresholds(thresholds: readonly number[], choices: readonly number[] = REMINDER_THRESHOLD_CHOICES): ReminderThreshold[] {
  return [...new Set(choices)].filter((choice) => thresholds.includes(choice)).sort((a, b) => b - a);
}

/**
 * What an organisation's policy says about reminders (lib/features/policy/): `defaults` replace
 * the usual ones until the person chooses their own; no set of thresholds goes without one at
 * least `floor` days before expiry.
 */
export interface ThresholdRules {
  defaults?: readonly number[] | undefined;
  floor?: number | undefined;
}

export interface ThresholdSettings {
  /** The thresholds that apply, largest first. */
  thresholds: ReminderThreshold[];
  /** Every threshold that may be ticked: the usual ones and any the policy names. */
  choices: ReminderThreshold[];
  /** The policy's floor, added because none of the person's thresholds reaches it: it cannot be unticked. */
  locked: ReminderThreshold[];
  /** The thresholds are the policy's defaults: the person has not chosen their own. */
  defaultsFromOrganisation: boolean;
}

/** The thresholds as they apply: the person's (`chosen`) or else the policy's defaults, with the floor. */
export function thresholdSettings(stored: readonly number[], chosen: boolean, rules: ThresholdRules): ThresholdSettings {
  const fromOrganisation = !chosen && rules.defaults !== undefined;
  const base = fromOrganisation ? [...rules.defaults!] : [...stored];
  const floor = rules.floor;
  const locked = floor !== undefined && !base.some((d) => d >= floor) ? [floor] : [];
  const extra = [...(rules.defaults ?? []), ...(floor !== undefined ? [floor] : [])];
  const choices = normaliseThresholds([...REMINDER_THRESHOLD_CHOICES, ...extra], [...REMINDER_THRESHOLD_CHOICES, ...extra]);
  return { thresholds: normaliseThresholds([...base, ...locked], choices), choices, locked, defaultsFromOrganisation: fromOrganisation };
}
