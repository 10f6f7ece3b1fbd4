import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor, DEFAULT_ACTION_TITLE } from './badge';
import { entrySubject } from './reminder-subject';
import { reminderEntry, reminderTokenSubject } from './test-tokens';

describe('badgeFor', () => {
  const today = '2026-12-02';

  it('is empty with the default title when nothing expires within 7 days', () => {
    expect(badgeFor([reminderTokenSubject({ expiresOn: '2026-12-10' })], today)).toEqual({ text: '', colour: BADGE_COLOURS.upcoming, title: DEFAULT_ACTION_TITLE });
    expect(badgeFor([], today).text).toBe('');
  });

  it('shows the most urgent token’s days left, coloured by urgency', () => {
    const tokens = [reminderTokenSubject({ id: 'a', label: 'Later', expiresOn: '2026-12-08' }), reminderTokenSubject({ id: 'b', label: 'Work', expiresOn: '2026-12-09' })];
    expect(badgeFor(tokens, today)).toEqual({ text: '6', colour: BADGE_COLOURS.upcoming, title: 'Token “Later” expires in 6 days, on 2026-12-08' });
    expect(badgeFor([reminderTokenSubject({ expiresOn: '2026-12-05' })], today)).toMatchObject({ text: '3', colour: BADGE_COLOURS.soon });
    expect(badgeFor([reminderTokenSubject({ expiresOn: '2026-12-03' })], today)).toMatchObject({ text: '1', colour: BADGE_COLOURS.critical });
    expect(badgeFor([reminderTokenSubject({ expiresOn: today })], today)).toMatchObject({ text: '0', title: 'Token “Work” expires today, on 2026-12-02' });
  });

  it('shows "!" for an expired token, naming the date', () => {
    const tokens = [reminderTokenSubject({ id: 'a', expiresOn: '2026-12-04' }), reminderTokenSubject({ id: 'b', label: 'Old', expiresOn: '2026-11-30' })];
    expect(badgeFor(tokens, today)).toEqual({ text: '!', colour: BADGE_COLOURS.expired, title: 'Token “Old” expired on 2026-11-30' });
  });

  it('counts reminder-only entries too, and its tooltip says the entry is reminder only', () => {
    const subjects = [reminderTokenSubject({ expiresOn: '2026-12-08' }), entrySubject(reminderEntry({ expiresOn: '2026-12-05' }))];
    expect(badgeFor(subjects, today)).toEqual({ text: '3', colour: BADGE_COLOURS.soon, title: 'Token “CI deploy” expires in 3 days, on 2026-12-05 (reminder only)' });
    expect(badgeFor([entrySubject(reminderEntry({ expiresOn: '2026-12-01' }))], today)).toMatchObject({ text: '!', title: 'Token “CI deploy” expired on 2026-12-01 (reminder only)' });
  });
});
