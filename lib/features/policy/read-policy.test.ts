import { describe, expect, it } from 'vitest';
import { readPolicy } from './read-policy';
import { effectiveReadOnly, effectiveThresholds, siteAllowed, tokenKindAllowed } from './merge-policy';

describe('reading a managed policy', () => {
  it('takes every well-formed key, normalised', () => {
    const { policy, warnings } = readPolicy({
      forceReadOnly: true,
      allowedSites: ['*.atlassian.net', 'https://Confluence.example.com/confluence/'],
      allowedTokenKinds: ['scoped', 'dc-pat', 'scoped'],
      reminderThresholdsDays: [7, 30, 14],
      minimumReminderDays: 14,
      disableExport: false,
      disableActivityExport: true,
      helpUrl: 'https://intranet.example.com/tokens',
      supportContact: ' IT desk, ext. 4242 ',
    });
    expect(warnings).toEqual([]);
    expect(policy).toEqual({
      forceReadOnly: true,
      allowedSites: ['*.atlassian.net', 'https://confluence.example.com/confluence'],
      allowedTokenKinds: ['scoped', 'dc-pat'],
      reminderThresholdsDays: [30, 14, 7],
      minimumReminderDays: 14,
      disableExport: false,
      disableActivityExport: true,
      helpUrl: 'https://intranet.example.com/tokens',
      supportContact: 'IT desk, ext. 4242',
    });
  });

  it.each<[string, unknown]>([
    ['forceReadOnly', 'yes'],
    ['allowedSites', ['acme.atlassian.net', 'http://confluence.example.com']],
    ['allowedSites', 'acme.atlassian.net'],
    ['allowedTokenKinds', ['scoped', 'basic']],
    ['allowedTokenKinds', []],
    ['reminderThresholdsDays', [7, -1]],
    ['minimumReminderDays', 3.5],
    ['disableExport', 1],
    ['helpUrl', 'javascript:alert(1)'],
    ['helpUrl', 'http://intranet.example.com'],
    ['supportContact', ''],
  ])('ignores a malformed %s alone, with a warning naming it', (key, value) => {
    const { policy, warnings } = readPolicy({ [key]: value, disableActivityExport: true });
    expect(policy).toEqual({ disableActivityExport: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`“${key}”`);
  });

  it('warns about unknown keys and a policy that is not an object; nothing set is no policy', () => {
    expect(readPolicy({ forceReadonly: true }).warnings[0]).toContain('“forceReadonly” is not one this extension knows');
    expect(readPolicy(['forceReadOnly'])).toEqual({ policy: {}, warnings: [expect.stringContaining('none of it applies')] });
    expect(readPolicy(undefined)).toEqual({ policy: {}, warnings: [] });
  });
});

describe('the policy over what a person set', () => {
  it('forceReadOnly locks every token read-only', () => {
    expect(effectiveReadOnly(false, { forceReadOnly: true })).toEqual({ readOnly: true, setByOrganisation: true });
    expect(effectiveReadOnly(false, {})).toEqual({ readOnly: false, setByOrganisation: false });
    expect(effectiveReadOnly(true, { forceReadOnly: false })).toEqual({ readOnly: true, setByOrganisation: false });
  });

  it('allowedSites: hosts, wildcards of Cloud hosts, exact base URLs', () => {
    const policy = readPolicy({ allowedSites: ['*.atlassian.net', 'https://confluence.example.com/confluence'] }).policy;
    expect(siteAllowed('acme.atlassian.net', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/confluence', policy)).toBe(true);
    expect(siteAllowed('https://confluence.example.com/other', policy)).toBe(false);
    expect(siteAllowed('https://evil.example.com/x.atlassian.net', policy)).toBe(false);
    expect(siteAllowed('acme.atlassian.net', readPolicy({ allowedSites: ['globex.atlassian.net'] }).policy)).toBe(false);
    expect(siteAllowed('anything.example', {})).toBe(true);
  });

  it('allowedTokenKinds', () => {
    expect(tokenKindAllowed('classic', { allowedTokenKinds: ['scoped', 'dc-pat'] })).toBe(false);
    expect(tokenKindAllowed('dc-pat', { allowedTokenKinds: ['scoped', 'dc-pat'] })).toBe(true);
    expect(tokenKindAllowed('classic', {})).toBe(true);
  });

  it('reminder thresholds: the defaults people start from, and a floor they cannot go under', () => {
    expect(effectiveThresholds(undefined, { reminderThresholdsDays: [30, 7] })).toEqual({ thresholds: [30, 7], floorAdded: false });
    expect(effectiveThresholds([3, 1], { minimumReminderDays: 14 })).toEqual({ thresholds: [14, 3, 1], floorAdded: true });
    expect(effectiveThresholds([30, 1], { minimumReminderDays: 14 })).toEqual({ thresholds: [30, 1], floorAdded: false });
    expect(effectiveThresholds([7], {})).toEqual({ thresholds: [7], floorAdded: false });
  });
});
