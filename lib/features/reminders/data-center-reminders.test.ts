import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge';
import { dueReminders } from './due-reminders';
import { tokenSubject } from './reminder-subject';
import { reminderMessage, reminderTitle } from './reminder-text';
import { remindersAreaDefinition } from './reminders-area';
import { reminderToken } from './test-tokens';

/* Data Center PATs may have no expiry at all; with one, reminders work as on Cloud and name the server. */

const dcToken = (patch: Parameters<typeof reminderToken>[0] = {}) =>
  reminderToken({ id: 'dc1', label: 'Server', kind: 'dc-pat', sites: [], dcBaseUrl: 'https://Confluence.dc.test/confluence/', ...patch });

describe('reminders for a Data Center PAT', () => {
  it('without an expiry date: no reminder and no badge, on any day', () => {
    const { expiresOn: _none, ...token } = dcToken();
    const subject = tokenSubject(token);
    expect(subject).not.toHaveProperty('expiresOn');
    for (const today of ['2026-01-01', '2026-12-09', '2099-12-31']) {
      expect(dueReminders([subject], remindersAreaDefinition.empty(), today)).toEqual([]);
      expect(badgeFor([subject], today).text).toBe('');
    }
  });

  it('with one: due at the thresholds, and the message names the server by its base URL', () => {
    const subject = tokenSubject(dcToken({ expiresOn: '2026-12-09' }));
    expect(subject.usedOn).toEqual(['https://confluence.dc.test/confluence']);
    const [due] = dueReminders([subject], remindersAreaDefinition.empty(), '2026-12-02');
    expect(due).toMatchObject({ threshold: 7, daysLeft: 7 });
    expect(reminderTitle(subject, due!.daysLeft)).toBe('Token “Server” expires in 7 days');
    expect(reminderMessage(subject, '2026-12-09')).toBe('Used on https://confluence.dc.test/confluence. It expires on 2026-12-09: create a new token and replace this one.');
    expect(badgeFor([subject], '2026-12-02')).toMatchObject({ text: '7' });
  });

  it('a PAT whose base URL is not a server address still says which one it was given', () => {
    expect(tokenSubject(dcToken({ dcBaseUrl: 'confluence.dc.test' })).usedOn).toEqual(['confluence.dc.test']);
    expect(tokenSubject(dcToken({ dcBaseUrl: undefined })).usedOn).toEqual(['your Data Center server']);
  });
});
