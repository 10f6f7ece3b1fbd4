import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../atlassian/activity-log';
import { missingScopeRow, writeRowFromLog } from './capability-rows';

const entry = (patch: Partial<ActivityEntry>): ActivityEntry => ({
  time: '2026-11-30T10:00:00.000Z',
  tokenLabel: 'Work',
  site: 'acme.atlassian.net',
  operation: 'addContentWatcher',
  method: 'POST',
  path: '/wiki/rest/api/user/watch/content/1',
  status: 204,
  durationMs: 40,
  outcome: 'ok',
  retries: 0,
  ...patch,
});

const row = (log: ActivityEntry[], patch: Partial<Parameters<typeof writeRowFromLog>[0]> = {}) =>
  writeRowFromLog({ capability: 'watch-change', tokenLabel: 'Work', readOnly: false, site: 'acme.atlassian.net', log, ...patch });

describe('write rows from the activity log', () => {
  it('never used: "not yet used", never "works"', () => {
    expect(row([])).toMatchObject({ state: 'not-yet-used' });
    // Reads of the same page do not count as a write.
    expect(row([entry({ operation: 'getContentWatchStatus', method: 'GET' })])).toMatchObject({ state: 'not-yet-used' });
  });

  it('the last use decides: a later refusal after a success is what is shown', () => {
    const log = [entry({}), entry({ time: '2026-12-01T09:00:00.000Z', operation: 'removeContentWatcher', method: 'DELETE', status: 401, outcome: 'missing-scope' })];
    expect(row(log)).toMatchObject({ state: 'missing-scope', scopes: ['write:watcher:confluence'] });
    expect(row(log).sentence).toContain('2026-12-01');
    expect(row([...log, entry({ time: '2026-12-02T09:00:00.000Z' })])).toMatchObject({ state: 'works', sentence: 'Worked when last used, on 2026-12-02.' });
  });

  it('only this token on this site counts', () => {
    expect(row([entry({ tokenLabel: 'Other' })])).toMatchObject({ state: 'not-yet-used' });
    expect(row([entry({ site: 'globex.atlassian.net' })])).toMatchObject({ state: 'not-yet-used' });
    expect(row([entry({})], { site: 'ACME.atlassian.net ' })).toMatchObject({ state: 'works' });
  });

  it('a 403 is "not permitted"; any other failure is "failed" with the class', () => {
    expect(row([entry({ status: 403, outcome: 'no-permission-or-not-found' })])).toMatchObject({ state: 'not-permitted' });
    expect(row([entry({ status: 503, outcome: 'server-error' })])).toMatchObject({ state: 'failed', sentence: expect.stringContaining('server-error') });
  });

  it('a read-only token: "not permitted", whatever the log says, with the setting to change', () => {
    expect(row([entry({})], { readOnly: true })).toMatchObject({ state: 'not-permitted', fix: expect.stringContaining('Read-only') });
  });
});

describe('missing scopes', () => {
  it('names the granular scopes the spec lists for the operation, in a sentence to act on', () => {
    const r = missingScopeRow('watch-status', 'getContentWatchStatus', 12);
    expect(r).toMatchObject({ state: 'missing-scope', scopes: ['read:watcher:confluence'], latencyMs: 12 });
    expect(r.fix).toMatch(/^Add the scope read:watcher:confluence to this token at id\.atlassian\.com/);
    expect(missingScopeRow('jira', 'getJiraCurrentUser').sentence).toContain('the scopes read:application-role:jira, read:avatar:jira, read:group:jira and read:user:jira');
  });
});
