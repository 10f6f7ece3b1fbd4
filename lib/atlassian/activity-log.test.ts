import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_LOG_LIMIT,
  activityEntrySchema,
  activityLogSchema,
  activityToCsv,
  activityToJson,
  appendActivity,
  csvField,
  filterActivity,
  type ActivityEntry,
} from './activity-log';

function entry(p: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    time: '2025-03-01T12:00:00.000Z',
    tokenLabel: 'Work token',
    site: 'acme.atlassian.net',
    operation: 'getCurrentUser',
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    status: 200,
    durationMs: 120,
    outcome: 'ok',
    retries: 0,
    ...p,
  };
}

describe('activity log', () => {
  it('keeps the last 2,000 entries', () => {
    let log: ActivityEntry[] = [];
    for (let i = 0; i < ACTIVITY_LOG_LIMIT + 5; i++) log = appendActivity(log, entry({ durationMs: i }));
    expect(log).toHaveLength(2000);
    expect(log[0]?.durationMs).toBe(5);
    expect(log.at(-1)?.durationMs).toBe(2004);
  });

  it('does not mutate the log it is given', () => {
    const log = [entry()];
    appendActivity(log, entry());
    expect(log).toHaveLength(1);
  });

  it('filters failures, auth problems, forbidden and rate limited', () => {
    const log = [
      entry(),
      entry({ outcome: 'invalid-token', status: 401 }),
      entry({ outcome: 'missing-scope', status: 401 }),
      entry({ outcome: 'no-permission-or-not-found', status: 403 }),
      entry({ outcome: 'rate-limited', status: 429 }),
      entry({ outcome: 'offline', status: null }),
      entry({ outcome: 'ok', status: 200, retries: 2 }),
    ];
    expect(filterActivity(log, 'all')).toHaveLength(7);
    expect(filterActivity(log, 'failures').map((e) => e.outcome)).toEqual([
      'invalid-token',
      'missing-scope',
      'no-permission-or-not-found',
      'rate-limited',
      'offline',
    ]);
    expect(filterActivity(log, 'auth').map((e) => e.outcome)).toEqual(['invalid-token', 'missing-scope']);
    expect(filterActivity(log, 'forbidden').map((e) => e.outcome)).toEqual(['no-permission-or-not-found']);
    expect(filterActivity(log, 'rate-limited').map((e) => e.outcome)).toEqual(['rate-limited']);
  });

  it('exports JSON that validates against the stored schema', () => {
    const log = [entry(), entry({ outcome: 'cancelled', status: null })];
    expect(activityLogSchema.parse(JSON.parse(activityToJson(log)))).toEqual(log);
  });

  it('schema rejects unknown outcomes and oversized logs', () => {
    expect(activityEntrySchema.safeParse({ ...entry(), outcome: 'weird' }).success).toBe(false);
    expect(activityLogSchema.safeParse(Array.from({ length: 2001 }, () => entry())).success).toBe(false);
  });

  it('exports CSV with RFC 4180 quoting and formula neutralised', () => {
    const csv = activityToCsv([
      entry({ tokenLabel: 'Ada "main", work\nline', status: null, outcome: 'offline' }),
      entry({ tokenLabel: '=HYPERLINK("http://x")' }),
      entry({ note: 'export: 3 pages, 9 calls' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,tokenLabel,site,operation,method,path,status,durationMs,outcome,retries,note');
    expect(csv).toContain('"Ada ""main"", work\nline"');
    expect(csv).toContain(',,120,offline,0,\r\n');
    expect(lines[3]?.endsWith(',0,export: 3 pages, 9 calls')).toBe(false);
    expect(lines[3]?.endsWith(',0,"export: 3 pages, 9 calls"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-x')).toBe("'-x");
  });
});
