import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor, DEFAULT_ACTION_TITLE } from './badge';
import { reminderToken } from './test-tokens';

describe('badgeFor', () => {
  const today = '2026-12-02';

  it('is empty with the default title when nothing expires within 7 days', () => {
    expect(badgeFor([reminderToken({ expiresOn: '2026-12-10' })], today)).toEqual({ text: '', colour: BADGE_COLOURS.upcoming, title: DEFAULT_ACTION_TITLE });
    expect(badgeFor([], today).text).toBe('');
  });

  it('shows the most urgent token’s days left, coloured by urgency', () => {
    const tokens = [reminderToken({ id: 'a', label: 'Later', expiresOn: '2026-12-08' }), reminderToken({ id: 'b', label: 'Work', expiresOn: '2026-12-09' })];
    expect(badgeFor(tokens, today)).toEqual({ text: '6', colour: BADGE_COLOURS.upcoming, title: 'Token “Later” expires in 6 days, on 2026-12-08' });
    expect(badgeFor([reminderToken({ expiresOn: '2026-12-05' })], today)).toMatchObject({ text: '3', colour: BADGE_COLOURS.soon });
    expect(badgeFor([reminderToken({ expiresOn: '2026-12-03' })], today)).toMatchObject({ text: '1', colour: BADGE_COLOURS.critical });
    expect(badgeFor([reminderToken({ expiresOn: today })], today)).toMatchObject({ text: '0', title: 'Token “Work” expires today, on 2026-12-02' });
  });

  it('shows "!" for an expired token, naming the date', () => {
    const tokens = [reminderToken({ id: 'a', expiresOn: '2026-12-04' }), reminderToken({ id: 'b', label: 'Old', expiresOn: '2026-11-30' })];
    expect(badgeFor(tokens, today)).toEqual({ text: '!', colour: BADGE_COLOURS.expired, title: 'Token “Old” expired on 2026-11-30' });
  });
});
