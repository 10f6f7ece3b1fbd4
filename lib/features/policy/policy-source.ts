import { readPolicy, type PolicyReading } from './read-policy';

/*
 * The policy as it is now: read from managed storage on first use and again whenever the browser
 * says managed storage changed (`storage.onChanged`, area `managed`). Until the first read
 * settles, callers wait for it: a write must never slip out before a `forceReadOnly` is known.
 */

export interface ManagedStorage {
  /** Everything managed storage holds (`storage.managed.get()`); rejects where the browser has none. */
  read(): Promise<unknown>;
}

export interface PolicySource {
  get(): Promise<PolicyReading>;
  /** Managed storage changed: read it again. */
  refresh(): Promise<PolicyReading>;
}

/** Where the browser offers no managed storage (or refuses it), no policy applies. */
const NONE: PolicyReading = { policy: {}, warnings: [] };

/** `onChanged`: after a refresh has read the policy again (pages show it, reminders follow it). */
export function createPolicySource(managed: ManagedStorage | undefined, onChanged?: () => void): PolicySource {
  const load = (): Promise<PolicyReading> =>
    managed
      ? managed.read().then(readPolicy, () => {
          // Firefox rejects when no policy names this add-on: the usual case, not an error.
          return NONE;
        })
      : Promise.resolve(NONE);
  let current = load();
  return {
    get: () => current,
    refresh() {
      current = load();
      void current.then(() => onChanged?.());
      return current;
    },
  };
}
