import { describe, expect, it } from 'vitest';
import { RejectedMessageError } from '../../core/messaging/reply';
import type { VerifiedExtensionPage } from '../../core/messaging/sender-check';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { ACTIVITY_STORAGE_KEY } from './activity-area';
import { createActivityStore } from './activity-store';
import { activityClear, activityList } from './messages';

const PAGE = {} as VerifiedExtensionPage; // the handlers do not look at the sender

describe('activity-list and activity-clear on a damaged log', () => {
  it('refuse the list with a sentence (not a handler failure); clear empties the log', async () => {
    const local = createMemoryStorageArea({ [ACTIVITY_STORAGE_KEY]: { schemaVersion: 1, data: { entries: [{ time: 42 }] } } });
    const deps = { activity: createActivityStore(local) };

    const refused = await activityList.handle({ type: 'activity-list', filter: 'all' }, PAGE, deps).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RejectedMessageError);
    expect((refused as Error).message).toMatch(/^The saved activity log is damaged .* Clear the activity log/);

    expect(await activityClear.handle({ type: 'activity-clear' }, PAGE, deps)).toEqual({ cleared: 1 });
    expect(await activityList.handle({ type: 'activity-list', filter: 'all' }, PAGE, deps)).toEqual({ entries: [] });
    expect(local.dump()[ACTIVITY_STORAGE_KEY]).toEqual({ schemaVersion: 1, data: { entries: [] } });
  });
});
