import { describe, expect, it } from 'vitest';
import { cloudExpiryRange, expiryQuickPicks } from './expiry-dates';
import { EXPIRING_SOON_DAYS, expiryStatus } from './expiry-status';
import { addDays, daysBetween, isIsoDate, localIsoDate } from './iso-date';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-10', -10)).toBe('2025-02-28');
  });

  it('counts whole days, unaffected by daylight-saving changes', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2); // DST starts in Europe on 2025-03-30
    expect(daysBetween('2025-03-31', '2025-03-29')).toBe(-2);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('01/02/2025')).toBe(false);
  });

  it("takes today's date from the local clock", () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('expiry quick picks', () => {
  it('offers 30, 90 and 365 days from today', () => {
    expect(expiryQuickPicks('2025-03-10').map((p) => [p.days, p.expiresOn])).toEqual([
      [30, '2025-04-09'],
      [90, '2025-06-08'],
      [365, '2026-03-10'],
    ]);
    expect(expiryQuickPicks('2025-03-10')[0]?.label).toBe('Created today, expires in 30 days');
  });

  it('states the allowed Cloud range as dates', () => {
    expect(cloudExpiryRange('2023-03-01')).toEqual({ earliest: '2023-03-02', latest: '2024-02-29' }); // across a leap day
  });
});

describe('expiry status', () => {
  const today = '2025-03-10';
  it('is ok beyond the reminder window', () => {
    expect(expiryStatus(addDays(today, EXPIRING_SOON_DAYS + 1), today)).toMatchObject({ state: 'ok', daysLeft: 15 });
  });
  it('is expiring soon within 14 days, including the expiry day itself', () => {
    expect(expiryStatus(addDays(today, 14), today)).toMatchObject({ state: 'expiring-soon', daysLeft: 14 });
    expect(expiryStatus('2025-03-11', today)).toMatchObject({ state: 'expiring-soon', daysLeft: 1, sentence: 'Expires in 1 day, on 2025-03-11.' });
    expect(expiryStatus(today, today)).toMatchObject({ state: 'expiring-soon', daysLeft: 0, sentence: 'Expires today (2025-03-10).' });
  });
  it('is expired the day after', () => {
    const status = expiryStatus('2025-03-08', today);
    expect(status).toMatchObject({ state: 'expired', daysLeft: -2 });
    expect(status.sentence).toContain('Expired on 2025-03-08 (2 days ago)');
  });
  it('says when no date is recorded (Data Center PAT without expiry)', () => {
    expect(expiryStatus(undefined, today)).toMatchObject({ state: 'no-expiry' });
  });
});
