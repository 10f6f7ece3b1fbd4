import { describe, expect, it } from 'vitest';
import { DAILY_ALARM, ensureDailyAlarm, scheduleDailyAlarm, type AlarmsLike } from './daily-alarm';

function fakeAlarms() {
  const alarms = new Map<string, { when: number; periodInMinutes: number }>();
  const api: AlarmsLike = {
    get: async (name) => (alarms.has(name) ? { name } : undefined),
    create: (name, info) => void alarms.set(name, info),
  };
  return { api, alarms };
}

describe('the daily alarm', () => {
  const now = new Date(2026, 11, 2, 15, 0, 0);

  it('is scheduled just after the next local midnight and then every 24 hours', async () => {
    const { api, alarms } = fakeAlarms();
    await scheduleDailyAlarm(api, now);
    expect(alarms.get(DAILY_ALARM)).toEqual({ when: new Date(2026, 11, 3, 0, 1, 0).getTime(), periodInMinutes: 1440 });
  });

  it('is created at service-worker start only when missing', async () => {
    const { api, alarms } = fakeAlarms();
    await ensureDailyAlarm(api, now);
    const first = alarms.get(DAILY_ALARM);
    await ensureDailyAlarm(api, new Date(2026, 11, 5));
    expect(alarms.get(DAILY_ALARM)).toBe(first);
  });
});
