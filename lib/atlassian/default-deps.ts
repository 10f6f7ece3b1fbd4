/**
 * The real-world dependencies of the client, for the background service worker. Kept apart from
 * client.ts so tests never pick up the real clock or network by accident.
 */
import type { AtlassianClientDeps } from './client';
import { abortableSleep, INTERACTIVE_RETRY_POLICY } from './retry';

/**
 * Every call the background makes today answers a person waiting in the popup or the options
 * page, hence the interactive retry policy; background jobs can pass their own.
 */
export function defaultClientDeps(): Omit<AtlassianClientDeps, 'onActivity'> {
  return {
    retryPolicy: INTERACTIVE_RETRY_POLICY,
    // Bound: browsers throw "Illegal invocation" for a detached fetch.
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    sleep: abortableSleep,
    random: () => Math.random(),
  };
}
