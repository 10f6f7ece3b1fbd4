import { describe, expect, it } from 'vitest';
import { daysBetween } from '../tokens/iso-date';
import { calendarDateIn } from './local-date';

// Fixed instants around the 2026 daylight-saving changes; the zone is given, not the machine's.
describe('calendarDateIn', () => {
  it('reads the wall-clock date in Europe/Berlin across the 2026-03-29 change', () => {
    const zone = 'Europe/Berlin';
    expect(calendarDateIn(new Date('2026-03-28T23:30:00Z'), zone)).toBe('2026-03-29'); // 00:30 CET
    expect(calendarDateIn(new Date('2026-03-29T21:59:00Z'), zone)).toBe('2026-03-29'); // 23:59 CEST
    expect(calendarDateIn(new Date('2026-03-29T22:00:00Z'), zone)).toBe('2026-03-30'); // 00:00 CEST
  });

  it('reads the wall-clock date in America/New_York across the 2026-11-01 change', () => {
    const zone = 'America/New_York';
    expect(calendarDateIn(new Date('2026-11-01T03:59:00Z'), zone)).toBe('2026-10-31'); // 23:59 EDT
    expect(calendarDateIn(new Date('2026-11-01T04:00:00Z'), zone)).toBe('2026-11-01'); // 00:00 EDT
    expect(calendarDateIn(new Date('2026-11-02T04:59:00Z'), zone)).toBe('2026-11-01'); // 23:59 EST, a 25-hour day
  });

  it('gives one instant the date of each zone, so moving zones moves "today" with the person', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(calendarDateIn(instant, 'Europe/Berlin')).toBe('2026-12-01');
    expect(calendarDateIn(instant, 'America/New_York')).toBe('2026-11-30');
    expect(calendarDateIn(instant, 'Pacific/Auckland')).toBe('2026-12-01');
  });

  it('counts calendar days where dividing milliseconds would be off by one', () => {
    // 23:30 local on the eve of the Berlin change, to 23:30 local a week later: 167 hours.
    const from = new Date('2026-03-25T22:30:00Z');
    const to = new Date('2026-04-01T21:30:00Z');
    expect(Math.floor((to.getTime() - from.getTime()) / 86_400_000)).toBe(6);
    expect(daysBetween(calendarDateIn(from, 'Europe/Berlin'), calendarDateIn(to, 'Europe/Berlin'))).toBe(7);
  });
});
